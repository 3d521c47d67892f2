import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  lstatSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileProject, runOnHost } from '../testing';
import { WasiHost } from './host';
import { Budget, buildTree, DirNode, FileNode, SymlinkNode } from './memfs';
import { StdinStream } from './stdin';
import common from './conformance/common.h?raw';
import openC from './conformance/open.c?raw';
import dirsC from './conformance/dirs.c?raw';
import linksC from './conformance/links.c?raw';
import fdsC from './conformance/fds.c?raw';
import knownC from './conformance/known.c?raw';
import pollC from './conformance/poll.c?raw';

/** The tree every program starts from. */
const START: Record<string, string> = { 'seed.txt': 'seed\n', 'dir/sub/': '', 'd/': '' };
const enc = (s: string) => new TextEncoder().encode(s);

/** A tree as sorted lines: `path (file N bytes)`, `path/`, `path -> target`. */
type Listing = string[];

function listOurs(root: DirNode): Listing {
  const out: string[] = [];
  const walk = (d: DirNode, prefix: string) => {
    for (const [name, e] of d.entries) {
      const p = prefix + name;
      if (e instanceof DirNode) {
        out.push(`${p}/`);
        walk(e, `${p}/`);
      } else if (e instanceof FileNode)
        out.push(`${p} = ${JSON.stringify(new TextDecoder().decode(e.data))}`);
      else if (e instanceof SymlinkNode) out.push(`${p} -> ${e.target}`);
    }
  };
  walk(root, '');
  return out.sort();
}

function listDisk(dir: string, prefix = ''): Listing {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    const p = prefix + name;
    const st = lstatSync(full);
    if (st.isSymbolicLink()) out.push(`${p} -> ${readlinkSync(full)}`);
    else if (st.isDirectory()) {
      out.push(`${p}/`);
      out.push(...listDisk(full, `${p}/`));
    } else out.push(`${p} = ${JSON.stringify(readFileSync(full, 'utf8'))}`);
  }
  return out.sort();
}

function runOurs(wasm: Uint8Array): { stdout: string; tree: Listing; code: number } {
  const budget = new Budget();
  const root = buildTree(
    Object.fromEntries(Object.entries(START).map(([k, v]) => [k, enc(v)])),
    budget,
  );
  let stdout = '';
  const dec = new TextDecoder();
  const host = new WasiHost({
    args: ['main.wasm'],
    env: [],
    stdin: new StdinStream(new Uint8Array(0), false),
    stdout: (b) => (stdout += dec.decode(b)),
    stderr: () => {},
    root,
    budget,
  });
  const code = runOnHost(wasm, host);
  return { stdout, tree: listOurs(root), code };
}

