import { expect, test } from '@playwright/test';
import { messages, openHost, waitFor } from './embedHost';
import { freshStorage, openPlayground, setSource } from './helpers';

test.beforeEach(async ({ page }) => freshStorage(page));

test('Shorten asks first, then gives a short link that opens the same project, also as an embed', async ({
  page,
  browser,
}) => {
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/links')) posts.push(r.url());
  });
  const text = `;; a short link ${Date.now()}\n(module)`;
  await openPlayground(page);
  await setSource(page, text);
  await page.getByTestId('share-button').click();
  const long = await page.getByTestId('share-url').inputValue();
  await page.getByTestId('share-shorten').click();
  // First the explanation; nothing has left the browser yet.
  const consent = page.getByTestId('share-shorten-consent');
  await expect(consent).toContainText('stores this project on localhost:4173');
  await expect(consent).toContainText('Anyone with the short link can open and read it');
  expect(posts).toEqual([]);
  await page.getByTestId('share-shorten-agree').click();
  const short = page.getByTestId('share-short-url');
  await expect(short).toHaveValue(/^http:\/\/localhost:4173\/s\/[A-Za-z0-9_-]{8,}$/);
  const url = await short.inputValue();
  expect(posts).toHaveLength(1);
  expect(url.length).toBeLessThan(long.length);
  // The long link is still offered beside it.
  await expect(page.getByTestId('share-url')).toHaveValue(long);

  // A fresh browser opens the same project from the short link.
  const ctx = await browser.newContext();
  const p2 = await ctx.newPage();
  await openPlayground(p2, url);
  await expect(p2.getByTestId('editor')).toContainText(';; a short link');
  expect(new URL(p2.url()).pathname).toBe('/');

  // ?embed=1 gives the embed, here in an opaque-origin frame.
  await openHost(p2, `${url}?embed=1`, 'allow-scripts');
  await waitFor(p2, 'playground:ready');
  expect((await messages(p2)).find((m) => m.data.type === 'playground:ready')!.origin).toBe('null');
  await expect(p2.frameLocator('iframe').getByTestId('editor')).toContainText(';; a short link');
  await ctx.close();
});

test('Shorten with the link service down says so and keeps the long link', async ({ page }) => {
  await page.route('**/api/links', (route) =>
    route.request().method() === 'POST' ? route.abort('connectionrefused') : route.fallback(),
  );
  await openPlayground(page);
  await page.getByTestId('share-button').click();
  const long = await page.getByTestId('share-url').inputValue();
  await page.getByTestId('share-shorten').click();
  await page.getByTestId('share-shorten-agree').click();
  await expect(page.getByTestId('share-shorten-error')).toContainText(
    'The link service at localhost:4173 is down',
  );
  await expect(page.getByTestId('share-shorten-error')).toContainText('The long link still works');
  await expect(page.getByTestId('share-url')).toHaveValue(long);
  await expect(page.getByTestId('share-short-url')).toHaveCount(0);
});

test('a deployment without a link service shows no Shorten button', async ({ page }) => {
  // A static host answers the probe with a 404 page.
  await page.route('**/api/links', (route) =>
    route.fulfill({ status: 404, contentType: 'text/html', body: '<h1>Not found</h1>' }),
  );
  await openPlayground(page);
  await page.getByTestId('share-button').click();
  await expect(page.getByTestId('share-url')).toHaveValue(/#v2\./);
  // The probe has answered (and Share stays as it was).
  await expect
    .poll(() =>
      page.evaluate(
        () => performance.getEntriesByName(new URL('/api/links', location.href).href).length,
      ),
    )
    .toBe(1);
  await expect(page.getByTestId('share-shorten')).toHaveCount(0);
});

test('the Embed dialog can put a short link in the snippet, and that embed opens the project', async ({
  page,
}) => {
  await openPlayground(page);
  await setSource(page, `;; an embedded short link ${Date.now()}\n(module)`);
  await page.getByTestId('embed-button').click();
  await page.getByTestId('embed-readonly').check();
  await page.getByTestId('share-shorten').click();
  await expect(page.getByTestId('share-shorten-consent')).toContainText('localhost:4173');
  await page.getByTestId('share-shorten-agree').click();
  const snippet = page.getByTestId('embed-snippet');
  await expect(snippet).toHaveValue(
    /src="http:\/\/localhost:4173\/s\/[A-Za-z0-9_-]{8,}\?embed=1&amp;readonly=1"/,
  );
  const src = /src="([^"]+)"/.exec(await snippet.inputValue())![1].replace(/&amp;/g, '&');
  await openHost(page, src, 'allow-scripts');
  await waitFor(page, 'playground:ready');
  const frame = page.frameLocator('iframe');
  await expect(frame.getByTestId('editor')).toContainText(';; an embedded short link');
  // The redirect kept the embed's options.
  const framed = new URL(page.frames()[1].url());
  expect(framed.pathname).toBe('/embed.html');
  expect(framed.search).toBe('?readonly=1');
});
