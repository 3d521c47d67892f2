import { expect, test, type Page } from '@playwright/test';
import { deflateSync, strToU8, unzipSync } from 'fflate';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { HOST_PORT } from '../playwright.config';
import {
  autosaved,
  fixture,
  freshStorage,
  newFile,
  openPlayground,
  outputText,
  runAndWait,
  selectLanguage,
  setSource,
  watToWasm,
  fileEntry,
} from './helpers';

test.beforeEach(async ({ page }) => freshStorage(page));

const entry = fileEntry;
const tab = (page: Page, path: string) =>
  page.locator(`[data-testid="file-tab"][data-path="${path}"]`);

test('file tree: new file and folder, rename, move by drag, delete with undo, bad names', async ({
  page,
}) => {
  await openPlayground(page);
  await expect(page.getByTestId('file-tree')).toBeVisible();
  await expect(entry(page, 'main.wat')).toHaveAttribute('data-kind', 'file');

  await newFile(page, 'notes.txt');
  await expect(entry(page, 'notes.txt')).toBeVisible();
  await expect(tab(page, 'notes.txt')).toHaveAttribute('aria-selected', 'true');
  await page.getByTestId('editor').click();
  await page.keyboard.type('some notes');
  await expect(page.getByTestId('editor')).toContainText('some notes');

  await newFile(page, 'docs', true);
  await expect(entry(page, 'docs/')).toHaveAttribute('data-kind', 'dir');

  // Names that cannot be files are refused with a message.
  await newFile(page, 'a/../b.txt');
  await expect(page.getByTestId('file-tree-error')).toContainText('not a file name');
  await page.getByTestId('new-path-input').press('Escape');

  // Rename.
  await entry(page, 'notes.txt').hover();
  await entry(page, 'notes.txt').getByTestId('rename-file').click();
  await page.getByTestId('new-path-input').fill('readme.md');
  await page.getByTestId('new-path-input').press('Enter');
  await expect(entry(page, 'readme.md')).toBeVisible();
  await expect(entry(page, 'notes.txt')).toHaveCount(0);
  await expect(tab(page, 'readme.md')).toBeVisible();

  // Move by drag into the folder.
  await entry(page, 'readme.md').dragTo(entry(page, 'docs/'));
  await expect(entry(page, 'docs/readme.md')).toBeVisible();

  // Delete, then Undo.
  await entry(page, 'docs/readme.md').hover();
  await entry(page, 'docs/readme.md').getByTestId('delete-file').click();
  await expect(entry(page, 'docs/readme.md')).toHaveCount(0);
  await page.getByTestId('toast-action').click();
  await expect(entry(page, 'docs/readme.md')).toBeVisible();
  await entry(page, 'docs/readme.md').click();
  await expect(page.getByTestId('editor')).toContainText('some notes');

  // Everything survives a reload (IndexedDB).
  await autosaved(page);
  await page.reload();
  await expect(page.getByTestId('editor')).toHaveAttribute('data-ready', 'true');
  await expect(entry(page, 'docs/readme.md')).toBeVisible();
});

test('a two-file C project: an error in the header names the header, and a click opens it', async ({
  page,
}) => {
  await openPlayground(page);
  await selectLanguage(page, 'c');
  await setSource(
    page,
    '#include <stdio.h>\n#include "util.h"\nint main(void) {\n  printf("%d\\n", twice(21));\n  return 0;\n}\n',
  );
  await newFile(page, 'util.h');
  await page.getByTestId('editor').click();
  // One line per body: Monaco's auto-closed brace is then typed over, as when a person types.
  await page.keyboard.insertText('#pragma once\nstatic int twice(int x) { return x * 2 }\n');
  await runAndWait(page, 120_000);
  const problem = page.getByTestId('problem').first();
  await expect(problem).toHaveAttribute('data-file', 'util.h');
  await expect(problem).toContainText('util.h:2:');
  await tab(page, 'main.c').click();
  await problem.click();
  await expect(tab(page, 'util.h')).toHaveAttribute('aria-selected', 'true');
  // Fix the header: the project builds and runs.
  await setSource(page, '#pragma once\nstatic int twice(int x) { return x * 2; }\n');
  await expect(tab(page, 'util.h')).toHaveAttribute('aria-selected', 'true');
  expect(await runAndWait(page)).toMatch(/exit code 0/);
  expect(await outputText(page)).toBe('42');
});

