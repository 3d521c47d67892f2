import { isLanguageId } from '../languages/registry';
import { addRunListener } from '../store/runEvents';
import { runProgram, stopProgram } from '../store/runActions';
import { useStore } from '../store/store';
import type { EmbedOptions } from './options';
import { checkCommand, EMBED_API_VERSION, type EmbedCommand, type EmbedEvent } from './protocol';

function applySettings(cmd: { stdin?: string; args?: string | string[]; env?: string }) {
  const patch: Partial<{ stdin: string; args: string; env: string }> = {};
  if (cmd.stdin !== undefined) patch.stdin = cmd.stdin;
  if (cmd.args !== undefined) {
    patch.args = Array.isArray(cmd.args)
      ? cmd.args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ')
      : cmd.args;
  }
  if (cmd.env !== undefined) patch.env = cmd.env;
  useStore.getState().setRunSetting(patch);
}

function handle(cmd: EmbedCommand) {
  switch (cmd.type) {
    case 'playground:set':
      useStore.setState((s) => {
        const language = cmd.language ?? s.language;
        return {
          language,
          sources: cmd.source !== undefined ? { ...s.sources, [language]: cmd.source } : s.sources,
        };
      });
      applySettings(cmd);
      break;
    case 'playground:run':
      applySettings(cmd);
      void runProgram(cmd.wasm ? { wasm: new Uint8Array(cmd.wasm.slice(0)) } : {});
      break;
    case 'playground:stop':
      stopProgram();
      break;
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
    handle(cmd);
  };
  window.addEventListener('message', onMessage);

  const unlisten = addRunListener({
    compiled: (ok, diagnostics) => post({ type: 'playground:compiled', ok, diagnostics }),
    output: (chunks) => {
      for (const c of chunks) post({ type: 'playground:output', stream: c.stream, text: c.text });
    },
    exit: (exit, t) =>
      post({
        type: 'playground:exit',
        code: exit.kind === 'exit' ? exit.code : null,
        ...(exit.kind === 'trap'
          ? { trap: exit.message + (exit.func ? ` in ${exit.func}` : '') }
          : {}),
        ...(exit.kind === 'stopped' ? { stopped: true } : {}),
        ...(exit.kind === 'error' ? { error: exit.message } : {}),
        timings: {
          compileMs: t.compileMs,
          instantiateMs: t.instantiateMs,
          runMs: t.runMs,
          totalMs: t.totalMs,
        },
        wasmSize: t.wasmSize,
      }),
  });
  post({ type: 'playground:ready', version: EMBED_API_VERSION });
  return () => {
    window.removeEventListener('message', onMessage);
    unlisten();
  };
}
