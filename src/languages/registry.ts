import type { LanguageId } from '../workers/protocol';
import { assemblyscriptMeta } from './assemblyscript/meta';
import { cMeta } from './c/meta';
import { cppMeta } from './cpp/meta';
import type { LanguageMeta } from './types';
import { watMeta } from './wat/meta';

/** Every language in picker order. Adding a language = one folder + one line here. */
export const languages: LanguageMeta[] = [watMeta, assemblyscriptMeta, cMeta, cppMeta];

export const languageById = Object.fromEntries(languages.map((l) => [l.id, l])) as Record<
  LanguageId,
  LanguageMeta
>;

export function isLanguageId(x: unknown): x is LanguageId {
  return typeof x === 'string' && Object.prototype.hasOwnProperty.call(languageById, x);
}