test('a program writing a PPM: marked new, previewed, kept into the project', async ({ page }) => {
  await openPlayground(page);
  await selectLanguage(page, 'c');
  await page.getByTestId('examples-select').selectOption('mandelbrot');
  expect(await runAndWait(page, 120_000)).toMatch(/exit code 0/);
  const ppm = entry(page, 'mandelbrot.ppm');
  await expect(ppm).toHaveAttribute('data-change', 'created');
  await ppm.click();
  const preview = page.getByTestId('file-preview');
  await expect(preview).toBeVisible();
  // The canvas holds the decoded image: 480 × 320, not all black.
  const stats = await preview.evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let lit = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] + d[i + 1] + d[i + 2] > 60) lit++;
    return { w: c.width, h: c.height, lit };
  });
  expect(stats.w).toBe(480);
  expect(stats.h).toBe(320);
  expect(stats.lit).toBeGreaterThan(1000);
  await ppm.getByTestId('keep-file').click();
  await expect(ppm).not.toHaveAttribute('data-change', /.+/);
  // A binary file of the project shows its preview, not the editor; a run never changes it.
  await expect(page.getByTestId('file-preview')).toBeVisible();
  await runAndWait(page);
  await expect(entry(page, 'mandelbrot.ppm')).not.toHaveAttribute('data-change', /.+/);
});

test('upload any bytes, hex view, zip download and open round trip', async ({ page }) => {
  await openPlayground(page);
  await page.getByTestId('upload-files-input').setInputFiles([
    { name: 'blob.bin', mimeType: 'application/octet-stream', buffer: Buffer.from([0, 1, 2, 255]) },
    { name: 'data.txt', mimeType: 'text/plain', buffer: Buffer.from('hello data\n') },
  ]);
  await expect(entry(page, 'blob.bin')).toBeVisible();
  await entry(page, 'blob.bin').click();
  await expect(page.getByTestId('hex-view')).toContainText('00 01 02 ff');

  const download = page.waitForEvent('download');
  await page.getByTestId('download-project').click();
  const zipPath = await (await download).path();
  const zip = readFileSync(zipPath);
  const unzipped = unzipSync(new Uint8Array(zip));
  expect(Object.keys(unzipped).sort()).toEqual(['blob.bin', 'data.txt', 'main.wat']);
  expect([...unzipped['blob.bin']]).toEqual([0, 1, 2, 255]);

  await page.getByTestId('open-zip-input').setInputFiles({
    name: 'copy.zip',
    mimeType: 'application/zip',
    buffer: zip,
  });
  await expect(page.getByTestId('projects-button')).toContainText('copy');
  await expect(entry(page, 'data.txt')).toBeVisible();
  await entry(page, 'data.txt').click();
  await expect(page.getByTestId('editor')).toContainText('hello data');
  // Both projects are listed.
  await page.getByTestId('projects-button').click();
  await expect(page.getByTestId('project-entry')).toHaveCount(2);
});

test('a folder upload keeps the paths inside the folder', async ({ page }, testInfo) => {
  await openPlayground(page);
  const dir = testInfo.outputPath('assets');
  mkdirSync(`${dir}/img`, { recursive: true });
  writeFileSync(`${dir}/readme.txt`, 'hello\n');
  writeFileSync(`${dir}/img/dot.bin`, Buffer.from([1, 2, 3]));
  await page.getByTestId('upload-folder-input').setInputFiles(dir);
  await expect(entry(page, 'assets/readme.txt')).toBeVisible();
  await expect(entry(page, 'assets/img/dot.bin')).toBeVisible();
});

