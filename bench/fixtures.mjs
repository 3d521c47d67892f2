// The programs the benchmark rows run: the app's own examples and the e2e fixtures.
import { readFileSync } from 'node:fs';

/** A file's text, by its path from bench/. */
export const fixture = (p) => readFileSync(new URL(p, import.meta.url), 'utf8');

export const HELLO_WAT = fixture('../src/languages/wat/examples/hello.wat');
export const ECHO_WAT = fixture('../src/languages/wat/examples/echo.wat');
export const COUNT_WAT = fixture('../e2e/fixtures/count.wat');
export const LOOP_WAT = fixture('../e2e/fixtures/loop.wat');
export const AS_HELLO = fixture('../src/languages/assemblyscript/examples/hello.ts');
export const C_HELLO = fixture('../src/languages/c/examples/hello.c');
export const NBODY = fixture('../src/languages/cpp/examples/nbody.cpp');
/** n-body's steps for the rows that time its run (≈ 1 s). */
export const NBODY_FLAGS = '-DSTEPS=16000000';
