import { create } from 'zustand';
import { createRunSlice, type RunSlice } from './runSlice';
import { createSettingsSlice, type SettingsSlice } from './settingsSlice';
import { createSourceSlice, type SourceSlice } from './sourceSlice';

/** The whole app state: one slice per concern. Components read it through small selectors. */
export type Store = SourceSlice & SettingsSlice & RunSlice;

export const useStore = create<Store>()((...a) => ({
  ...createSourceSlice(...a),
  ...createSettingsSlice(...a),
  ...createRunSlice(...a),
}));
