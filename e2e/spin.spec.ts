import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { parse } from 'smol-toml';
import { freshStorage, openPlayground, selectLanguage, setSource } from './helpers';

test.beforeEach(async ({ page }) => freshStorage(page));

async function openSpinExample(page: Page, id: string) {
  await openPlayground(page);
  await selectLanguage(page, 'c');
  await page.getByTestId('examples-select').selectOption(`spin-${id}`);
  await page.getByTestId('main-tab-http').click();
  await expect(page.getByTestId('http-executor')).toHaveValue('spin-component');
}

/** Run: builds the component and answers the composer's request. */
async function runHandler(page: Page, timeout = 120_000) {
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('response-status')).toBeVisible({ timeout });
  await expect(page.getByTestId('run-button')).toHaveAttribute('data-state', 'idle', { timeout });
}

/**
 * The request log entry of the response shown now. Found by its id, not by position: the live
 * preview's own requests reach the log at their own time.
 */
async function shownEntry(page: Page) {
  const id = await page.getByTestId('response').getAttribute('data-log-id');
  const entry = page.locator(`[data-testid=request-log-entry][data-id="${id}"]`);
  await expect(entry).toHaveCount(1);
  return entry;
}

/** Send: answers the composer's request; returns its log entry. */
const send = async (page: Page) => {
  const before = (await page.getByTestId('response').getAttribute('data-log-id')) ?? '';
  await page.getByTestId('send-request').click();
  await expect(page.getByTestId('response')).not.toHaveAttribute('data-log-id', before);
  return shownEntry(page);
};

test('Spin counter: key-value counts across fresh instances, shows in the Data panel, survives a reload', async ({
  page,
}) => {
  await openSpinExample(page, 'counter');
  await expect(page.getByTestId('spin-manifest')).toBeVisible();
  await expect(page.getByTestId('grant-kv')).toHaveText('default');
  await runHandler(page);
  await expect(page.getByTestId('response-status')).toHaveAttribute('data-status', '200');
  // Run's request and the live preview's GET / (each a fresh instance) both count.
  const log = page.getByTestId('request-log-entry');
  await expect(log).toHaveCount(2);
  await expect(page.getByTestId('response-body')).toContainText(/visit [12] \(GET \/\)/);
  const sent = await send(page);
  await expect(page.getByTestId('response-body')).toContainText('visit 3 (GET /)');
  const entry = page.locator('[data-testid=kv-entry][data-key=visits]');
  await expect(entry).toHaveAttribute('data-value', '3');
  await expect(entry).toHaveAttribute('data-store', 'default');
  // Host calls in the request log, each with its cost.
  const calls = sent.getByTestId('host-call');
  await expect(calls).toHaveCount(3);
  await expect(calls.nth(1)).toHaveAttribute('data-kind', 'kv');
  // Each call's cost in µs (a cached get can be under the timer's 5 µs step: 0).
  for (const i of [0, 1, 2])
    expect(Number(await calls.nth(i).getAttribute('data-us'))).toBeGreaterThanOrEqual(0);
  await expect(calls.nth(2)).toHaveText(/set visits/);
  await expect(page.getByTestId('component-imports')).toContainText('fermyon:spin/key-value@2.0.0');

  await page.reload();
  await page.getByTestId('main-tab-http').click();
  await expect(page.getByTestId('http-executor')).toHaveValue('spin-component');
  await expect(page.locator('[data-testid=kv-entry][data-key=visits]')).toHaveAttribute(
    'data-value',
    '3',
  );
  await runHandler(page);
  await expect(page.getByTestId('response-body')).toContainText(/visit [45] \(GET \/\)/);
});

