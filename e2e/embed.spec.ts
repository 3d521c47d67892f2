import { expect, test } from '@playwright/test';
import { embedLink, messages, openHost, outputOf, send, waitFor } from './embedHost';
import { fixture, openPlayground, watToWasm } from './helpers';

// `allow-scripts` alone gives the frame an opaque origin (`null`): no storage, no service worker,
// workers only from blob URLs, every script and style fetched with CORS.
for (const sandbox of [undefined, 'allow-scripts allow-same-origin', 'allow-scripts']) {
  test(`embed in a cross-origin iframe${sandbox ? ` (sandbox="${sandbox}")` : ''} is driven through postMessage`, async ({
    page,
  }) => {
    const src = await embedLink(page, '(module)');
    await openHost(page, src, sandbox);
    await waitFor(page, 'playground:ready');
    const ready = (await messages(page)).find((m) => m.data.type === 'playground:ready')!;
    expect(ready.data.version).toBe(1);
    expect(ready.origin).toBe(sandbox === 'allow-scripts' ? 'null' : 'http://localhost:4173');

    // set → run → output and exit with timings
    await send(page, {
      type: 'playground:set',
      language: 'wat',
      source: fixture('../../src/languages/wat/examples/stdin.wat'),
      stdin: 'from the parent\n',
    });
    await send(page, { type: 'playground:run' });
    await waitFor(page, 'playground:exit');
    let all = await messages(page);
    const compiled = all.find((m) => m.data.type === 'playground:compiled')!;
    expect(compiled.data.ok).toBe(true);
    const out = outputOf(all);
    expect(out).toBe('FROM THE PARENT\n');
    const exit = all.find((m) => m.data.type === 'playground:exit')!.data as unknown as {
      code: number;
      timings: Record<string, number>;
      wasmSize: number;
    };
    expect(exit.code).toBe(0);
    for (const k of ['compileMs', 'instantiateMs', 'runMs', 'totalMs'])
      expect(typeof exit.timings[k], k).toBe('number');
    expect(exit.wasmSize).toBeGreaterThan(50);

    // run with wasm bytes: runs those bytes, not the editor's source
    const wasm = await watToWasm(fixture('../../src/languages/wat/examples/exit.wat'));
    await page.evaluate(
      (bytes) => {
        const buf = new Uint8Array(bytes).buffer;
        (window as unknown as { send: (m: unknown, t: Transferable[]) => void }).send(
          { type: 'playground:run', wasm: buf },
          [buf],
        );
      },
      [...wasm],
    );
    await waitFor(page, 'playground:exit', 2);
    all = await messages(page);
    expect(all.filter((m) => m.data.type === 'playground:exit')[1].data.code).toBe(42);

    // a compile error is reported
    await send(page, { type: 'playground:set', source: '(module (func (result i32)))' });
    await send(page, { type: 'playground:run' });
    await waitFor(page, 'playground:exit', 3);
    all = await messages(page);
    const failed = all.filter((m) => m.data.type === 'playground:compiled').at(-1)!
      .data as unknown as { ok: boolean; diagnostics: { line: number }[] };
    expect(failed.ok).toBe(false);
    expect(failed.diagnostics[0].line).toBe(1);

    // stop an infinite loop
    await send(page, { type: 'playground:set', source: fixture('loop.wat') });
    const compiledSoFar = (await messages(page)).filter(
      (m) => m.data.type === 'playground:compiled',
    ).length;
    await send(page, { type: 'playground:run' });
    // It compiled and is spinning now.
    await waitFor(page, 'playground:compiled', compiledSoFar + 1);
    await send(page, { type: 'playground:stop' });
    await waitFor(page, 'playground:exit', 4);
    all = await messages(page);
    const stopped = all.filter((m) => m.data.type === 'playground:exit')[3].data;
    expect(stopped.stopped).toBe(true);
    expect(stopped.code).toBeNull();

    // malformed messages are ignored and the embed keeps working
    await send(page, 'garbage');
    await send(page, { type: 'playground:run', wasm: 'not bytes' });
    await send(page, { type: 'playground:set', language: 'cobol' });
    await send(page, {
      type: 'playground:set',
      source: fixture('../../src/languages/wat/examples/hello.wat'),
    });
    await send(page, { type: 'playground:run' });
    await waitFor(page, 'playground:exit', 5);
    const frame = page.frameLocator('iframe');
    await expect(frame.getByTestId('output-line')).toHaveText(['Hello, WebAssembly!']);
  });
}

test('origin= makes the embed ignore a foreign parent', async ({ page }) => {
  const src = await embedLink(
    page,
    fixture('../../src/languages/wat/examples/hello.wat'),
    'origin=https://trusted.example',
  );
  await openHost(page, src);
  const frame = page.frameLocator('iframe');
  await expect(frame.getByTestId('editor')).toHaveAttribute('data-ready', 'true');
  await send(page, { type: 'playground:run' });
  await page.waitForTimeout(1500);
  await expect(frame.getByTestId('output-count')).toHaveAttribute('data-value', '0');
  // …and it does not leak events to this parent either.
  expect(await messages(page)).toEqual([]);
});

