/** wasm-opt presets offered by the inspector and the "then wasm-opt" compile option: the one list both sides check presets against. */
export const WASM_OPT_PRESETS: readonly string[] = ['-O1', '-O2', '-O3', '-O4', '-Os', '-Oz'];