test('Spin to-do API on SQLite round-trips; the SQL box reads the table', async ({ page }) => {
  await openSpinExample(page, 'todo');
  await runHandler(page);
  await expect(page.getByTestId('response-status')).toHaveAttribute('data-status', '201');
  await expect(page.getByTestId('response-body')).toContainText('"id": 1');
  await page.getByTestId('request-body').fill('{"title": "second"}');
  await send(page);
  await expect(page.getByTestId('sql-row')).toHaveCount(2);
  await page.getByTestId('request-method').selectOption('DELETE');
  await page.getByTestId('request-path').fill('/todos/1');
  await send(page);
  await expect(page.getByTestId('response-status')).toHaveAttribute('data-status', '204');
  await page.getByTestId('request-method').selectOption('GET');
  await page.getByTestId('request-path').fill('/todos');
  await send(page);
  await expect(page.getByTestId('response-body')).toContainText('"title": "second"');
  await expect(page.getByTestId('response-body')).not.toContainText('try Spin');
  await expect(page.getByTestId('sql-row')).toHaveCount(1);
  await page.getByTestId('sql-input').fill('SELECT title FROM todos');
  await page.getByTestId('sql-run').click();
  await expect(page.getByTestId('sql-result-row')).toHaveText(['second']);
  await page.getByTestId('sql-input').fill('SELEC nonsense');
  await page.getByTestId('sql-run').click();
  await expect(page.getByTestId('sql-error')).toContainText('syntax error');
  await expect(page.getByTestId('sql-row')).toHaveCount(1);
});

test('a denied store and a denied host say so; the export holds the grants and the data', async ({
  page,
}) => {
  await openSpinExample(page, 'denied');
  await runHandler(page);
  await expect(page.getByTestId('response-body')).toContainText(
    'key-value "default": access-denied',
  );
  await expect(page.getByTestId('response-body')).toContainText('sqlite "default": access-denied');
  const denied = (await shownEntry(page)).locator('[data-testid=host-call][data-kind=kv]');
  await expect(denied).toContainText('access-denied');

  await page.getByTestId('examples-select').selectOption('spin-proxy');
  await runHandler(page);
  // The page's own origin is allowed: the request leaves and comes back.
  await expect(page.getByTestId('response-body')).toContainText('→ 200');
  await page.getByTestId('request-path').fill('/?url=https://denied.example.com/');
  const deniedSend = await send(page);
  await expect(page.getByTestId('response-status')).toHaveAttribute('data-status', '403');
  await expect(page.getByTestId('response-body')).toContainText('HttpRequestDenied');
  await expect(deniedSend.locator('[data-testid=host-call][data-kind=http]')).toContainText(
    'HTTP-request-denied',
  );

  await page.getByTestId('examples-select').selectOption('spin-counter');
  await runHandler(page);
  const download = page.waitForEvent('download');
  await page.getByTestId('export-spin').click();
  const zip = unzipSync(new Uint8Array(readFileSync(await (await download).path())));
  const manifest = parse(strFromU8(zip['spin.toml'])) as {
    component: Record<string, { key_value_stores: string[]; source: string }>;
  };
  expect(manifest.component.counter.key_value_stores).toEqual(['default']);
  expect(zip[manifest.component.counter.source].length).toBeGreaterThan(1000);
  // SQLite files begin with their magic string.
  expect(strFromU8(zip['.spin/sqlite_key_value.db'].slice(0, 15))).toBe('SQLite format 3');
});

test('a bad key in spin.toml is a Problem on its line; fixing it runs', async ({ page }) => {
  await openSpinExample(page, 'hello');
  await page.getByTestId('edit-manifest').click();
  await expect(page.getByTestId('editor')).toHaveAttribute('data-path', 'spin.toml');
  await page.getByTestId('editor').click();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.insertText('flavour = "mint"\n');
  await expect(page.getByTestId('manifest-problems')).toContainText(
    'line 1: unknown key "flavour"',
  );
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('problems')).toContainText('unknown key "flavour"');
  await page.getByTestId('editor').click();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('manifest-problems')).toHaveCount(0);
  await runHandler(page);
  await expect(page.getByTestId('response-body')).toContainText(
    'Hello from a Spin component written in C!',
  );
});

