import { expect, test, type Page } from '@playwright/test';
import { embedLink, messages, openHost, send, waitFor } from './embedHost';
import {
  freshStorage,
  openPlayground,
  outputText,
  selectLanguage,
  setSource,
  watToWasm,
} from './helpers';

test.beforeEach(async ({ page }) => freshStorage(page));

// Flush left: the editor indents typed text by itself.
const C_PROGRAM = `#include <stdio.h>
struct point { int x; int y; };

int area(struct point *p, int scale) {
int w = p->x * scale;
int h = p->y * scale;
return w * h;
}
int main(void) {
struct point pt = { 3, 4 };
const char *name = "box";
int a = area(&pt, 2);
printf("%s %d\\n", name, a);
return 0;
}
`;

/** A C project with `source` (C toolchain runs are slow the first time: a longer timeout). */
async function openC(page: Page, source: string) {
  test.setTimeout(240_000);
  await openPlayground(page);
  await selectLanguage(page, 'c');
  await setSource(page, source);
}

/** Puts the editor's cursor on `line`. */
async function cursorTo(page: Page, line: number) {
  await page.getByTestId('editor').click();
  await page.keyboard.press('ControlOrMeta+Home');
  for (let i = 1; i < line; i++) await page.keyboard.press('ArrowDown');
}

/** Puts the cursor on `line` of the editor and presses F9. */
async function toggleBreakpoint(page: Page, line: number) {
  await cursorTo(page, line);
  await page.keyboard.press('F9');
}

const paused = (page: Page) => page.getByTestId('debug-paused-line');
const variable = (page: Page, name: string) =>
  page.locator(`[data-testid="debug-variable"][data-name="${name}"]`).first();

async function expectPausedAt(page: Page, line: number) {
  await expect(paused(page)).toHaveAttribute('data-line', String(line), { timeout: 120_000 });
}

test('C: a breakpoint in a function pauses with its parameters; step over, watch, step out, memory, continue', async ({
  page,
}) => {
  await openC(page, C_PROGRAM);
  // Line 3 is blank: a breakpoint there moves to the next line with code (the signature on
  // line 4 stops after the prologue, on line 5) once the build places it.
  await toggleBreakpoint(page, 3);
  await expect(page.getByTestId('breakpoint')).toHaveAttribute('data-line', '3');
  await expect(page.getByTestId('breakpoint')).toHaveAttribute('data-file', 'main.c');

  await page.getByTestId('debug-button').click();
  await expect(page.getByTestId('run-button')).toHaveAttribute('data-state', 'running');
  await expectPausedAt(page, 5);
  await expect(page.getByTestId('breakpoint')).toHaveAttribute('data-line', '5');
  await expect(paused(page)).toHaveAttribute('data-file', 'main.c');
  const frames = page.getByTestId('debug-frame');
  await expect(frames.first()).toHaveAttribute('data-function', 'area');
  await expect(frames.nth(1)).toHaveAttribute('data-function', 'main');
  await expect(frames.nth(1)).toHaveAttribute('data-line', '12');
  await expect(variable(page, 'scale')).toHaveAttribute('data-value', '2');
  // Hovering a variable in the editor shows its value.
  const at = await page.getByTestId('editor').evaluate((el) => {
    const line = [...el.querySelectorAll('.view-line')].find((l) =>
      l.textContent?.includes('p->x'),
    )!;
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent!.indexOf('scale');
      if (i < 0) continue;
      const r = document.createRange();
      r.setStart(n, i + 1);
      r.setEnd(n, i + 2);
      const box = r.getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    }
    return null;
  });
  await page.mouse.move(at!.x, at!.y);
  await expect(page.locator('.monaco-hover').first()).toContainText('scale: int = 2');

  // Step over twice: w, then h, get their values.
  await page.getByTestId('debug-step-over').click();
  await expectPausedAt(page, 6);
  await expect(variable(page, 'w')).toHaveAttribute('data-value', '6');
  await page.keyboard.press('F10');
  await expectPausedAt(page, 7);
  await expect(variable(page, 'h')).toHaveAttribute('data-value', '8');

  // Watches: evaluated now and on every pause; a bad one says why.
  await page.getByTestId('debug-watch-input').fill('w*h+1');
  await page.getByTestId('debug-watch-input').press('Enter');
  await page.getByTestId('debug-watch-input').fill('nope+1');
  await page.getByTestId('debug-watch-input').press('Enter');
  await expect(page.getByTestId('debug-watch-value').first()).toHaveText('49');
  await expect(page.getByTestId('debug-watch-value').nth(1)).toContainText(
    '"nope" is not in scope',
  );

  // Step out: the caller's frame, on the line of the call.
  await page.getByTestId('debug-step-out').click();
  await expectPausedAt(page, 12);
  await expect(frames.first()).toHaveAttribute('data-function', 'main');
  await expect(variable(page, 'pt')).toHaveAttribute('data-value', '{x: 3, y: 4}');
  // A pointer followed in the memory view: the string's bytes.
  const name = variable(page, 'name');
  await name.getByTestId('debug-follow-pointer').click();
  const pointer = parseInt((await name.getAttribute('data-value'))!, 16);
  await expect(page.getByTestId('debug-memory')).toHaveAttribute('data-address', String(pointer));
  await expect(page.getByTestId('debug-memory')).toContainText('62 6f 78 00');
  await expect(page.getByTestId('debug-memory')).toContainText('box.');

  // Continue to the end: the program's output, and the session is over.
  await page.getByTestId('debug-continue').click();
  await expect(page.getByTestId('run-button')).toHaveAttribute('data-state', 'idle', {
    timeout: 30_000,
  });
  await expect(paused(page)).toHaveCount(0);
  expect(await outputText(page)).toBe('box 48');
  await expect(page.getByTestId('exit-status')).toHaveText('exit code 0');

  // Breakpoints are saved with the project.
  await page.reload();
  await expect(page.getByTestId('editor')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('breakpoint')).toHaveAttribute('data-line', '5');
});

