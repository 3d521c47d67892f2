/** What the UI shows for a program that did not exit normally. */
export interface TrapInfo {
  message: string;
  func?: string;
  /** The wasm functions on the stack, innermost first (at most 32): where a source line is sought. */
  frames?: string[];
}

/** The wasm functions of a V8 stack trace, innermost first, e.g. ["divide", "wasm-function[3]"]. */
export function wasmFramesFromStack(stack: string | undefined, max = 32): string[] {
  const frames: string[] = [];
  if (!stack) return frames;
  for (const line of stack.split('\n')) {
    if (frames.length >= max) break;
    const m = /^\s*at\s+(.*?)\s+\((wasm:\/\/[^)]*)\)/.exec(line);
    if (m) {
      const idx = /wasm-function\[(\d+)\]/.exec(m[2]);
      const name = m[1].replace(/^\$/, '');
      frames.push(
        name && !/^wasm-function/.test(name) ? name : idx ? `wasm-function[${idx[1]}]` : name,
      );
      continue;
    }
    const bare = /^\s*at\s+(wasm:\/\/\S*wasm-function\[(\d+)\]\S*)/.exec(line);
    if (bare) frames.push(`wasm-function[${bare[2]}]`);
  }
  return frames;
}

/** The innermost wasm function of a V8 stack trace, e.g. "divide" or "wasm-function[3]". */
export function wasmFunctionFromStack(stack: string | undefined): string | undefined {
  return wasmFramesFromStack(stack, 1)[0];
}

function withFrames(message: string, stack: string | undefined): TrapInfo {
  const frames = wasmFramesFromStack(stack);
  return frames.length ? { message, func: frames[0], frames } : { message };
}

/** Describes an exception thrown out of a running module as a trap. */
export function describeTrap(e: unknown): TrapInfo {
  if (e instanceof WebAssembly.RuntimeError) {
    return withFrames(e.message, e.stack);
  }
  if (e instanceof RangeError) {
    return withFrames(e.message || 'stack overflow', e.stack);
  }
  if (e instanceof Error) return { message: `${e.name}: ${e.message}` };
  return { message: String(e) };
}
