import { get as idbGet, set as idbSet } from 'idb-keyval';
import cxaSupport from '../cpp/cxaSupport.cpp?raw';
import cxxThrowers from '../cpp/cxxThrowers.cpp?raw';
import stdinFlush from './support/stdinFlush.c?raw';
import tmpfile from './support/tmpfile.c?raw';
import system from './support/system.c?raw';
import stdioOverlay from './support/include/stdio.h?raw';
import spinH from './support/spin/spin.h?raw';
import spinAbiH from './support/spin/spin_abi.h?raw';
import spinHttp from './support/spin/spin_http.c?raw';
import spinKv from './support/spin/spin_kv.c?raw';
import spinSqlite from './support/spin/spin_sqlite.c?raw';
import spinVars from './support/spin/spin_vars.c?raw';
import spinOutbound from './support/spin/spin_outbound.c?raw';
import { storeWhereAllowed } from '../../util/idbStore';

type Clang = typeof import('@yowasp/clang');
export type Tree = NonNullable<Parameters<Clang['runClang']>[1]>;

/** Where the playground's own headers are mounted beside the project (searched before libc's). */
export const OVERLAY_DIR = '.wasm-playground/include';
export const OVERLAY: Tree = {
  '.wasm-playground': {
    // spin.h: the Spin component SDK (a program built for Spin links its implementation).
    include: { 'stdio.h': stdioOverlay, 'spin.h': spinH, 'spin_abi.h': spinAbiH },
  },
};

/**
 * What every unit is compiled with before the user's own flags (which can undo any of it):
 * setjmp/longjmp on WebAssembly exception handling, wasi-libc's signal, process-clock, getpid
 * and mman emulations, and our <stdio.h> overlay. C++ adds WebAssembly exceptions.
 */
export const DEFAULT_COMPILE_FLAGS = [
  '-mllvm',
  '-wasm-enable-sjlj',
  '-D_WASI_EMULATED_SIGNAL',
  '-D_WASI_EMULATED_PROCESS_CLOCKS',
  '-D_WASI_EMULATED_GETPID',
  '-D_WASI_EMULATED_MMAN',
  '-isystem',
  OVERLAY_DIR,
];
export const CPP_COMPILE_FLAGS = ['-fwasm-exceptions'];

/**
 * Libraries for the above, each linked only when a unit included the header that declares what
 * it defines (wasm-ld reading five more archives costs hello world ≈ 5 ms of a ≈ 55 ms link).
 */
export const DEFAULT_LINK_LIBS: { header: RegExp; lib: string }[] = [
  { header: /(^|\/)setjmp\.h$/, lib: '-lsetjmp' },
  { header: /(^|\/)signal\.h$/, lib: '-lwasi-emulated-signal' },
  { header: /(^|\/)(time|sys\/times)\.h$/, lib: '-lwasi-emulated-process-clocks' },
  { header: /(^|\/)unistd\.h$/, lib: '-lwasi-emulated-getpid' },
  { header: /(^|\/)sys\/mman\.h$/, lib: '-lwasi-emulated-mman' },
];

/** The libraries a unit needs, from the system headers its `-MD` dependency file lists. */
export function linkLibsOf(depFile: string): string[] {
  const headers = depFile
    .replace(/\\\n/g, ' ')
    .split(/\s+/)
    .filter((p) => p.startsWith('/'));
  return DEFAULT_LINK_LIBS.filter(({ header }) => headers.some((h) => header.test(h))).map(
    ({ lib }) => lib,
  );
}

interface SupportSource {
  name: string;
  driver: 'clang' | 'clang++';
  text: string;
  flags: string[];
}

/** Lazy members: each is linked only when the program uses what it defines. */
const LIBC_SUPPORT: SupportSource[] = [
  { name: 'stdin-flush.c', driver: 'clang', text: stdinFlush, flags: [] },
  { name: 'tmpfile.c', driver: 'clang', text: tmpfile, flags: ['-isystem', OVERLAY_DIR] },
  { name: 'system.c', driver: 'clang', text: system, flags: ['-isystem', OVERLAY_DIR] },
];
/** Linked into every C++ program: the exception runtime, and libc++'s throwers made to throw. */
const CXX_SUPPORT: SupportSource[] = [
  { name: 'cxa.cpp', driver: 'clang++', text: cxaSupport, flags: CPP_COMPILE_FLAGS },
  { name: 'cxx-throwers.cpp', driver: 'clang++', text: cxxThrowers, flags: CPP_COMPILE_FLAGS },
];

