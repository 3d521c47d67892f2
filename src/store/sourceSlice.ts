import type { StateCreator } from 'zustand';
import { languageById, languages } from '../languages/registry';
import type { LanguageId } from '../workers/protocol';
import type { Store } from './store';

/** Which language is selected and the source of every language (each keeps its own draft). */
export interface SourceSlice {
  language: LanguageId;
  sources: Record<LanguageId, string>;
  setLanguage(language: LanguageId): void;
  setSource(source: string): void;
  loadExample(exampleId: string): void;
}

export const defaultSources = Object.fromEntries(
  languages.map((l) => [l.id, l.examples[0].source]),
) as Record<LanguageId, string>;

export const createSourceSlice: StateCreator<Store, [], [], SourceSlice> = (set, get) => ({
  language: 'wat',
  sources: { ...defaultSources },
  setLanguage: (language) => set({ language }),
  setSource: (source) => set((s) => ({ sources: { ...s.sources, [s.language]: source } })),
  loadExample: (exampleId) => {
    const { language } = get();
    const ex = languageById[language].examples.find((e) => e.id === exampleId);
    if (!ex) return;
    set((s) => ({
      sources: { ...s.sources, [language]: ex.source },
      ...(ex.stdin !== undefined ? { stdin: ex.stdin } : {}),
      ...(ex.args !== undefined ? { args: ex.args } : {}),
    }));
  },
});