test('files in spin.toml are mounted read-only: the page, its stylesheet, a refused write', async ({
  page,
}) => {
  await openSpinExample(page, 'files');
  await expect(page.getByTestId('grant-files')).toHaveAttribute('data-count', '2');
  await expect(page.getByTestId('grant-files')).toContainText('/static/index.html');
  await runHandler(page);
  await expect(page.getByTestId('response-status')).toHaveAttribute('data-status', '200');
  await expect(page.getByTestId('response-body')).toHaveAttribute('data-kind', 'html');
  await expect(page.getByTestId('response-html')).toHaveAttribute(
    'srcdoc',
    /Hello from static\/index\.html/,
  );
  await page.getByTestId('request-path').fill('/style.css');
  await send(page);
  await expect(page.getByTestId('response-body')).toContainText('#2f6fde');
  // exclude_files keeps the drafts out of the component.
  await page.getByTestId('request-path').fill('/drafts/next.html');
  await send(page);
  await expect(page.getByTestId('response-status')).toHaveAttribute('data-status', '404');
  await page.getByTestId('request-method').selectOption('POST');
  await page.getByTestId('request-path').fill('/');
  await send(page);
  await expect(page.getByTestId('response-body')).toContainText(
    'writing /static/visitors.txt: Operation not permitted',
  );
  const download = page.waitForEvent('download');
  await page.getByTestId('export-spin').click();
  const zip = unzipSync(new Uint8Array(readFileSync(await (await download).path())));
  expect(Object.keys(zip)).toEqual(
    expect.arrayContaining(['spin.toml', 'static/index.html', 'static/style.css']),
  );
  expect(Object.keys(zip)).not.toContain('static/drafts/next.html');
  // A path that is not in the project is a Problem on the files line; Run stops there.
  const toml = strFromU8(zip['spin.toml']);
  await page.getByTestId('edit-manifest').click();
  await setSource(page, toml.replace('"static/**/*"', '"static/missing.css"'));
  await expect(page.getByTestId('manifest-problems')).toContainText(
    '"static/missing.css" does not exist',
  );
  await page.getByTestId('run-button').click();
  const problem = page.getByTestId('problem').first();
  await expect(problem).toContainText('"static/missing.css" does not exist');
  const line = toml.split('\n').findIndex((l) => l.startsWith('files = ')) + 1;
  await expect(problem).toHaveAttribute('data-line', String(line));
});

test('a C++ component: a note stored in key-value, a thrown invalid_argument answered 400', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openPlayground(page);
  await selectLanguage(page, 'cpp');
  await page.getByTestId('examples-select').selectOption('spin-notes');
  await page.getByTestId('main-tab-http').click();
  await expect(page.getByTestId('http-executor')).toHaveValue('spin-component');
  await runHandler(page, 170_000);
  await expect(page.getByTestId('response-status')).toHaveAttribute('data-status', '201');
  await expect(page.getByTestId('response-body')).toContainText('stored first (26 bytes)');
  await expect(page.locator('[data-testid=kv-entry][data-key=first]')).toHaveAttribute(
    'data-value',
    'written by a C++ component',
  );
  await page.getByTestId('request-path').fill('/notes/no%20spaces');
  await send(page);
  await expect(page.getByTestId('response-status')).toHaveAttribute('data-status', '400');
  await expect(page.getByTestId('response-body')).toContainText(
    "bad request: a note's name is letters, digits, - and _",
  );
});

test('Open .wasm of an app built by Spin’s JS tools: served as a Spin component, its writes in the Data panel', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const { buildSpinJsFixture } = await import('./fixtures/spin-js/build');
  const path = buildSpinJsFixture();
  await openPlayground(page);
  await page.getByTestId('open-wasm-input').setInputFiles(path);
  await expect(page.getByTestId('main-tab-http')).toHaveAttribute('aria-selected', 'true', {
    timeout: 60_000,
  });
  await expect(page.getByTestId('response-status')).toHaveAttribute('data-status', '200', {
    timeout: 120_000,
  });
  await expect(page.getByTestId('response-body')).toContainText(
    'hello from JavaScript on Spin: hit',
  );
  // The generated manifest grants the default store, as the component imports key-value.
  await expect(page.getByTestId('opened-manifest')).toHaveValue(
    /key_value_stores = \[ "default" \]/,
  );
  await expect(page.locator('[data-testid=kv-entry][data-key=js-hits]')).toBeVisible();
  await expect(page.getByTestId('component-imports')).toContainText('fermyon:spin/key-value@2.0.0');
});
