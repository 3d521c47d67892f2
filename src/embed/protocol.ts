import { checkPath } from '../project/model';
import type { Diagnostic } from '../protocol/compile';
import type { LanguageId } from '../languages/registry';

/** Files as the embed API takes them: relative path → text or bytes. */
export type EmbedFiles = Record<string, string | Uint8Array | ArrayBuffer>;

/** Version of the postMessage API; bumped only for breaking changes. */
export const EMBED_API_VERSION = 1;

/** Messages the embed sends to its parent. */
export type EmbedEvent =
  | EmbedDebugEvent
  | { type: 'playground:ready'; version: number }
  | { type: 'playground:output'; stream: 'stdout' | 'stderr'; text: string }
  | { type: 'playground:compiled'; ok: boolean; diagnostics: Diagnostic[] }
  /** The program started (true) or stopped (false) waiting for input. */
  | { type: 'playground:stdin'; waiting: boolean }
  | {
      type: 'playground:exit';
      /** Exit code, or null when the program trapped, was stopped or failed. */
      code: number | null;
      trap?: string;
      stopped?: boolean;
      error?: string;
      timings: { compileMs?: number; instantiateMs?: number; runMs?: number; totalMs?: number };
      wasmSize?: number;
      /** With `returnFiles: true`: the sandbox after the run, path → bytes (folders end in /). */
      files?: Record<string, Uint8Array>;
      /** The run was of a component (built with `component: true`, or a component's bytes). */
      component?: true;
    }
  /** The answer to playground:request: body as text when it is UTF-8, else bytes. */
  | {
      type: 'playground:response';
      status: number;
      headers: [string, string][];
      body: string | Uint8Array;
      /** Why the server (not the handler) answered this way (a trap, a timeout, bad headers). */
      error?: string;
      timings: { instantiateUs: number; runUs: number; totalMs: number };
      /** A Spin component's host calls while answering (kind, what, µs, error). */
      hostCalls?: {
        kind: 'kv' | 'sql' | 'http' | 'var';
        what: string;
        us: number;
        error?: string;
      }[];
    }
  /** The answer to playground:coldstart (error: why it could not run). */
  | {
      type: 'playground:coldstart-result';
      count: number;
      p50Us: number;
      p90Us: number;
      p99Us: number;
      maxUs: number;
      perSecond: number;
      memoryBytes: number;
      /** Whether the instances' memories came from the pool (see the command's `memory`). */
      pooled: boolean;
      /** The timer's step in the runner worker (5 µs when cross-origin isolated, else 100). */
      timerResolutionUs: number;
      error?: string;
    };

/** Commands the parent may send. */
/** A frame of a paused program, as the embed reports it. */
export interface EmbedFrame {
  function: string;
  file: string | null;
  line: number | null;
}

/** The debugger's events (embeds with debug=1). */
export type EmbedDebugEvent =
  | {
      type: 'playground:paused';
      reason: 'breakpoint' | 'step' | 'pause' | 'entry' | 'trap';
      file: string | null;
      line: number | null;
      /** Innermost first. */
      frames: EmbedFrame[];
      /** The innermost frame's variables: name, type, value as shown. */
      variables: { name: string; type: string; value: string }[];
      /** A trap's message. */
      message?: string;
    }
  | { type: 'playground:resumed' };

export type EmbedCommand =
  | {
      type: 'playground:set';
      language?: LanguageId;
      source?: string;
      /** Replaces the project's files. */
      files?: EmbedFiles;
      entry?: string;
      stdin?: string;
      args?: string | string[];
      /** Run settings' text (`KEY=value` lines), or name → value (any value, line breaks too). */
      env?: string | Record<string, string>;
      /** The language's optimization level (one of its levels, e.g. `-O0` … `-Oz` for C). */
      optLevel?: string;
      /** Extra compiler flags, as typed in the Flags field (e.g. `-DN=10 -Wall`). */
      flags?: string;
    }
  | {
      type: 'playground:run';
      wasm?: ArrayBuffer | Uint8Array;
      /**
       * Mounted for this run (with `wasm`: the files that module sees). `null`: no directory
       * is preopened at all (fd 3 is not there), as a WASI host given no `--dir`.
       */
      files?: EmbedFiles | null;
      returnFiles?: boolean;
      /** Build the module as a wasi:cli/command component and run that (preview 2). */
      component?: boolean;
      stdin?: string;
      args?: string | string[];
      /** Run settings' text (`KEY=value` lines), or name → value (any value, line breaks too). */
      env?: string | Record<string, string>;
      /** As in playground:set, for this run and the ones after it. */
      optLevel?: string;
      flags?: string;
    }
  | { type: 'playground:stop' }
  /** Types into the running program's stdin (`text`, newline optional), or closes it (`eof`). */
  | { type: 'playground:input'; text?: string; eof?: boolean }
  /**
   * Sends an HTTP request to the project run as a handler (built first when needed): a fresh
   * instance answers; the reply is a playground:response event.
   */
  | {
      type: 'playground:request';
      method?: string;
      path?: string;
      /** `{name: value}` or `[name, value]` pairs. */
      headers?: Record<string, string> | [string, string][];
      body?: string | Uint8Array | ArrayBuffer;
    }
  /** Times `count` fresh instances of the project's module (1–100,000). */
  | { type: 'playground:coldstart'; count?: number; memory?: 'pooled' | 'fresh' }
  /**
   * Debug (embeds with debug=1): a debug build run until a breakpoint (`breakpoints`: file →
   * lines, replacing the project's), a trap, or Pause; `stopAtEntry` pauses at the first line.
   */
  | { type: 'playground:debug'; breakpoints?: Record<string, number[]>; stopAtEntry?: boolean }
  /** Continue, a step, or Pause, in a debug session (playground:stop ends it). */
  | { type: 'playground:debug-step'; action: 'continue' | 'over' | 'into' | 'out' | 'pause' };

