import { create } from 'zustand';
import { createRunSlice, type RunSlice } from './runSlice';
import { createSettingsSlice, type SettingsSlice } from './settingsSlice';
import { createSourceSlice, type SourceSlice } from './sourceSlice';
import { createUiSlice, type UiSlice } from './uiSlice';

/** The whole app state: one slice per concern. Components read it through small selectors. */
export type Store = SourceSlice & SettingsSlice & RunSlice & UiSlice;

export const useStore = create<Store>()((...a) => ({
  ...createSourceSlice(...a),
  ...createSettingsSlice(...a),
  ...createRunSlice(...a),
  ...createUiSlice(...a),
}));
