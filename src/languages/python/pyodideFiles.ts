// Where Pyodide's files are, without loading Pyodide (MicroPython's runs and the download's
// warm need only this).

/** Pyodide's files, served by the app at vendor/pyodide-314.0.8/ (this folder's vendor.json). */
const VENDOR = '../vendor/pyodide-314.0.8/';
/** Bytes of pyodide.asm.wasm (314.0.8). */
export const PYODIDE_WASM_BYTES = 9_597_892;

/** Where the app serves Pyodide's folder, seen from this module (a worker chunk or source). */
export function pyodideIndexUrl(locate: (url: string) => string): string {
  return locate(new URL(VENDOR, import.meta.url).href);
}
