import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileProject, run } from '../../testing';

// SQLite's amalgamation, unmodified, as the better-sqlite3 package ships it (deps/sqlite3).
const require = createRequire(import.meta.url);
const sqliteDir = join(dirname(require.resolve('better-sqlite3/package.json')), 'deps', 'sqlite3');
const here = join(process.cwd(), 'src/languages/c/fixtures');
const main = readFileSync(join(here, 'sqlite_main.c'), 'utf8');
/** The configuration SQLite's documentation gives for a platform without threads or dlopen. */
const CONFIG = ['-DSQLITE_THREADSAFE=0', '-DSQLITE_OMIT_LOAD_EXTENSION'];

/** What the same sources print built natively with gcc (the fixture, where there is no gcc). */
function nativeOutput(): string {
  const fixture = readFileSync(join(here, 'sqlite_expected.txt'), 'utf8');
  if (!existsSync('/usr/bin/gcc')) {
    console.warn('sqlite.test: no gcc here; comparing with the recorded native output');
    return fixture;
  }
  const dir = mkdtempSync(join(tmpdir(), 'sqlite-native-'));
  const exe = join(dir, 'shop');
  execFileSync('gcc', [
    '-O0',
    ...CONFIG,
    `-I${sqliteDir}`,
    join(here, 'sqlite_main.c'),
    join(sqliteDir, 'sqlite3.c'),
    '-o',
    exe,
    '-lm',
  ]);
  const out = execFileSync(exe, { cwd: dir, encoding: 'utf8' });
  expect(out).toBe(fixture);
  return out;
}

describe('a real C program no one here wrote: SQLite', { timeout: 600_000 }, () => {
  it("builds from its unmodified amalgamation with our defaults and prints what gcc's build prints", async () => {
    const expected = nativeOutput();
    const files = {
      'main.c': main,
      'sqlite3.c': readFileSync(join(sqliteDir, 'sqlite3.c'), 'utf8'),
      'sqlite3.h': readFileSync(join(sqliteDir, 'sqlite3.h'), 'utf8'),
    };
    const r = await compileProject('c', files, 'main.c', undefined, CONFIG.join(' '));
    expect(r.ok, r.log).toBe(true);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const out = await run(r.wasm!, { files: {} });
    expect(out.stderr).toBe('');
    expect(out.stdout).toBe(expected);
    expect(out.exitCode).toBe(0);
    // The database file is real: it comes back from the sandbox, with SQLite's header.
    const db = out.files?.['shop.db'];
    expect(db?.length).toBe(16384);
    expect(new TextDecoder().decode(db!.subarray(0, 15))).toBe('SQLite format 3');
  });
});
