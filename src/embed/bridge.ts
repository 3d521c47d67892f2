import { formatEnv } from '../wasm/args';
import { isLanguageId, languageById } from '../languages/registry';
import { bytesToData, checkPath, makeProject, type ProjectFiles } from '../project/model';
import { addRunListener } from '../store/runEvents';
import {
  currentModule,
  ensureHandler,
  runProgram,
  sendEof,
  sendInput,
  stopProgram,
} from '../run/actions';
import { runColdStart } from '../server/coldStartLab';
import { serveRequest, useServer, withDefaults } from '../server/state';
import { useStore } from '../store/store';
import type { MemoryMode } from '../protocol/server';
import type { EmbedOptions } from './options';
import { debugEvents, handleDebug } from './debugBridge';
import {
  checkCommand,
  EMBED_API_VERSION,
  type EmbedCommand,
  type EmbedEvent,
  type EmbedFiles,
} from './protocol';

/** The embed API's files as a project tree (strings stay text, bytes become text if they are). */
function toProjectFiles(files: EmbedFiles): ProjectFiles {
  const out: ProjectFiles = {};
  for (const [p, v] of Object.entries(files)) {
    const c = checkPath(p);
    if ('error' in c) continue;
    out[c.path] =
      typeof v === 'string'
        ? v
        : bytesToData(new Uint8Array(v instanceof ArrayBuffer ? v : v.slice()));
  }
  return out;
}

/** Whether the next exit event carries the sandbox's files. */
let returnFiles = false;

function applySettings(cmd: {
  stdin?: string;
  args?: string | string[];
  env?: string | Record<string, string>;
  optLevel?: string;
  flags?: string;
}) {
  applyCompileOptions(cmd);
  const patch: Partial<{ stdin: string; args: string; env: string }> = {};
  if (cmd.stdin !== undefined) patch.stdin = cmd.stdin;
  if (cmd.args !== undefined) {
    patch.args = Array.isArray(cmd.args)
      ? cmd.args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ')
      : cmd.args;
  }
  if (cmd.env !== undefined) patch.env = typeof cmd.env === 'string' ? cmd.env : formatEnv(cmd.env);
  useStore.getState().setRunSetting(patch);
}

/** optLevel and flags for the current language, as its toolbar would set them (no reload). */
function applyCompileOptions({ optLevel, flags }: { optLevel?: string; flags?: string }) {
  const s = useStore.getState();
  const levels = languageById[s.language].optLevels ?? [];
  if (optLevel !== undefined && !levels.includes(optLevel)) {
    console.warn(
      `playground embed: optLevel ${JSON.stringify(optLevel)} ignored: ${s.language} has ${levels.length ? levels.join(', ') : 'no levels'}`,
    );
    optLevel = undefined;
  }
  if (optLevel !== undefined || flags !== undefined)
    s.setCompileOptions({
      ...(optLevel !== undefined ? { optLevel } : {}),
      ...(flags !== undefined ? { flags } : {}),
    });
}

const enc = new TextEncoder();

/** playground:request: builds the handler when needed, then a fresh instance answers. */
async function embedRequest(
  cmd: Extract<EmbedCommand, { type: 'playground:request' }>,
  post: (ev: EmbedEvent) => void,
) {
  const fail = (error: string) =>
    post({
      type: 'playground:response',
      status: 500,
      headers: [],
      body: error,
      error,
      timings: { instantiateUs: 0, runUs: 0, totalMs: 0 },
    });
  const path = cmd.path ?? '/';
  if (!path.startsWith('/')) return fail('path must start with /');
  if (!(await ensureHandler()))
    return fail(
      useStore.getState().exit?.kind === 'error'
        ? 'compile failed'
        : 'the handler could not be built',
    );
  const headers: [string, string][] = Array.isArray(cmd.headers)
    ? cmd.headers
    : Object.entries(cmd.headers ?? {});
  const body =
    typeof cmd.body === 'string'
      ? enc.encode(cmd.body)
      : cmd.body
        ? new Uint8Array(cmd.body.slice(0))
        : new Uint8Array(0);
  const r = await serveRequest(
    withDefaults({ method: (cmd.method ?? 'GET').toUpperCase(), path, headers, body }),
    'embed',
  );
  let text: string | null = null;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(r.body);
  } catch {
    // not UTF-8: the bytes go as they are
  }
  post({
    type: 'playground:response',
    status: r.status,
    headers: r.headers,
    body: text ?? r.body,
    ...(r.error ? { error: r.error } : {}),
    timings: { instantiateUs: r.instantiateUs, runUs: r.runUs, totalMs: r.totalMs },
    ...(r.hostCalls ? { hostCalls: r.hostCalls } : {}),
  });
}

/** playground:coldstart: the lab on the project's module (compiled when needed). */
async function embedColdStart(
  count: number,
  memory: MemoryMode | undefined,
  post: (ev: EmbedEvent) => void,
) {
  const none = {
    count,
    p50Us: 0,
    p90Us: 0,
    p99Us: 0,
    maxUs: 0,
    perSecond: 0,
    memoryBytes: 0,
    pooled: false,
    timerResolutionUs: 0,
  };
  const wasm = await currentModule();
  if (!wasm) return post({ type: 'playground:coldstart-result', ...none, error: 'compile failed' });
  const r = await runColdStart(wasm, count, memory);
  if (!r)
    return post({
      type: 'playground:coldstart-result',
      ...none,
      error: useServer.getState().coldError ?? 'failed',
    });
  post({
    type: 'playground:coldstart-result',
    count: r.count,
    p50Us: r.p50Us,
    p90Us: r.p90Us,
    p99Us: r.p99Us,
    maxUs: r.maxUs,
    perSecond: r.perSecond,
    memoryBytes: r.memoryBytes,
    pooled: r.pooled,
    timerResolutionUs: r.timerResolutionUs,
  });
}