const optStr = (v: unknown) => v === undefined || typeof v === 'string';

/** Why `files` is not a well-formed file map (relative paths, text or bytes), or null. */
function checkFiles(files: unknown): string | null {
  if (files === undefined) return null;
  if (!files || typeof files !== 'object' || Array.isArray(files))
    return 'files must be an object of path → string | Uint8Array | ArrayBuffer';
  for (const [p, v] of Object.entries(files)) {
    const c = checkPath(p);
    if ('error' in c) return `bad file path ${JSON.stringify(p)}: ${c.error}`;
    if (typeof v !== 'string' && !(v instanceof Uint8Array) && !(v instanceof ArrayBuffer))
      return `file ${JSON.stringify(p)} must be a string, Uint8Array or ArrayBuffer`;
  }
  return null;
}

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
  const envOk =
    optStr(m.env) ||
    (typeof m.env === 'object' &&
      m.env !== null &&
      !Array.isArray(m.env) &&
      Object.entries(m.env).every(([k, v]) => /^[^=\s]+$/.test(k) && typeof v === 'string'));
  const settingsOk = optStr(m.stdin) && argsOk && envOk && optStr(m.optLevel) && optStr(m.flags);
  switch (m.type) {
    case 'playground:set':
      if (m.language !== undefined && !isLanguage(m.language))
        return `unknown language ${String(m.language)}`;
      if (!optStr(m.source) || !settingsOk || !optStr(m.entry))
        return 'source, entry, stdin, args, optLevel and flags must be strings, env a string or an object of strings';
      return checkFiles(m.files) ?? (m as EmbedCommand);
    case 'playground:run':
      if (
        m.wasm !== undefined &&
        !(m.wasm instanceof ArrayBuffer) &&
        !(m.wasm instanceof Uint8Array)
      ) {
        return 'wasm must be an ArrayBuffer or Uint8Array';
      }
      if (!settingsOk)
        return 'stdin, args, optLevel and flags must be strings, env a string or an object of strings';
      if (m.files === null) return m as EmbedCommand;
      if (m.returnFiles !== undefined && typeof m.returnFiles !== 'boolean')
        return 'returnFiles must be a boolean';
      if (m.component !== undefined && typeof m.component !== 'boolean')
        return 'component must be a boolean';
      return checkFiles(m.files) ?? (m as EmbedCommand);
    case 'playground:stop':
      return m as EmbedCommand;
    case 'playground:request': {
      if (!optStr(m.method) || !optStr(m.path)) return 'method and path must be strings';
      const h = m.headers;
      const pairs =
        h === undefined ||
        (Array.isArray(h) &&
          h.every(
            (x) => Array.isArray(x) && x.length === 2 && x.every((y) => typeof y === 'string'),
          )) ||
        (!!h &&
          typeof h === 'object' &&
          !Array.isArray(h) &&
          Object.values(h).every((v) => typeof v === 'string'));
      if (!pairs) return 'headers must be {name: value} or [name, value] pairs of strings';
      if (
        m.body !== undefined &&
        typeof m.body !== 'string' &&
        !(m.body instanceof Uint8Array) &&
        !(m.body instanceof ArrayBuffer)
      )
        return 'body must be a string, Uint8Array or ArrayBuffer';
      return m as EmbedCommand;
    }
    case 'playground:coldstart':
      if (
        m.count !== undefined &&
        (typeof m.count !== 'number' ||
          !Number.isInteger(m.count) ||
          m.count < 1 ||
          m.count > 100_000)
      )
        return 'count must be a whole number from 1 to 100000';
      if (m.memory !== undefined && m.memory !== 'pooled' && m.memory !== 'fresh')
        return 'memory must be "pooled" or "fresh"';
      return m as EmbedCommand;
    case 'playground:input':
      if (!optStr(m.text) || (m.eof !== undefined && typeof m.eof !== 'boolean'))
        return 'input takes text (a string) and/or eof (a boolean)';
      if (m.text === undefined && m.eof !== true) return 'input needs text or eof: true';
      return m as EmbedCommand;
    case 'playground:debug': {
      const b = m.breakpoints;
      const ok =
        b === undefined ||
        (!!b &&
          typeof b === 'object' &&
          !Array.isArray(b) &&
          Object.values(b).every(
            (ls) => Array.isArray(ls) && ls.every((l) => Number.isInteger(l) && l > 0),
          ));
      if (!ok) return 'breakpoints must be {file: [line, …]} with whole positive lines';
      if (m.stopAtEntry !== undefined && typeof m.stopAtEntry !== 'boolean')
        return 'stopAtEntry must be a boolean';
      return m as EmbedCommand;
    }
    case 'playground:debug-step':
      if (!['continue', 'over', 'into', 'out', 'pause'].includes(m.action as string))
        return 'action must be continue, over, into, out or pause';
      return m as EmbedCommand;
    default:
      return `unknown command ${m.type}`;
  }
}