test('readonly and autorun embed options; Open in playground carries the code', async ({
  page,
}) => {
  const src = await embedLink(
    page,
    fixture('../../src/languages/wat/examples/hello.wat'),
    'readonly=1&autorun=1&panels=output&theme=dark',
  );
  await page.goto(src);
  // The playground page wrote its autosave when it was left; start the embed from a clean slate.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.getByTestId('output-line')).toHaveText(['Hello, WebAssembly!']);
  await expect(page.getByTestId('timing-compile')).toHaveCount(0);
  await expect(page.getByTestId('language-select')).toHaveCount(0);
  await page.getByTestId('editor').click();
  await page.keyboard.type('typing does nothing');
  await expect(page.getByTestId('editor')).not.toContainText('typing does nothing');
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  // Embed mode never writes localStorage.
  expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
  const open = await page.getByTestId('open-in-playground').getAttribute('href');
  expect(open).toMatch(/#v2\./);
  await page.goto(open!);
  await expect(page.getByTestId('editor')).toContainText('Hello world as a WASI command');
  await expect(page.getByTestId('examples-select')).toBeVisible();
});

test('editor=0 shows output only', async ({ page }) => {
  const src = await embedLink(
    page,
    fixture('../../src/languages/wat/examples/hello.wat'),
    'editor=0&autorun=1',
  );
  await page.goto(src);
  await expect(page.getByTestId('output-line')).toHaveText(['Hello, WebAssembly!']);
  await expect(page.getByTestId('editor')).toHaveCount(0);
  await expect(page.getByTestId('timing-run')).toBeVisible();
});

test('panels=sizes,wat shows the inspector views in an embed', async ({ page }) => {
  const src = await embedLink(
    page,
    fixture('../../src/languages/wat/examples/hello.wat'),
    'autorun=1&panels=sizes,wat',
  );
  await page.goto(src);
  await expect(page.getByTestId('size-table')).toBeVisible();
  await expect(
    page.locator('[data-testid="size-row"][data-kind="function"][data-name="main"]'),
  ).toBeVisible();
  await expect(page.getByTestId('wat-view')).toContainText('(func $main');
  // One view each: no inspector tabs, no output panel.
  await expect(page.getByTestId('inspector-tab').first()).toBeHidden();
  await expect(page.getByTestId('output-line')).toHaveCount(0);
});

test('the Embed dialog options change the snippet', async ({ page }) => {
  await openPlayground(page);
  await page.getByTestId('embed-button').click();
  const src = async () =>
    /src="([^"]+)"/
      .exec(await page.getByTestId('embed-snippet').inputValue())![1]
      .replace(/&amp;/g, '&');
  expect(new URL(await src()).search).toBe('');
  await page.getByTestId('embed-readonly').check();
  await page.getByTestId('embed-autorun').check();
  await page.getByTestId('embed-editor').uncheck();
  await page.getByTestId('embed-panel-timings').uncheck();
  await page.getByTestId('embed-theme').selectOption('dark');
  const q = new URL(await src()).searchParams;
  expect(Object.fromEntries(q)).toEqual({
    readonly: '1',
    autorun: '1',
    theme: 'dark',
    panels: 'output',
    editor: '0',
  });
  expect(await page.getByTestId('embed-snippet').inputValue()).toMatch(
    /^<iframe src="[^"]+embed\.html\?[^"]*#v2\.[\w-]+" /,
  );
  // The sandbox: an opaque origin by default (the embed works in it), each flag on demand.
  const sandbox = async () =>
    /sandbox="([^"]*)"/.exec(await page.getByTestId('embed-snippet').inputValue())![1];
  expect(await sandbox()).toBe('allow-scripts allow-popups allow-popups-to-escape-sandbox');
  await page.getByTestId('embed-sandbox-same-origin').check();
  await page.getByTestId('embed-sandbox-popups').uncheck();
  expect(await sandbox()).toBe('allow-scripts allow-same-origin');
});

