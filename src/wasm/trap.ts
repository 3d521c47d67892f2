/** What the UI shows for a program that did not exit normally. */
export interface TrapInfo {
  message: string;
  func?: string;
}

/** Finds the innermost wasm function of a V8 stack trace, e.g. "$divide" or "wasm-function[3]". */
export function wasmFunctionFromStack(stack: string | undefined): string | undefined {
  if (!stack) return undefined;
  for (const line of stack.split('\n')) {
    const m = /^\s*at\s+(.*?)\s+\((wasm:\/\/[^)]*)\)/.exec(line);
    if (m) {
      const idx = /wasm-function\[(\d+)\]/.exec(m[2]);
      const name = m[1].replace(/^\$/, '');
      return name && !/^wasm-function/.test(name) ? name : idx ? `wasm-function[${idx[1]}]` : name;
    }
    const bare = /^\s*at\s+(wasm:\/\/\S*wasm-function\[(\d+)\]\S*)/.exec(line);
    if (bare) return `wasm-function[${bare[2]}]`;
  }
  return undefined;
}

/** Describes an exception thrown out of a running module as a trap. */
export function describeTrap(e: unknown): TrapInfo {
  if (e instanceof WebAssembly.RuntimeError) {
    return { message: e.message, func: wasmFunctionFromStack(e.stack) };
  }
  if (e instanceof RangeError) {
    return { message: e.message || 'stack overflow', func: wasmFunctionFromStack(e.stack) };
  }
  if (e instanceof Error) return { message: `${e.name}: ${e.message}` };
  return { message: String(e) };
}
