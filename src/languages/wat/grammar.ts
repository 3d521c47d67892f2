import { watConfiguration, watLanguage } from '../../wasm/watGrammar';
import type { MonacoGrammar } from '../types';

/** The WAT grammar as the editor registers it (see LanguageMeta.grammar). */
export const watGrammar: MonacoGrammar = {
  id: 'wat',
  extensions: ['.wat', '.wast'],
  aliases: ['WAT', 'wat'],
  tokens: watLanguage,
  configuration: watConfiguration,
};
