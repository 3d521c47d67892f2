import type { StateCreator } from 'zustand';
import type { Store } from './store';

/** Transient UI notices: not saved, not shared. */
export interface UiSlice {
  /** Why the link that opened the page could not be read. */
  shareError: string | null;
  /** Set when a shared link replaced the editor content and a draft can be restored. */
  draftAvailable: boolean;
  /** A short message shown in the toolbar (e.g. "Link copied"). */
  toast: { text: string; tone: 'ok' | 'warn' } | null;
  patchUi(patch: Partial<Pick<UiSlice, 'shareError' | 'draftAvailable' | 'toast'>>): void;
}

export const createUiSlice: StateCreator<Store, [], [], UiSlice> = (set) => ({
  shareError: null,
  draftAvailable: false,
  toast: null,
  patchUi: (patch) => set(patch),
});