function handle(cmd: EmbedCommand, post: (ev: EmbedEvent) => void, opts: EmbedOptions) {
  switch (cmd.type) {
    case 'playground:debug':
    case 'playground:debug-step':
      handleDebug(cmd, opts.debug);
      break;
    case 'playground:set': {
      const s = useStore.getState();
      const language = cmd.language ?? s.language;
      if (cmd.files || language !== s.language) {
        // A new tree (or language): a new project, with the source as its entry if given.
        const files = cmd.files
          ? toProjectFiles(cmd.files)
          : { [languageById[language].fileName]: cmd.source ?? '' };
        const entry = cmd.entry ?? languageById[language].fileName;
        if (cmd.source !== undefined) files[entry] = cmd.source;
        s.addProject(makeProject(language, files, { name: 'Embedded project', entry }));
      } else {
        if (cmd.entry !== undefined) s.setEntry(cmd.entry);
        if (cmd.source !== undefined) useStore.getState().setSource(cmd.source);
      }
      applySettings(cmd);
      break;
    }
    case 'playground:run':
      applySettings(cmd);
      returnFiles = cmd.returnFiles === true;
      void runProgram({
        ...(cmd.wasm ? { wasm: new Uint8Array(cmd.wasm.slice(0)) } : {}),
        ...(cmd.files ? { files: toProjectFiles(cmd.files) } : {}),
        ...(cmd.files === null ? { preopen: false } : {}),
        ...(cmd.component === true ? { component: true } : {}),
        ...(returnFiles ? { returnFiles: true } : {}),
      });
      break;
    case 'playground:stop':
      stopProgram();
      break;
    case 'playground:request':
      void embedRequest(cmd, post);
      break;
    case 'playground:coldstart':
      void embedColdStart(cmd.count ?? 1000, cmd.memory, post);
      break;
    case 'playground:input': {
      const ok = (cmd.text === undefined || sendInput(cmd.text)) && (cmd.eof !== true || sendEof());
      if (!ok)
        console.warn(
          'playground embed: input ignored: no running program reads stdin (embed with terminal=1, and leave stdin empty)',
        );
      break;
    }
  }
}

/**
 * The embed's postMessage API: commands from the parent, events to it. With `origin=` only that
 * origin is obeyed and written to; anything malformed is ignored with a console warning.
 */
export function startBridge(opts: EmbedOptions): () => void {
  const parent = window.parent !== window ? window.parent : null;
  const target = opts.origin ?? '*';
  const canPost = parent !== null && target !== 'invalid:';
  const post = (ev: EmbedEvent) => {
    if (canPost) parent!.postMessage(ev, target);
  };

  const onMessage = (e: MessageEvent) => {
    // The page's own messages (Monaco schedules work with them) are not commands.
    if (e.source === window) return;
    if (opts.origin && e.origin !== opts.origin) {
      console.warn(
        `playground embed: ignored a message from ${e.origin} (only ${opts.origin} may command it)`,
      );
      return;
    }
    const cmd = checkCommand(e.data, isLanguageId);
    if (typeof cmd === 'string') {
      console.warn(`playground embed: ignored a malformed message (${cmd})`, e.data);
      return;
    }
    handle(cmd, post, opts);
  };
  window.addEventListener('message', onMessage);

  const unlistenStdin = useStore.subscribe((s, prev) => {
    if (s.stdinWaiting !== prev.stdinWaiting)
      post({ type: 'playground:stdin', waiting: s.stdinWaiting });
  });
  const unlisten = addRunListener({
    compiled: (ok, diagnostics) => post({ type: 'playground:compiled', ok, diagnostics }),
    output: (chunks) => {
      for (const c of chunks)
        if (c.stream !== 'stdin')
          post({ type: 'playground:output', stream: c.stream, text: c.text });
    },
    exit: (exit, t, files) => {
      const withFiles = returnFiles && files;
      returnFiles = false;
      post({
        type: 'playground:exit',
        code: exit.kind === 'exit' ? exit.code : null,
        ...(exit.kind === 'trap'
          ? { trap: exit.message + (exit.func ? ` in ${exit.func}` : '') }
          : {}),
        ...(exit.kind === 'stopped' ? { stopped: true } : {}),
        ...(exit.kind === 'error' ? { error: exit.message } : {}),
        ...(exit.kind === 'served' ? { status: exit.status } : {}),
        // Ran (or was built) as a component: asked for, or a component was run.
        ...(useStore.getState().component ? { component: true } : {}),
        timings: {
          compileMs: t.compileMs,
          instantiateMs: t.instantiateMs,
          runMs: t.runMs,
          totalMs: t.totalMs,
        },
        wasmSize: t.wasmSize,
        ...(withFiles ? { files } : {}),
      });
    },
  });
  const unlistenDebug = opts.debug ? debugEvents(post) : () => {};
  post({ type: 'playground:ready', version: EMBED_API_VERSION });
  return () => {
    unlistenDebug();
    window.removeEventListener('message', onMessage);
    unlisten();
    unlistenStdin();
  };
}
