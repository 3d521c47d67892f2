import { expect, test } from '@playwright/test';
import { embedLink, messages, openHost, outputOf, send, waitFor } from './embedHost';

const outputSince = async (page: import('@playwright/test').Page, exits: number) => {
  const all = await messages(page);
  const lastExit = all.filter((m) => m.data.type === 'playground:exit')[exits - 1];
  return outputOf(all.slice(lastExit ? all.indexOf(lastExit) + 1 : 0));
};

test('an embed in sandbox="allow-scripts" (an opaque origin) compiles and runs AssemblyScript and C', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  // jobs=2: the compiler worker starts a helper worker for the C project's units.
  const src = await embedLink(page, '(module)', 'jobs=2');
  await openHost(page, src, 'allow-scripts');
  // From here on, only the embed's workers (the playground that made the link had its own).
  workers.length = 0;
  await waitFor(page, 'playground:ready');
  const frame = page.frameLocator('iframe');
  expect(await page.frames()[1].evaluate(() => self.origin)).toBe('null');

  // AssemblyScript: its compiler (asc + binaryen) loads in a worker started from a blob URL.
  await send(page, {
    type: 'playground:set',
    language: 'assemblyscript',
    source: 'console.log("AssemblyScript in a sandbox");\n',
  });
  await send(page, { type: 'playground:run' });
  await waitFor(page, 'playground:exit');
  expect(await outputSince(page, 0)).toBe('AssemblyScript in a sandbox\n');

  // C: the prompt first, then the toolchain over CORS; three units, a helper worker (jobs=2) beside the compiler worker.
  await send(page, {
    type: 'playground:set',
    language: 'c',
    files: {
      'main.c':
        '#include <stdio.h>\nint six(void);\nint seven(void);\nint main(void) { printf("C in a sandbox: %d\\n", six() * seven()); }\n',
      'six.c': 'int six(void) { return 6; }\n',
      'seven.c': 'int seven(void) { return 7; }\n',
    },
    entry: 'main.c',
  });
  await expect(frame.getByTestId('toolchain-consent')).toBeVisible();
  await frame.getByTestId('toolchain-download').click();
  await expect(frame.getByTestId('compiler-progress')).toHaveCount(0, { timeout: 180_000 });
  const workersBefore = workers.length;
  await send(page, { type: 'playground:run' });
  await waitFor(page, 'playground:exit', 2);
  // The helpers started too, as every worker here: from blob URLs of the opaque origin.
  expect(workers.length - workersBefore).toBeGreaterThanOrEqual(1);
  expect(workers.every((u) => u.startsWith('blob:null/'))).toBe(true);
  expect(await outputSince(page, 1)).toBe('C in a sandbox: 42\n');
  const exits = (await messages(page)).filter((m) => m.data.type === 'playground:exit');
  expect(exits.map((m) => m.data.code)).toEqual([0, 0]);
  // Nothing threw for want of storage or a service worker.
  expect(errors).toEqual([]);
});