test("today's autosave (version 1, localStorage) becomes projects on first start", async ({
  page,
}) => {
  await page.addInitScript(() => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem(
      'wasm-playground:state:v1',
      JSON.stringify({
        language: 'c',
        sources: { wat: ';; my old wat draft\n(module)', c: 'int main(void) { return 5; }\n' },
        stdin: 'old stdin',
        args: '',
        env: '',
        timeLimit: 7,
        theme: 'system',
        compileOptions: { c: { optLevel: '-O1', flags: '' } },
      }),
    );
  });
  await openPlayground(page);
  await expect(page.getByTestId('language-select')).toHaveValue('c');
  await expect(page.getByTestId('editor')).toContainText('return 5;');
  await expect(page.getByTestId('stdin-input')).toHaveValue('old stdin');
  await selectLanguage(page, 'wat');
  await expect(page.getByTestId('editor')).toContainText(';; my old wat draft');
});

/** A v1 link as version 1 wrote it. */
function v1Link(state: object) {
  const b64 = Buffer.from(deflateSync(strToU8(JSON.stringify(state)), { level: 9 }))
    .toString('base64')
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
  return `/#v1.${b64}`;
}

test('v1 links still open; v2 links carry every file', async ({ page, browser }) => {
  await openPlayground(
    page,
    v1Link({
      language: 'wat',
      source: ';; from a v1 link\n(module)',
      stdin: 'x',
      args: '',
      env: '',
    }),
  );
  await expect(page.getByTestId('editor')).toContainText(';; from a v1 link');

  await setSource(page, fixture('copyfile.wat'));
  await page.getByTestId('upload-files-input').setInputFiles({
    name: 'in.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('carried by the link\n'),
  });
  await expect(entry(page, 'in.txt')).toBeVisible();
  await page.getByTestId('share-button').click();
  const link = await page.getByTestId('share-url').inputValue();
  expect(link).toMatch(/#v2\./);

  const other = await (await browser.newContext()).newPage();
  await openPlayground(other, link.replace(/^https?:\/\/[^/]+/, ''));
  await expect(entry(other, 'in.txt')).toBeVisible();
  expect(await runAndWait(other)).toMatch(/exit code 0/);
  expect(await outputText(other)).toBe('carried by the link');
  await expect(entry(other, 'out.txt')).toHaveAttribute('data-change', 'created');
});

test('embed: files and entry on set, files and returnFiles on run', async ({ page }) => {
  await page.goto(
    `http://localhost:${HOST_PORT}/host.html?src=${encodeURIComponent('http://localhost:4173/embed.html')}`,
  );
  const messages = () =>
    page.evaluate(
      () =>
        (window as unknown as { messages: { data: { type: string; [k: string]: unknown } }[] })
          .messages,
    );
  const send = (m: unknown) =>
    page.evaluate((x) => (window as unknown as { send(m: unknown): void }).send(x), m);
  const exits = async () => (await messages()).filter((m) => m.data.type === 'playground:exit');
  await expect.poll(async () => (await messages()).length).toBeGreaterThan(0);

  // set: a tree with its entry; run compiles the entry, mounts the tree, returns the sandbox.
  await send({
    type: 'playground:set',
    language: 'wat',
    files: { 'prog/copy.wat': fixture('copyfile.wat'), 'in.txt': 'set by the parent\n' },
    entry: 'prog/copy.wat',
  });
  await send({ type: 'playground:run', returnFiles: true });
  await expect.poll(async () => (await exits()).length, { timeout: 30_000 }).toBe(1);
  let exit = (await exits())[0].data as unknown as {
    code: number;
    files: Record<string, Uint8Array>;
  };
  expect(exit.code).toBe(0);
  const text = (b: Uint8Array) => new TextDecoder().decode(new Uint8Array(Object.values(b)));
  expect(text(exit.files['out.txt'])).toBe('set by the parent\n');
  expect(Object.keys(exit.files).sort()).toEqual(['in.txt', 'out.txt', 'prog/copy.wat']);

  // Paths that escape are refused (warned, ignored): no run happens.
  await send({ type: 'playground:run', files: { '../etc/passwd': 'x' } });
  await send({ type: 'playground:run', files: { '/abs': 'x' } });
  // wasm + files: the files are what that module sees; bytes go in as bytes.
  const wasm = await watToWasm(fixture('copyfile.wat'));
  await send({
    type: 'playground:run',
    wasm,
    files: { 'in.txt': new Uint8Array([104, 105, 10]), 'empty/': '' },
    returnFiles: true,
  });
  await expect.poll(async () => (await exits()).length, { timeout: 30_000 }).toBe(2);
  exit = (await exits())[1].data as unknown as typeof exit;
  expect(text(exit.files['out.txt'])).toBe('hi\n');
  expect(exit.files['empty/']).toBeDefined();
  // Without returnFiles the exit carries no files.
  await send({ type: 'playground:run', wasm });
  await expect.poll(async () => (await exits()).length, { timeout: 30_000 }).toBe(3);
  expect((await exits())[2].data.files).toBeUndefined();
});

test('two tabs on one project: the later save wins and the other tab says so', async ({
  context,
}) => {
  const a = await context.newPage();
  await openPlayground(a);
  await setSource(a, ';; saved by tab A\n(module)');
  await autosaved(a);
  const b = await context.newPage();
  await openPlayground(b);
  await expect(b.getByTestId('editor')).toContainText(';; saved by tab A');
  await setSource(b, ';; saved by tab B\n(module)');
  await expect(a.getByTestId('project-conflict')).toBeVisible();
  await a.getByTestId('load-their-version').click();
  await expect(a.getByTestId('editor')).toContainText(';; saved by tab B');
  await expect(a.getByTestId('project-conflict')).toHaveCount(0);
});

test('uploading a 50 MB file and 2,000 files keeps the page responsive', async ({
  page,
}, testInfo) => {
  await openPlayground(page);
  const observe = () =>
    page.evaluate(() => {
      const w = window as unknown as { longTasks: number[]; lto?: PerformanceObserver };
      w.longTasks = [];
      w.lto?.disconnect();
      w.lto = new PerformanceObserver((l) =>
        w.longTasks.push(...l.getEntries().map((e) => e.duration)),
      );
      w.lto.observe({ type: 'longtask' });
    });
  const longest = () =>
    page.evaluate(() => Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks));

  // Playwright passes buffers over 50 MB only as files.
  const bigPath = testInfo.outputPath('big.bin');
  writeFileSync(bigPath, Buffer.alloc(50 * 1024 * 1024, 7));
  await observe();
  await page.getByTestId('upload-files-input').setInputFiles(bigPath);
  await expect(entry(page, 'big.bin')).toBeVisible({ timeout: 30_000 });
  await autosaved(page); // the autosave of the project counts too
  const afterBig = await longest();

  // 2,000 files, made in the page before measuring (Playwright's own setInputFiles spends
  // ≈ 600 ms in one task building them), then picked as one upload.
  await page.evaluate(() => {
    const dt = new DataTransfer();
    for (let i = 0; i < 2000; i++)
      dt.items.add(new File([`file ${i}\n`], `f${String(i).padStart(4, '0')}.txt`));
    (window as unknown as { picked: FileList }).picked = dt.files;
  });
  await observe();
  await page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('[data-testid="upload-files-input"]')!;
    input.files = (window as unknown as { picked: FileList }).picked;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  // The tree is virtualised: the last file exists once the upload is announced.
  await expect(page.getByTestId('toast')).toContainText('Added 2000 files', { timeout: 30_000 });
  await autosaved(page);
  const afterMany = await longest();
  console.log(
    `longest main-thread task: 50 MB ${afterBig.toFixed(0)} ms, 2,000 files ${afterMany.toFixed(0)} ms`,
  );
  expect(afterBig).toBeLessThanOrEqual(100);
  expect(afterMany).toBeLessThanOrEqual(100);
  // The page still answers: typing and running work.
  expect(await runAndWait(page)).toMatch(/exit code 0/);
  // Typing in a project that holds 50 MB saves without a long task (big files are stored once).
  await page.getByTestId('editor').click();
  await page.keyboard.type(';; typed');
  await observe();
  await page.keyboard.type(' more');
  await autosaved(page);
  expect(await longest()).toBeLessThanOrEqual(100);
  // And the big file is there after a reload, bytes intact.
  await page.reload();
  await expect(entry(page, 'big.bin')).toContainText('50.00 MiB');
  await page.getByTestId('projects-button').click();
  await expect(page.getByTestId('project-entry')).toContainText('2002 files');
});