test('C: a trap pauses at the faulting line with the stack; Stop while paused returns to ready', async ({
  page,
}) => {
  await openC(
    page,
    '#include <stdio.h>\nint divide(int a, int b) {\nreturn a / b;\n}\nint main(void) {\nprintf("before\\n");\nint z = 0;\nprintf("%d\\n", divide(10, z));\nreturn 0;\n}\n',
  );
  await page.getByTestId('debug-button').click();
  await expectPausedAt(page, 3);
  await expect(page.getByTestId('debug-frame').first()).toHaveAttribute('data-function', 'divide');
  await expect(page.getByTestId('debug-frame').nth(1)).toHaveAttribute('data-line', '8');
  await expect(variable(page, 'b')).toHaveAttribute('data-value', '0');
  await expect(page.getByTestId('debug-panel')).toContainText('divide by zero');
  await expect(page.getByTestId('output-line').first()).toHaveText('before');
  await page.getByTestId('debug-stop').click();
  await expect(page.getByTestId('run-button')).toHaveAttribute('data-state', 'idle');
  await expect(paused(page)).toHaveCount(0);
  await expect(page.getByTestId('debug-button')).toBeVisible();
  // Ready: a normal Run works at once (at -O2, where the division by zero is folded away).
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-button')).toHaveAttribute('data-state', 'idle', {
    timeout: 60_000,
  });
  await expect(page.getByTestId('output-line').first()).toHaveText('before');
});

const WAT_PROGRAM = `(module
(import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
(memory (export "memory") 1)
(func $add (param $a i32) (param $b i32) (result i32)
(i32.add (local.get $a) (local.get $b)))
(func (export "_start")
(local $x i32)
(local.set $x (i32.const 40))
(local.set $x (call $add (local.get $x) (i32.const 2)))
(call $exit (i32.sub (local.get $x) (i32.const 42)))))
`;

test('WAT: Step into from idle pauses at the first instruction and steps by instruction', async ({
  page,
}) => {
  await openPlayground(page);
  await selectLanguage(page, 'wat');
  await setSource(page, WAT_PROGRAM);
  await page.keyboard.press('F11');
  await expectPausedAt(page, 8);
  await expect(page.locator('.debug-paused-instruction')).toHaveText('i32.const');
  await page.keyboard.press('F11');
  await expectPausedAt(page, 8);
  await expect(page.locator('.debug-paused-instruction')).toHaveText('local.set');
  // One instruction a step: the operands of the call, then the call.
  for (const op of ['local.get', 'i32.const', 'call']) {
    await page.keyboard.press('F11');
    await expectPausedAt(page, 9);
    await expect(page.locator('.debug-paused-instruction')).toHaveText(op);
  }
  // Before the call: its operands on the value stack, and the local.
  await expect(variable(page, 'stack[0]')).toHaveAttribute('data-value', '40');
  await expect(variable(page, 'stack[1] (top)')).toHaveAttribute('data-value', '2');
  await expect(variable(page, 'x')).toHaveAttribute('data-value', '40');
  await page.keyboard.press('F11');
  await expectPausedAt(page, 5);
  await expect(page.getByTestId('debug-frame').first()).toHaveAttribute('data-function', 'add');
  // Its wasm locals, by their WAT names.
  await expect(variable(page, 'a')).toHaveAttribute('data-value', '40');
  await expect(variable(page, 'b')).toHaveAttribute('data-value', '2');
  await expect(page.getByTestId('debug-frame').nth(1)).toHaveAttribute('data-function', '_start');
  await page.keyboard.press('F5');
  await expect(page.getByTestId('exit-status')).toHaveText('exit code 0');
  await expect(page.getByTestId('run-button')).toHaveAttribute('data-state', 'idle');
});

