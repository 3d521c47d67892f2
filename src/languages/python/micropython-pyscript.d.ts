// The part of @micropython/micropython-webassembly-pyscript (which ships no types) we use.
declare module '@micropython/micropython-webassembly-pyscript' {
  import type { EmFS } from './emscriptenFs';

  export interface MicroPython {
    FS: EmFS;
    runPython(code: string): unknown;
    globals: { get(key: string): unknown };
  }
  export function loadMicroPython(options: {
    url?: string;
    heapsize?: number;
    pystack?: number;
    linebuffer?: boolean;
    stdin?: () => number | null;
    stdout?: (bytes: Uint8Array) => void;
    stderr?: (bytes: Uint8Array) => void;
  }): Promise<MicroPython>;
}
