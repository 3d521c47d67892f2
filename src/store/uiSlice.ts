import type { StateCreator } from 'zustand';
import type { Store } from './store';

/** The panel shown under the editor on a narrow screen. */
export type NarrowTab =
  'output' | 'inspector' | 'instances' | 'http' | 'problems' | 'settings' | 'timings' | 'debug';
/** What the panel beside the editor shows on a wide screen. */
export type MainTab = 'output' | 'inspector' | 'instances' | 'http';

/** Transient UI notices: not saved, not shared. */
export interface UiSlice {
  /** Why the link that opened the page could not be read. */
  shareError: string | null;
  /** The project that was open before a shared link opened another (Restore my draft). */
  draftId: string | null;
  /** The open project was saved by another tab since this one loaded it. */
  conflictId: string | null;
  /** Why projects cannot be saved (storage full or unavailable); null while saving works. */
  storageError: string | null;
  /** A short message shown in the toolbar (e.g. "Link copied"). */
  toast: { text: string; tone: 'ok' | 'warn' } | null;
  /** An action offered beside the toast (e.g. Undo after a delete). */
  toastAction: { label: string; run: () => void } | null;
  narrowTab: NarrowTab;
  mainTab: MainTab;
  patchUi(
    patch: Partial<
      Pick<
        UiSlice,
        | 'shareError'
        | 'draftId'
        | 'conflictId'
        | 'toast'
        | 'toastAction'
        | 'storageError'
        | 'narrowTab'
        | 'mainTab'
      >
    >,
  ): void;
}

export const createUiSlice: StateCreator<Store, [], [], UiSlice> = (set) => ({
  shareError: null,
  draftId: null,
  conflictId: null,
  storageError: null,
  toast: null,
  toastAction: null,
  narrowTab: 'output',
  mainTab: 'output',
  patchUi: (patch) => set(patch),
});
