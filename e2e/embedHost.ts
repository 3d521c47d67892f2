import { expect, type Page } from '@playwright/test';
import { HOST_PORT } from '../playwright.config';
import { openPlayground, setSource } from './helpers';

/** The embed tests' host page (e2e/host/host.html, on a second origin) and its message log. */
export interface Msg {
  origin: string;
  data: { type: string; [k: string]: unknown };
}

export async function embedLink(page: Page, source: string, query = ''): Promise<string> {
  await openPlayground(page);
  await setSource(page, source);
  await page.getByTestId('embed-button').click();
  const snippet = await page.getByTestId('embed-snippet').inputValue();
  const src = /src="([^"]+)"/.exec(snippet)![1].replace(/&amp;/g, '&');
  const url = new URL(src);
  expect(url.pathname).toMatch(/embed\.html$/);
  for (const [k, v] of new URLSearchParams(query)) url.searchParams.set(k, v);
  return url.toString();
}

export async function openHost(page: Page, src: string, sandbox?: string, isolated = false) {
  const q = new URLSearchParams({ src });
  if (sandbox) q.set('sandbox', sandbox);
  if (isolated) q.set('isolated', '1');
  await page.goto(`http://localhost:${HOST_PORT}/host.html?${q}`);
}

export const messages = (page: Page) =>
  page.evaluate(() => (window as unknown as { messages: Msg[] }).messages);
export const send = (page: Page, msg: unknown) =>
  page.evaluate((m) => (window as unknown as { send: (m: unknown) => void }).send(m), msg);
export const waitFor = (page: Page, type: string, count = 1) =>
  expect
    .poll(async () => (await messages(page)).filter((m) => m.data?.type === type).length, {
      timeout: 30_000,
    })
    .toBeGreaterThanOrEqual(count);

/** The program output the embed posted in `all` (playground:output texts, in order). */
export const outputOf = (all: Msg[]) =>
  all
    .filter((m) => m.data.type === 'playground:output')
    .map((m) => m.data.text)
    .join('');
