import { extensionOf } from '../project/fileTypes';
import { assemblyscriptMeta } from './assemblyscript/meta';
import { cMeta } from './c/meta';
import { cppMeta } from './cpp/meta';
import type { FormatterId, LanguageMeta } from './types';
import { watMeta } from './wat/meta';
import { pythonMeta } from './python/meta';
import { rubyMeta } from './ruby/meta';

/** Every language in picker order. Adding a language = one folder + one line here. */
export const languages = [
  watMeta,
  assemblyscriptMeta,
  cMeta,
  cppMeta,
  pythonMeta,
  rubyMeta,
] as const;

/** Every language id the playground knows: derived from the list above, nowhere else. */
export type LanguageId = (typeof languages)[number]['id'];

export const languageById = Object.fromEntries(languages.map((l) => [l.id, l])) as Record<
  LanguageId,
  LanguageMeta<LanguageId>
>;

export function isLanguageId(x: unknown): x is LanguageId {
  return typeof x === 'string' && Object.prototype.hasOwnProperty.call(languageById, x);
}

/** The language a new visitor starts in. */
export const defaultLanguage: LanguageId = languages[0].id;

/** The language that compiles files like `path`, or null (data, docs, headers). */
export function languageOfSource(path: string): LanguageId | null {
  const e = extensionOf(path);
  return languages.find((l) => l.sources.includes(e))?.id ?? null;
}

/** The Monaco language of a file by its extension; headers follow the project's language. */
export function monacoLanguageOf(path: string, project: LanguageId): string {
  const e = extensionOf(path);
  if (languageById[project]?.headers?.includes(e)) return languageById[project].monacoId;
  const l = languages.find((x) => x.sources.includes(e) || x.headers?.includes(e));
  if (l) return l.monacoId;
  return e === 'md' || e === 'markdown' ? 'markdown' : 'plaintext';
}

/** Every Monaco language a project file can have (see monacoLanguageOf). */
export const editorLanguages = [
  ...new Set([...languages.map((l) => l.monacoId), 'markdown', 'plaintext']),
];

/**
 * The language of a set of files (an opened zip): the one whose entry file name is there, else
 * the one with the most source files; null when none compiles any of them.
 */
export function guessLanguage(paths: string[]): LanguageId | null {
  const byEntry = languages.find((l) =>
    paths.some((p) => p === l.fileName || p.endsWith(`/${l.fileName}`)),
  );
  if (byEntry) return byEntry.id;
  let best: LanguageId | null = null;
  let most = 0;
  for (const l of languages) {
    const n = paths.filter((p) => l.sources.includes(extensionOf(p))).length;
    if (n > most) [best, most] = [l.id, n];
  }
  return best;
}

/**
 * What Format Document tells the format worker for a file: the formatter of the language whose
 * sources or headers it is (headers follow the project), with that language's Monaco id.
 * Other files (JSON) are formatted by their extension alone.
 */
export function formatterOf(
  path: string,
  project: LanguageId,
): { formatter?: FormatterId; dialect?: string } {
  const e = extensionOf(path);
  const p = languageById[project];
  const l = p?.headers?.includes(e)
    ? p
    : languages.find((x) => x.sources.includes(e) || x.headers?.includes(e));
  return l ? { formatter: l.formatter, dialect: l.monacoId } : {};
}
