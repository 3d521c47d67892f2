import { create } from 'zustand';
import { createRunSlice, type RunSlice } from './runSlice';
import { createSettingsSlice, type SettingsSlice } from './settingsSlice';
import { createProjectSlice, type ProjectSlice } from './projectSlice';
import { createUiSlice, type UiSlice } from './uiSlice';

/** The whole app state: one slice per concern. Components read it through small selectors. */
export type Store = ProjectSlice & SettingsSlice & RunSlice & UiSlice;

export const useStore = create<Store>()((...a) => ({
  ...createProjectSlice(...a),
  ...createSettingsSlice(...a),
  ...createRunSlice(...a),
  ...createUiSlice(...a),
}));