/** Runs the program under node:wasi in a child process (see conformance/nodeWasi.mjs). */
function runNode(wasm: Uint8Array, attempts = 3): { stdout: string; tree: Listing; code: number } {
  const dir = mkdtempSync(join(tmpdir(), 'wasi-conf-'));
  const scratch = mkdtempSync(join(tmpdir(), 'wasi-conf-io-'));
  try {
    for (const [p, v] of Object.entries(START)) {
      if (p.endsWith('/')) mkdirSync(join(dir, p), { recursive: true });
      else writeFileSync(join(dir, p), v);
    }
    const wasmPath = join(scratch, 'main.wasm');
    const outPath = join(scratch, 'stdout');
    writeFileSync(wasmPath, wasm);
    const r = spawnSync(process.execPath, [NODE_WASI, wasmPath, dir, outPath], {
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 60_000,
    });
    if (r.signal) {
      // A native crash of node:wasi, not a result: run it again on a fresh directory.
      if (attempts > 1) return runNode(wasm, attempts - 1);
      throw new Error(`node:wasi crashed (${r.signal}) three times: ${r.stderr}`);
    }
    return { stdout: readFileSync(outPath, 'utf8'), tree: listDisk(dir), code: r.status ?? -1 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  }
}

const NODE_WASI = fileURLToPath(new URL('./conformance/nodeWasi.mjs', import.meta.url));

const PROGRAMS: Record<string, string> = {
  open: openC,
  dirs: dirsC,
  links: linksC,
  fds: fdsC,
  poll: pollC,
};

/** known.c: where Node differs from wasmtime, what wasmtime (and so our host) answers. */
const KNOWN = `open_("../outside", 0, RO, 0) -> 63
open_("d/../../outside", 0, RO, 0) -> 63
__wasi_path_create_directory(ROOT, "../x") -> 63
__wasi_path_symlink("/etc/passwd", ROOT, "abs") -> 63
__wasi_path_symlink("../..", ROOT, "d/esc") -> 0
open_("d/esc/x", 0, RO, 0) -> 63
__wasi_path_symlink("../d", ROOT, "d/up") -> 0
physical ..: 3 4
__wasi_path_symlink("seed.txt", ROOT, "link") -> 0
open_nofollow("link", 0) -> 32
__wasi_path_readlink(ROOT, "link", (uint8_t *)buf, 4, &n) -> 0
cut to 4: 'seed'
__wasi_fd_prestat_get(0, (__wasi_prestat_t *)buf) -> 8
open_("seed.txt", 0, RO, 0) -> 0
write_(fd_, "no") -> 8
open_("seed.txt", __WASI_OFLAGS_TRUNC, RO, 0) -> 28
open_("seed.txt", 0, ALL, __WASI_FDFLAGS_APPEND) -> 0
__wasi_fd_fdstat_get(fd_, &st) -> 0
fdstat type 4 flags 1
open_("five.txt", __WASI_OFLAGS_CREAT, ALL, 0) -> 0
__wasi_poll_oneoff(s, evs, 3, &n) -> 0
events 2: [2 type 1 error 0] [3 type 2 error 0]
__wasi_poll_oneoff(sub, ev, 2, &n) -> 0
events 2: [1 error 0] [2 error 8]
__wasi_fd_fdstat_get(1, &st) -> 0
stdout type 0
`;

const wasmOf: Record<string, Uint8Array> = {};

describe(
  'WASI preview 1: our host against node:wasi on a real directory',
  { timeout: 240_000 },
  () => {
    beforeAll(async () => {
      for (const [name, src] of Object.entries(PROGRAMS)) {
        const r = await compileProject('c', { 'main.c': src, 'common.h': common }, 'main.c', '-O1');
        if (!r.ok) throw new Error(`${name}.c: ${r.log}`);
        wasmOf[name] = r.wasm!;
      }
    }, 240_000);

    for (const name of Object.keys(PROGRAMS)) {
      it(`${name}: same results and the same tree`, () => {
        const ours = runOurs(wasmOf[name]);
        const node = runNode(wasmOf[name]);
        let oursOut = ours.stdout;
        const nodeOut = node.stdout;
        if (name === 'dirs') {
          // Known difference: uvwasi's fd_readdir leaves out "." and ".."; wasmtime lists them
          // first (checked here), so they are set aside before comparing.
          expect(oursOut).toContain('list a/b: ..:3 .:3 f.txt:4');
          expect(oursOut).toContain('entries read one at a time: 4');
          oursOut = oursOut
            .replaceAll(' ..:3 .:3', '')
            .replace('read one at a time: 4', 'read one at a time: 2')
            .replace(
              /(__wasi_fd_readdir\(d, small, sizeof small, cookie, &used\) +-> 0\n){2}(?=__wasi_fd_readdir\(d, small, sizeof small, cookie)/,
              '',
            );
        }
        if (process.env.WASI_CONFORMANCE_DUMP) {
          const dump = process.env.WASI_CONFORMANCE_DUMP;
          writeFileSync(`${dump}/${name}.ours`, oursOut + '\n' + ours.tree.join('\n'));
          writeFileSync(`${dump}/${name}.node`, nodeOut + '\n' + node.tree.join('\n'));
        }
        expect(oursOut.split('\n')).toEqual(nodeOut.split('\n'));
        expect(ours.tree).toEqual(node.tree);
        expect(ours.code).toBe(node.code);
      });
    }

    it('where Node differs from wasmtime, we answer as wasmtime', async () => {
      const r = await compileProject(
        'c',
        { 'main.c': knownC, 'common.h': common },
        'main.c',
        '-O1',
      );
      expect(r.ok, r.log).toBe(true);
      const ours = runOurs(r.wasm!);
      expect(ours.stdout.replace(/ +->/g, ' ->')).toBe(KNOWN);
      // Nothing was made outside the sandbox, and the refused absolute symlink does not exist.
      expect(ours.tree.filter((l) => /^(x|abs)\b/.test(l))).toEqual([]);
    });
  },
);