test('C: Pause stops a busy loop where it is; a deep recursion lists its stack without freezing', async ({
  page,
}) => {
  await openC(
    page,
    '#include <stdio.h>\nint main(void) {\nvolatile unsigned x = 0;\nprintf("looping\\n");\nfor (;;) {\nx++;\n}\nreturn 0;\n}\n',
  );
  await page.getByTestId('debug-button').click();
  await expect(page.getByTestId('output-line').first()).toHaveText('looping', { timeout: 120_000 });
  await page.getByTestId('debug-pause').click();
  await expect(paused(page)).toHaveAttribute('data-line', /^(5|6)$/);
  expect(Number(await variable(page, 'x').getAttribute('data-value'))).toBeGreaterThan(0);
  await page.keyboard.press('Shift+F5');
  await expect(page.getByTestId('run-button')).toHaveAttribute('data-state', 'idle');

  // Deeper than the engine's stack: the overflow pauses with every frame, in a virtual list.
  await page.getByTestId('compiler-flags').fill('-Wl,-z,stack-size=67108864');
  await setSource(
    page,
    '#include <stdio.h>\nint depth(int n) {\nif (n == 0) return 0;\nreturn depth(n - 1) + 1;\n}\nint main(void) {\nprintf("%d\\n", depth(100000));\nreturn 0;\n}\n',
  );
  await page.getByTestId('debug-button').click();
  // In depth(): at its entry or at the call, wherever the engine ran out of stack.
  await expect(paused(page)).toHaveAttribute('data-line', /^(2|4)$/, { timeout: 120_000 });
  await expect(page.getByTestId('debug-panel')).toContainText('Maximum call stack size exceeded');
  const count = Number(
    (await page.locator('.debug-section h3').first().textContent())!.replace(/\D/g, ''),
  );
  expect(count).toBeGreaterThan(5000);
  expect(await page.getByTestId('debug-frame').count()).toBeLessThan(100);
  await page.getByTestId('debug-frame').nth(3).click();
  await expect(page.getByTestId('debug-frame').nth(3)).toHaveAttribute('aria-selected', 'true');
  await page.getByTestId('debug-stop').click();
  await expect(page.getByTestId('run-button')).toHaveAttribute('data-state', 'idle');
});

test('AssemblyScript: a breakpoint pauses at its line through the source map, with the locals', async ({
  page,
}) => {
  await openPlayground(page);
  await selectLanguage(page, 'assemblyscript');
  await page.getByTestId('examples-select').selectOption('trap');
  await toggleBreakpoint(page, 3);
  await page.getByTestId('debug-button').click();
  await expectPausedAt(page, 3);
  await expect(page.getByTestId('debug-frame').first()).toHaveAttribute('data-function', /divide/);
  await expect(variable(page, 'a')).toHaveAttribute('data-value', '100');
  await expect(variable(page, 'b')).toHaveAttribute('data-value', '0');
  await page.getByTestId('debug-watch-input').fill('a / 4 + b');
  await page.getByTestId('debug-watch-input').press('Enter');
  await expect(page.getByTestId('debug-watch-value').first()).toHaveText('25');
  // The division traps: paused there, then Continue ends the run with the trap.
  await page.getByTestId('debug-continue').click();
  await expect(page.getByTestId('debug-panel')).toContainText('divide by zero');
  await page.getByTestId('debug-continue').click();
  await expect(page.getByTestId('exit-status')).toContainText('divide by zero');
  await expect(page.getByTestId('run-button')).toHaveAttribute('data-state', 'idle');
  // The debug build's source map links its lines with the instructions in the WAT view.
  await page.getByTestId('main-tab-inspector').click();
  await page.locator('[data-testid="inspector-tab"][data-tab="wat"]').click();
  await expect(page.getByTestId('wat-linked')).toHaveAttribute('data-linked', 'true');
  // (A big module's text is held a window at a time: divide's lines are brought in first.)
  await page.getByTestId('wat-function').selectOption('main/divide');
  await cursorTo(page, 3);
  await expect(page.locator('.wat-view-wrap .linked-line').first()).toBeVisible();
});

