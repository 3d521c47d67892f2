type AnyFn = (...args: never[]) => unknown;

/** JSPI (WebAssembly JavaScript Promise Integration), where the engine has it: Chromium 137+. */
export const jspi = WebAssembly as unknown as {
  Suspending?: new (fn: AnyFn) => object;
  promising?: (fn: AnyFn) => () => Promise<unknown>;
};

/** True where a program can be suspended on a promise. */
export const hasJspi = (): boolean =>
  typeof jspi.Suspending === 'function' && typeof jspi.promising === 'function';
