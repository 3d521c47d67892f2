import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import type { CompileOptions, LanguageId } from '../workers/protocol';
import { isLanguageId } from '../languages/registry';

/** Everything a shared link carries: one program with its run settings and compiler options. */
export interface SharedState {
  language: LanguageId;
  source: string;
  stdin: string;
  args: string;
  env: string;
  timeLimit: number;
  compileOptions: CompileOptions;
}

export const SHARE_VERSION = 1;
const PREFIX = `v${SHARE_VERSION}.`;
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

/** Encodes the state as `v1.<base64url(deflate(JSON))>`, the part after `#`. */
export function encodeShare(state: SharedState): string {
  return PREFIX + toBase64Url(deflateSync(strToU8(JSON.stringify(state)), { level: 9 }));
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
  if (version !== SHARE_VERSION) return { ok: false, error: `Unknown link format v${version}.` };
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
  const state = validate(json);
  return state
    ? { ok: true, state }
    : { ok: false, error: 'This link is damaged: its program data is incomplete.' };
}

function validate(x: unknown): SharedState | null {
  if (!x || typeof x !== 'object') return null;
  const r = x as Record<string, unknown>;
  if (!isLanguageId(r.language) || typeof r.source !== 'string') return null;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const opts = (r.compileOptions ?? {}) as Record<string, unknown>;
  return {
    language: r.language,
    source: r.source,
    stdin: str(r.stdin),
    args: str(r.args),
    env: str(r.env),
    timeLimit:
      typeof r.timeLimit === 'number' && r.timeLimit >= 0 && r.timeLimit <= 3600 ? r.timeLimit : 10,
    compileOptions: { optLevel: str(opts.optLevel), flags: str(opts.flags) },
  };
}
