import type { StateCreator } from 'zustand';
import { languages } from '../languages/registry';
import type { CompileOptions } from '../protocol/compile';
import type { LanguageId } from '../languages/registry';
import type { Store } from './store';

export type ThemeChoice = 'system' | 'light' | 'dark';
/** Font sizes offered for the output. */
export const OUTPUT_FONT_SIZES = [11, 12, 13, 14, 16, 18];

/** How the Output panel shows a run: the fast line list, or a terminal. */
export type OutputView = 'list' | 'terminal';

/** Editor key bindings: Monaco's own, or Vim (monaco-vim) or Emacs (monaco-emacs). */
export type Keybindings = 'default' | 'vim' | 'emacs';
export const TAB_SIZES = [2, 4, 8];

/** How the editor behaves; remembered. */
export interface EditorPrefs {
  keybindings: Keybindings;
  /** Indent width (spaces), used by the editor and by Format. */
  tabSize: number;
  wordWrap: boolean;
  minimap: boolean;
}

export const defaultEditorPrefs: EditorPrefs = {
  keybindings: 'default',
  tabSize: 2,
  wordWrap: false,
  minimap: false,
};

/** Run settings (saved with the source) and UI preferences. */
export interface SettingsSlice {
  stdin: string;
  args: string;
  env: string;
  /** Seconds before a run is stopped; 0 = no limit. */
  timeLimit: number;
  /** After the preset stdin is used up, the program reads the terminal (else: end of file). */
  stdinThenTerminal: boolean;
  /** Run builds a wasi:cli/command component of the module and runs that (preview 2). */
  asComponent: boolean;
  theme: ThemeChoice;
  outputView: OutputView;
  /** The list view wraps long lines. */
  wrapOutput: boolean;
  /** Output font size in px (list and terminal). */
  outputFontSize: number;
  /** Toolchains the user agreed to download (by toolchain name, e.g. clang). */
  toolchainConsent: Record<string, boolean>;
  /**
   * Whether a run's stdin may be typed in the terminal: on in the app, in an embed only with
   * `terminal=1` (an embed's host may not show anyone a terminal to type in).
   */
  interactive: boolean;
  compileOptions: Record<LanguageId, CompileOptions>;
  editorPrefs: EditorPrefs;
  setEditorPrefs(patch: Partial<EditorPrefs>): void;
  setRunSetting(
    patch: Partial<
      Pick<
        SettingsSlice,
        'stdin' | 'args' | 'env' | 'timeLimit' | 'stdinThenTerminal' | 'asComponent'
      >
    >,
  ): void;
  setTheme(theme: ThemeChoice): void;
  setOutputView(view: OutputView): void;
  setOutputPrefs(patch: Partial<Pick<SettingsSlice, 'wrapOutput' | 'outputFontSize'>>): void;
  consentTo(toolchain: string): void;
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
  stdinThenTerminal: false,
  asComponent: false,
  theme: 'system',
  outputView: 'list',
  wrapOutput: false,
  outputFontSize: 13,
  toolchainConsent: {},
  interactive: true,
  compileOptions: structuredClone(defaultCompileOptions),
  editorPrefs: defaultEditorPrefs,
  setEditorPrefs: (patch) => set((s) => ({ editorPrefs: { ...s.editorPrefs, ...patch } })),
  setRunSetting: (patch) => set(patch),
  setTheme: (theme) => set({ theme }),
  setOutputView: (outputView) => set({ outputView }),
  setOutputPrefs: (patch) => set(patch),
  consentTo: (toolchain) =>
    set((s) => ({ toolchainConsent: { ...s.toolchainConsent, [toolchain]: true } })),
  setCompileOptions: (patch) =>
    set((s) => ({
      compileOptions: {
        ...s.compileOptions,
        [s.language]: { ...s.compileOptions[s.language], ...patch },
      },
    })),
});
