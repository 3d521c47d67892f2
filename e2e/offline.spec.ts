import { expect, test, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { openPlayground, outputText, runAndWait, selectLanguage } from './helpers';

/** Waits until the service worker controls the page (it registers once the editor is ready). */
async function controlled(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
    timeout: 30_000,
  });
}

test('offline: after a visit that used C and AssemblyScript, a reload with the network off compiles and runs both', async ({
  page,
  context,
}) => {
  test.setTimeout(300_000);
  await openPlayground(page);
  // C at once, before the service worker has finished installing: the first load waits for it,
  // so the toolchain is kept from this first visit on.
  await selectLanguage(page, 'c');
  expect(await runAndWait(page, 180_000)).toBe('exit code 0');
  await selectLanguage(page, 'assemblyscript');
  expect(await runAndWait(page, 120_000)).toBe('exit code 0');

  // What was kept: the app shell at install, each toolchain at its first use (and only those).
  const kept = await page.evaluate(async () => {
    const names = await caches.keys();
    const toolchains = names.find((n) => n.includes('toolchains'));
    const urls = toolchains
      ? (await (await caches.open(toolchains)).keys()).map((r) => r.url.split('/').pop() ?? '')
      : [];
    return { names, toolchains: urls };
  });
  expect(kept.names.some((n) => n.includes('precache'))).toBe(true);
  for (const t of [/^llvm\.core-.*\.wasm$/, /^llvm-resources-.*\.tar$/, /^asc-.*\.js$/])
    expect(
      kept.toolchains.some((u) => t.test(u)),
      String(t),
    ).toBe(true);
  // The inspector's binaryen (wasm-opt) was never used: not downloaded, not kept.
  expect(kept.toolchains.some((u) => u.startsWith('binaryen-'))).toBe(false);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('editor')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('language-select')).toHaveValue('assemblyscript');
  expect(await runAndWait(page, 120_000)).toBe('exit code 0');
  expect(await outputText(page)).toContain('Hello from AssemblyScript');
  await selectLanguage(page, 'c');
  expect(await runAndWait(page, 180_000)).toBe('exit code 0');
  expect(await outputText(page)).toContain('Hello from C');
  await context.setOffline(false);
});

test('installable: the web app manifest names the app and its icons', async ({ page }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const manifest = (await (await page.request.get(href!)).json()) as {
    name: string;
    start_url: string;
    display: string;
    icons: { src: string; sizes: string; type: string }[];
  };
  expect(manifest.name).toBe('Wasm Playground');
  expect(manifest.display).toBe('standalone');
  const sizes = manifest.icons.map((i) => i.sizes);
  expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
  for (const icon of manifest.icons) {
    const r = await page.request.get(icon.src);
    expect(r.status(), icon.src).toBe(200);
    expect(r.headers()['content-type']).toBe(icon.type);
  }
});

test('a new deployment shows "a new version is ready" and Reload switches to it', async ({
  page,
}) => {
  await openPlayground(page);
  await controlled(page);
  const first = await page.evaluate(() => navigator.serviceWorker.controller!.scriptURL);
  // A new build: the worker script changes on the server.
  const file = new URL('../dist/sw.js', import.meta.url);
  const original = readFileSync(file, 'utf8');
  try {
    writeFileSync(file, `${original}\n// a new deployment ${Date.now()}\n`);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    const notice = page.getByTestId('update-ready');
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('A new version');
    // Until the user reloads, this page keeps its own version.
    expect(await page.evaluate(() => navigator.serviceWorker.controller!.scriptURL)).toBe(first);
    const reloaded = page.waitForEvent('load');
    await page.getByTestId('update-reload').click();
    await reloaded;
    await expect(page.getByTestId('editor')).toHaveAttribute('data-ready', 'true');
    await expect(page.getByTestId('update-ready')).toHaveCount(0);
    const waiting = await page.evaluate(
      async () => !!(await navigator.serviceWorker.getRegistration())?.waiting,
    );
    expect(waiting).toBe(false);
  } finally {
    writeFileSync(file, original);
  }
});

test('the code is on screen before Monaco has loaded', async ({ page }) => {
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  // Monaco's chunk is held back: what shows meanwhile is the file's text.
  await page.route(/editor\.api-[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/');
  const placeholder = page.getByTestId('editor-placeholder');
  await expect(placeholder).toBeVisible();
  await expect(placeholder).toContainText('(module');
  await expect(placeholder).toContainText('fd_write');
  await expect(page.getByTestId('editor')).toHaveAttribute('data-ready', 'false');
  release();
  await expect(page.getByTestId('editor')).toHaveAttribute('data-ready', 'true');
  await expect(placeholder).toHaveCount(0);
});

test('index.html paints the code before any module runs, where the editor will be: a first visit, then a returning one', async ({
  page,
}) => {
  const box = (selector: string) =>
    page.locator(selector).evaluate((e) => {
      const r = e.getBoundingClientRect();
      return [r.x, r.y, r.width, r.height];
    });
  const near = (a: number[], b: number[]) => a.every((v, i) => Math.abs(v - b[i]) <= 1);
  let scripts: 'blocked' | 'monaco-held' | 'free' = 'blocked';
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  // With the app's entry blocked, only index.html's own script can paint.
  await page.route(/assets\/main-[\w-]+\.js$/, (route) =>
    scripts === 'blocked' ? route.abort() : route.continue(),
  );
  await page.route(/editor\.api-[\w-]+\.js$/, async (route) => {
    if (scripts === 'monaco-held') await held;
    await route.continue();
  });
  await page.goto('/');
  const boot = page.locator('#boot-code');
  await expect(boot).toContainText('(module');
  await expect(boot).toContainText('fd_write');
  const first = await box('#boot-code');
  const bootText = await boot.locator('pre').nth(1).textContent();

  // The app's placeholder takes over in the same place with the same text: no jump.
  scripts = 'monaco-held';
  await page.reload();
  const placeholder = page.getByTestId('editor-placeholder');
  await expect(placeholder).toBeVisible();
  await expect(boot).toHaveCount(0);
  expect(near(await box('[data-testid="editor-placeholder"]'), first)).toBe(true);
  const appText = (await placeholder.locator('pre').nth(1).textContent()) ?? '';
  expect(appText.startsWith(bootText ?? '-')).toBe(true);
  release();
  await expect(page.getByTestId('editor')).toHaveAttribute('data-ready', 'true');

  // A returning visit paints what the page showed when it went away.
  await page.getByTestId('editor').locator('.view-lines').click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type(';; mine\n');
  const editor = await box('[data-testid="editor"]');
  scripts = 'blocked';
  await page.reload();
  await expect(boot).toContainText(';; mine');
  expect(near(await box('#boot-code'), editor)).toBe(true);
});
