import { WASM_OPT_PRESETS } from '../inspect/presets';
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import type { CompileOptions } from '../protocol/compile';
import type { LanguageId } from '../languages/registry';
import { badRoute } from '../server/wagi';
import { isLanguageId, languageById } from '../languages/registry';
import { checkPath, dataSize, isDir, type ProjectFiles } from '../project/model';
import { cleanBreakpoints, type Breakpoints } from '../project/breakpoints';

/** Everything a shared link carries: a project with its run settings and compiler options. */
export interface SharedState {
  language: LanguageId;
  files: ProjectFiles;
  entry: string;
  stdin: string;
  args: string;
  env: string;
  timeLimit: number;
  compileOptions: CompileOptions;
  /** After the preset stdin, read the terminal (absent: end of file, as in v2's first links). */
  stdinThenTerminal?: boolean;
  /** Run as a wasi:cli/command component (absent: a preview 1 module). */
  asComponent?: boolean;
  /** An HTTP handler project (absent: a command). */
  runMode?: 'http';
  /** The handler's route (absent: `/...`). */
  route?: string;
  /** A Spin component handler (absent: WAGI). */
  executor?: 'spin-component';
  /** The language's other interpreter (e.g. `pyodide`); absent: the default one. */
  interpreter?: string;
  /** Breakpoints, when the project had some as it was shared. */
  breakpoints?: Breakpoints;
}

export const SHARE_VERSION = 2;
const PREFIX = `v${SHARE_VERSION}.`;
/** Files larger than this are left out of links (named in `omitted`). */
export const MAX_SHARED_FILE = 1024 * 1024;
/** Past this many characters some chat apps and mail clients cut links. */
export const LONG_URL_CHARS = 8 * 1024;

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text))
    throw new Error('the link contains characters that base64url does not use');
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * Encodes the state as `v2.<base64url(deflate(JSON))>`, the part after `#`. In the JSON, a text
 * file is a string and a binary one `{"base64": "…"}`; a folder is a path ending in `/`. Files
 * over 1 MiB are left out and named in `omitted`.
 */
export function encodeShareV2(state: SharedState): { fragment: string; omitted: string[] } {
  const files: Record<string, string | { base64: string }> = {};
  const omitted: string[] = [];
  for (const [p, v] of Object.entries(state.files)) {
    if (!isDir(p) && dataSize(v) > MAX_SHARED_FILE) omitted.push(p);
    else files[p] = typeof v === 'string' ? v : { base64: toBase64Url(v) };
  }
  const json = JSON.stringify({ ...state, files });
  return { fragment: PREFIX + toBase64Url(deflateSync(strToU8(json), { level: 9 })), omitted };
}

/** The fragment alone (see encodeShareV2). */
export function encodeShare(state: SharedState): string {
  return encodeShareV2(state).fragment;
}

/** The v1 format (one source text), still read; tests write it to prove that old links open. */
export function encodeShareV1(state: Omit<SharedState, 'files' | 'entry'> & { source: string }) {
  return 'v1.' + toBase64Url(deflateSync(strToU8(JSON.stringify(state)), { level: 9 }));
}

export type DecodeResult = { ok: true; state: SharedState } | { ok: false; error: string };

/** Decodes a fragment (with or without `#`); never throws. */
export function decodeShare(fragment: string): DecodeResult {
  const text = fragment.replace(/^#/, '');
  const m = /^v(\d+)\.(.*)$/s.exec(text);
  if (!m)
    return {
      ok: false,
      error: 'This link does not contain a playground program (unknown format).',
    };
  const version = Number(m[1]);
  if (version > SHARE_VERSION) {
    return {
      ok: false,
      error: `This link was made by a newer playground (format v${version}); this one reads v${SHARE_VERSION}. Reload to update.`,
    };
  }
  if (version < 1) return { ok: false, error: `Unknown link format v${version}.` };
  let json: unknown;
  try {
    json = JSON.parse(strFromU8(inflateSync(fromBase64Url(m[2]))));
  } catch {
    return {
      ok: false,
      error:
        'This link is damaged or cut short (it could not be decompressed). Ask for the whole link.',
    };
  }
  const state = version === 1 ? validateV1(json) : validate(json);
  return state
    ? { ok: true, state }
    : { ok: false, error: 'This link is damaged: its program data is incomplete.' };
}

/** A v1 link: one source text, which becomes the entry file of a one-file project. */
function validateV1(x: unknown): SharedState | null {
  if (!x || typeof x !== 'object') return null;
  const r = x as Record<string, unknown>;
  if (!isLanguageId(r.language) || typeof r.source !== 'string') return null;
  const entry = languageById[r.language].fileName;
  return settings(r, r.language, { [entry]: r.source }, entry);
}

function validate(x: unknown): SharedState | null {
  if (!x || typeof x !== 'object') return null;
  const r = x as Record<string, unknown>;
  if (!isLanguageId(r.language) || typeof r.entry !== 'string') return null;
  if (!r.files || typeof r.files !== 'object') return null;
  const files: ProjectFiles = {};
  for (const [p, v] of Object.entries(r.files as Record<string, unknown>)) {
    const checked = checkPath(p);
    if ('error' in checked || checked.path !== p) return null;
    if (typeof v === 'string') files[p] = v;
    else if (v && typeof v === 'object' && typeof (v as { base64?: unknown }).base64 === 'string')
      files[p] = fromBase64Url((v as { base64: string }).base64);
    else return null;
  }
  if (!(r.entry in files)) return null;
  return settings(r, r.language, files, r.entry);
}

function settings(
  r: Record<string, unknown>,
  language: LanguageId,
  files: ProjectFiles,
  entry: string,
): SharedState {
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const opts = (r.compileOptions ?? {}) as Record<string, unknown>;
  return {
    language,
    files,
    entry,
    stdin: str(r.stdin),
    args: str(r.args),
    env: str(r.env),
    timeLimit:
      typeof r.timeLimit === 'number' && r.timeLimit >= 0 && r.timeLimit <= 3600 ? r.timeLimit : 10,
    compileOptions: {
      optLevel: str(opts.optLevel),
      flags: str(opts.flags),
      ...(WASM_OPT_PRESETS.includes(opts.wasmOpt as string)
        ? { wasmOpt: opts.wasmOpt as string }
        : {}),
    },
    ...(r.stdinThenTerminal === true ? { stdinThenTerminal: true } : {}),
    ...(r.asComponent === true ? { asComponent: true } : {}),
    ...(r.runMode === 'http' ? { runMode: 'http' as const } : {}),
    ...(typeof r.route === 'string' && !badRoute(r.route) ? { route: r.route } : {}),
    ...(r.executor === 'spin-component' ? { executor: 'spin-component' as const } : {}),
    ...(typeof r.interpreter === 'string' &&
    languageById[language].interpreter?.alternative?.id === r.interpreter
      ? { interpreter: r.interpreter }
      : {}),
    ...(cleanBreakpoints(r.breakpoints, files)
      ? { breakpoints: cleanBreakpoints(r.breakpoints, files) }
      : {}),
  };
}