for (const sandbox of [undefined, 'allow-scripts'])
  test(`embed with terminal=1${sandbox ? ` (sandbox="${sandbox}")` : ''}: playground:input feeds the running program, eof closes stdin`, async ({
    page,
  }) => {
    const src = await embedLink(page, '(module)', 'terminal=1');
    // In an opaque-origin frame nothing is cross-origin isolated: stdin waits through JSPI.
    await openHost(page, src, sandbox);
    await waitFor(page, 'playground:ready');
    await send(page, {
      type: 'playground:set',
      language: 'wat',
      source: fixture('../../src/languages/wat/examples/echo.wat'),
    });
    await send(page, { type: 'playground:run' });
    await waitFor(page, 'playground:stdin');
    // Text need not end with a newline; the program gets exactly these bytes.
    await send(page, { type: 'playground:input', text: 'from the host' });
    await expect.poll(async () => outputOf(await messages(page))).toContain('echo: from the host');
    await send(page, { type: 'playground:input', eof: true });
    await waitFor(page, 'playground:exit');
    const all = await messages(page);
    expect(all.find((m) => m.data.type === 'playground:exit')!.data.code).toBe(0);
    const out = outputOf(all);
    expect(out).toBe('> echo: from the host> bye\n');
    // The embed's terminal showed the same, the host's input included.
    const frame = page.frameLocator('iframe');
    await expect(frame.getByTestId('output-view')).toHaveValue('terminal');
    await expect(frame.getByTestId('terminal').locator('.xterm-rows')).toContainText(
      'echo: from the host',
    );
    const waits = all.filter((m) => m.data.type === 'playground:stdin').map((m) => m.data.waiting);
    expect(waits.slice(0, 2)).toEqual([true, false]);
  });

for (const sandbox of [undefined, 'allow-scripts'])
  test(`embed API${sandbox ? ` (sandbox="${sandbox}")` : ''}: playground:request answers with a fresh handler instance; playground:coldstart times instances`, async ({
    page,
  }) => {
    const src = await embedLink(page, '(module)');
    await openHost(page, src, sandbox);
    await waitFor(page, 'playground:ready');
    await send(page, {
      type: 'playground:set',
      language: 'wat',
      source: fixture('../../src/languages/wat/examples/handler_json.wat'),
    });
    await send(page, {
      type: 'playground:request',
      method: 'POST',
      path: '/echo?x=1',
      headers: { 'Content-Type': 'application/json' },
      body: '{"from": "the parent"}',
    });
    await waitFor(page, 'playground:response');
    const res = (await messages(page)).find((m) => m.data.type === 'playground:response')!
      .data as unknown as {
      status: number;
      headers: [string, string][];
      body: string;
      timings: { instantiateUs: number; runUs: number; totalMs: number };
    };
    expect(res.status).toBe(200);
    expect(res.headers).toEqual([['content-type', 'application/json']]);
    expect(res.body).toBe('{"from": "the parent"}');
    // µs from a timer with a 5 µs step: a pooled instance of this module may take less (0).
    expect(typeof res.timings.instantiateUs).toBe('number');
    expect(res.timings.instantiateUs).toBeGreaterThanOrEqual(0);
    expect(res.timings.totalMs).toBeGreaterThan(0);

    await send(page, { type: 'playground:coldstart', count: 500 });
    await waitFor(page, 'playground:coldstart-result');
    const cold = (await messages(page)).find((m) => m.data.type === 'playground:coldstart-result')!
      .data as Record<string, number>;
    expect(cold.count).toBe(500);
    // A pooled memory makes an instance in a few µs: under the timer's step (100 µs in a frame that
    // is not cross-origin isolated) the percentiles read 0.
    for (const k of ['p50Us', 'p90Us', 'p99Us']) expect(cold[k], k).toBeGreaterThanOrEqual(0);
    for (const k of ['maxUs', 'perSecond', 'timerResolutionUs'])
      expect(cold[k], k).toBeGreaterThan(0);
    expect(cold.memoryBytes).toBe(65536);
    expect(cold.pooled).toBe(true);

    // Malformed: refused with a warning, nothing answered (the valid command after them is).
    await send(page, { type: 'playground:coldstart', count: 0 });
    await send(page, { type: 'playground:request', headers: 'nope' });
    await send(page, { type: 'playground:coldstart', count: 10 });
    await waitFor(page, 'playground:coldstart-result', 2);
    const all = await messages(page);
    const results = all.filter((m) => m.data.type === 'playground:coldstart-result');
    expect(results.map((m) => m.data.count)).toEqual([500, 10]);
    expect(all.filter((m) => m.data.type === 'playground:response')).toHaveLength(1);
  });

for (const sandbox of [undefined, 'allow-scripts'])
  test(`embed${sandbox ? ` (sandbox="${sandbox}")` : ''}: playground:run with component: true runs the module as a wasi:cli/command component`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const src = await embedLink(page, fixture('../../src/languages/wat/examples/hello.wat'));
    await openHost(page, src, sandbox);
    await waitFor(page, 'playground:ready');
    await send(page, { type: 'playground:run', component: true });
    await waitFor(page, 'playground:exit');
    const all = await messages(page);
    const exit = all.find((m) => m.data.type === 'playground:exit')!.data;
    expect(exit.error).toBeUndefined();
    expect(exit.code).toBe(0);
    expect(exit.component).toBe(true);
    const out = outputOf(all);
    expect(out).toMatch(/Hello/);
    // A wrong type is refused, not run.
    await send(page, { type: 'playground:run', component: 'yes' });
    await send(page, { type: 'playground:run' });
    await waitFor(page, 'playground:exit', 2);
    const second = (await messages(page)).filter((m) => m.data.type === 'playground:exit')[1].data;
    expect(second.component).toBeUndefined();
  });
