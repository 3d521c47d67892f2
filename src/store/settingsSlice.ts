import type { StateCreator } from 'zustand';
import { languages } from '../languages/registry';
import type { CompileOptions, LanguageId } from '../workers/protocol';
import type { Store } from './store';

export type ThemeChoice = 'system' | 'light' | 'dark';

/** Run settings (saved with the source) and UI preferences. */
export interface SettingsSlice {
  stdin: string;
  args: string;
  env: string;
  /** Seconds before a run is stopped; 0 = no limit. */
  timeLimit: number;
  theme: ThemeChoice;
  compileOptions: Record<LanguageId, CompileOptions>;
  setRunSetting(patch: Partial<Pick<SettingsSlice, 'stdin' | 'args' | 'env' | 'timeLimit'>>): void;
  setTheme(theme: ThemeChoice): void;
  setCompileOptions(patch: CompileOptions): void;
}

export const defaultCompileOptions = Object.fromEntries(
  languages.map((l) => [l.id, { optLevel: l.defaultOptLevel ?? '', flags: '' }]),
) as Record<LanguageId, CompileOptions>;

export const createSettingsSlice: StateCreator<Store, [], [], SettingsSlice> = (set) => ({
  stdin: '',
  args: '',
  env: '',
  timeLimit: 10,
  theme: 'system',
  compileOptions: structuredClone(defaultCompileOptions),
  setRunSetting: (patch) => set(patch),
  setTheme: (theme) => set({ theme }),
  setCompileOptions: (patch) =>
    set((s) => ({
      compileOptions: {
        ...s.compileOptions,
        [s.language]: { ...s.compileOptions[s.language], ...patch },
      },
    })),
});