test('embed with debug=1: playground:debug pauses at a breakpoint, debug-step steps, continue ends', async ({
  page,
}) => {
  const src = await embedLink(page, WAT_PROGRAM, 'debug=1');
  // Shared memory needs a cross-origin isolated host.
  await openHost(page, src, undefined, true);
  await waitFor(page, 'playground:ready');
  await send(page, { type: 'playground:debug', breakpoints: { 'main.wat': [5] } });
  await waitFor(page, 'playground:paused');
  const pauses = async () =>
    (await messages(page)).filter((m) => m.data.type === 'playground:paused').map((m) => m.data);
  const [first] = await pauses();
  expect(first).toMatchObject({ reason: 'breakpoint', file: 'main.wat', line: 5 });
  expect((first.frames as { function: string }[]).map((f) => f.function)).toEqual([
    'add',
    '_start',
  ]);
  expect(first.variables).toContainEqual({ name: 'a', type: 'i32', value: '40' });
  await send(page, { type: 'playground:debug-step', action: 'into' });
  await waitFor(page, 'playground:resumed');
  await waitFor(page, 'playground:paused', 2);
  await send(page, { type: 'playground:debug-step', action: 'continue' });
  await waitFor(page, 'playground:exit');
  const exit = (await messages(page)).find((m) => m.data.type === 'playground:exit')!.data;
  expect(exit.code).toBe(0);
});

test('an opened .wasm without debug info debugs by instruction, and says so', async ({ page }) => {
  await openPlayground(page);
  const wasm = await watToWasm(WAT_PROGRAM);
  await page.getByTestId('open-wasm-input').setInputFiles({
    name: 'prog.wasm',
    mimeType: 'application/wasm',
    buffer: Buffer.from(wasm),
  });
  await expect(page.getByTestId('exit-status')).toHaveText('exit code 0');
  await page.getByTestId('toast-action').click();
  await expect(page.getByTestId('debug-frame').first()).toHaveAttribute('data-function', '_start');
  await expect(page.getByTestId('debug-panel')).toContainText('no debug info');
  await expect(page.getByTestId('debug-panel')).toContainText('Paused (entry)');
  // Without source lines there is no paused line in the editor; the locals still show.
  await expect(paused(page)).toHaveCount(0);
  await expect(page.getByTestId('debug-variable').first()).toHaveAttribute('data-value', '0');
  await page.getByTestId('debug-continue').click();
  await expect(page.getByTestId('run-button')).toHaveAttribute('data-state', 'idle');
  await expect(page.getByTestId('exit-status')).toHaveText('exit code 0');
});

test('C: source ↔ WAT lines — a source line highlights its instructions, an instruction its line', async ({
  page,
}) => {
  await openC(
    page,
    '#include <stdio.h>\nint square(int x) {\nint y = x * x;\nreturn y;\n}\nint main(void) {\nprintf("%d\\n", square(7));\nreturn 0;\n}\n',
  );
  // A Debug build carries the line table (a normal -O2 Run does not).
  await page.getByTestId('debug-button').click();
  await expect(page.getByTestId('exit-status')).toHaveText('exit code 0', { timeout: 120_000 });
  await expect(page.getByTestId('capabilities')).not.toContainText('dbg');
  await page.getByTestId('main-tab-inspector').click();
  await page.locator('[data-testid="inspector-tab"][data-tab="wat"]').click();
  await expect(page.getByTestId('wat-linked')).toHaveAttribute('data-linked', 'true');
  await cursorTo(page, 3);
  const watLines = page.locator('.wat-view-wrap .linked-line');
  await expect(watLines.first()).toBeVisible();
  expect(await watLines.count()).toBeGreaterThan(3);
  // The other way: an instruction of main's prologue selects main's line (6) in the source.
  await page.getByTestId('wat-function').selectOption('__original_main');
  const wat = page
    .locator('.wat-view-wrap .view-line', { hasText: 'global.set $__stack_pointer' })
    .first();
  await wat.click();
  await expect(page.getByTestId('editor').locator('.linked-line')).toHaveCount(1);
  const top = await page.getByTestId('editor').locator('.linked-line').boundingBox();
  const line6 = await page
    .getByTestId('editor')
    .locator('.line-numbers', { hasText: /^6$/ })
    .boundingBox();
  expect(Math.abs(top!.y - line6!.y)).toBeLessThan(4);
});
