// What is selected for source ↔ WAT lines (small: the code editor imports it with the page).
import { create } from 'zustand';

export interface LineLinkState {
  /** The source line selected in the code editor. */
  source: { file: string; line: number } | null;
  /** The source line of the instruction selected in the WAT view. */
  fromWat: { file: string; line: number } | null;
  patch(p: Partial<Omit<LineLinkState, 'patch'>>): void;
}

export const useLineLink = create<LineLinkState>((set) => ({
  source: null,
  fromWat: null,
  patch: (p) => set(p),
}));