/**
 * The Spin SDK behind spin.h: the HTTP side (the incoming-handler export) is linked into every
 * Spin build; key-value, SQLite, variables and outbound HTTP only when the program calls them, so
 * the component imports exactly the Spin interfaces it uses.
 */
const SPIN_FLAGS = ['-isystem', OVERLAY_DIR];
const SPIN_ALWAYS: SupportSource[] = [
  { name: 'spin_http.c', driver: 'clang', text: spinHttp, flags: SPIN_FLAGS },
];
const SPIN_LAZY: SupportSource[] = [
  { name: 'spin_kv.c', driver: 'clang', text: spinKv, flags: SPIN_FLAGS },
  { name: 'spin_sqlite.c', driver: 'clang', text: spinSqlite, flags: SPIN_FLAGS },
  { name: 'spin_vars.c', driver: 'clang', text: spinVars, flags: SPIN_FLAGS },
  { name: 'spin_outbound.c', driver: 'clang', text: spinOutbound, flags: SPIN_FLAGS },
];

type RunClang = (args: string[], files: Tree) => Promise<{ out: Tree | null; log: string }>;

const objects = new Map<string, Promise<Uint8Array>>();

/**
 * Compiles one of our support files once: the object is kept in IndexedDB under the toolchain's
 * version, the flags and the file's text, so a page load does not pay a clang run (≈1 s before
 * its code is warm) for it again.
 */
function supportObject(version: string, run: RunClang, src: SupportSource): Promise<Uint8Array> {
  const args = [src.driver, '-O2', ...src.flags, '-c', src.name, '-o', 'support.o'];
  const memo = `${version}:${args.join(' ')}:${src.text}`;
  let p = objects.get(memo);
  if (!p) {
    p = (async () => {
      const key = `support-object:${version}:${digest(args.join(' ') + '\0' + src.text)}`;
      const kept = await keptObject(key);
      if (kept instanceof Uint8Array) return kept;
      const tree = { ...OVERLAY, [src.name]: src.text };
      const { out, log } = await run(args, tree);
      const obj = out?.['support.o'];
      if (!(obj instanceof Uint8Array))
        throw new Error(`building the support object ${src.name} failed:\n${log}`);
      // Without IndexedDB (a private window may refuse it) it is built once per worker.
      keepObject(key, obj);
      return obj;
    })();
    p.catch(() => objects.delete(memo));
    objects.set(memo, p);
  }
  return p;
}

const objectName = (s: SupportSource) => s.name.replace(/\.(c|cpp)$/, '.o');

/** The support objects a link needs, by file name: the always-linked ones and the lazy ones. */
export async function supportObjects(
  version: string,
  run: RunClang,
  cpp: boolean,
  spin = false,
): Promise<{ always: Record<string, Uint8Array>; lazy: Record<string, Uint8Array> }> {
  const build = async (list: SupportSource[]) =>
    Object.fromEntries(
      await Promise.all(
        list.map(async (s) => [objectName(s), await supportObject(version, run, s)] as const),
      ),
    );
  const always = [...(cpp ? CXX_SUPPORT : []), ...(spin ? SPIN_ALWAYS : [])];
  const lazy = [...LIBC_SUPPORT, ...(spin ? SPIN_LAZY : [])];
  return { always: await build(always), lazy: await build(lazy) };
}

/** The objects' store (null where IndexedDB is absent or may not be used). */
const objectStore = storeWhereAllowed('wasm-playground-toolchain', 'objects');

/** The kept object, or undefined: a store that does not answer within a second is a miss. */
async function keptObject(key: string): Promise<Uint8Array | undefined> {
  const db = objectStore();
  if (!db) return undefined;
  // In some frames (an embed under an opaque or insecure top-level page) IndexedDB's open
  // neither succeeds nor fails: a build must not wait on it.
  const late = new Promise<undefined>((r) => setTimeout(() => r(undefined), 1000));
  return Promise.race([idbGet<Uint8Array>(key, db).catch(() => undefined), late]);
}

/** Keeps the object for the next page load, without waiting for the store. */
function keepObject(key: string, obj: Uint8Array): void {
  const db = objectStore();
  if (db) void idbSet(key, obj, db).catch(() => {});
}

/**
 * A 64-bit hash of the text (two FNV-1a lanes), for a store key: not crypto.subtle, which an
 * embed inside a page that is not a secure context (plain http) does not have.
 */
function digest(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return `${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`;
}
