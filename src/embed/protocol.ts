import type { Diagnostic, LanguageId } from '../workers/protocol';

/** Version of the postMessage API; bumped only for breaking changes. */
export const EMBED_API_VERSION = 1;

/** Messages the embed sends to its parent. */
export type EmbedEvent =
  | { type: 'playground:ready'; version: number }
  | { type: 'playground:output'; stream: 'stdout' | 'stderr'; text: string }
  | { type: 'playground:compiled'; ok: boolean; diagnostics: Diagnostic[] }
  | {
      type: 'playground:exit';
      /** Exit code, or null when the program trapped, was stopped or failed. */
      code: number | null;
      trap?: string;
      stopped?: boolean;
      error?: string;
      timings: { compileMs?: number; instantiateMs?: number; runMs?: number; totalMs?: number };
      wasmSize?: number;
    };

/** Commands the parent may send. */
export type EmbedCommand =
  | {
      type: 'playground:set';
      language?: LanguageId;
      source?: string;
      stdin?: string;
      args?: string | string[];
      env?: string;
    }
  | {
      type: 'playground:run';
      wasm?: ArrayBuffer | Uint8Array;
      stdin?: string;
      args?: string | string[];
      env?: string;
    }
  | { type: 'playground:stop' };

const optStr = (v: unknown) => v === undefined || typeof v === 'string';

/** Validates an untrusted message; returns a reason when it is not a well-formed command. */
export function checkCommand(
  data: unknown,
  isLanguage: (x: unknown) => boolean,
): EmbedCommand | string {
  if (!data || typeof data !== 'object') return 'not an object';
  const m = data as Record<string, unknown>;
  if (typeof m.type !== 'string' || !m.type.startsWith('playground:'))
    return 'no playground:* type';
  const argsOk =
    optStr(m.args) || (Array.isArray(m.args) && m.args.every((a) => typeof a === 'string'));
  const settingsOk = optStr(m.stdin) && argsOk && optStr(m.env);
  switch (m.type) {
    case 'playground:set':
      if (m.language !== undefined && !isLanguage(m.language))
        return `unknown language ${String(m.language)}`;
      if (!optStr(m.source) || !settingsOk) return 'source, stdin, args and env must be strings';
      return m as EmbedCommand;
    case 'playground:run':
      if (
        m.wasm !== undefined &&
        !(m.wasm instanceof ArrayBuffer) &&
        !(m.wasm instanceof Uint8Array)
      ) {
        return 'wasm must be an ArrayBuffer or Uint8Array';
      }
      if (!settingsOk) return 'stdin, args and env must be strings';
      return m as EmbedCommand;
    case 'playground:stop':
      return m as EmbedCommand;
    default:
      return `unknown command ${m.type}`;
  }
}
