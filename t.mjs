import { chromium } from '@playwright/test';
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const ctx = await browser.newContext({ viewport: { width: 1400, height: 850 } });
const page = await ctx.newPage();
page.on('pageerror', (e) => console.log('pageerror:', e.message));
page.on('console', (m) => {
  if (m.type() === 'error') console.log('console:', m.text());
});
await page.goto('http://localhost:4173/');
await page.waitForSelector('[data-testid=editor][data-ready=true]');
await page.selectOption('[data-testid=language-select]', 'c');
let t = Date.now();
await page.click('[data-testid=run-button]');
await page
  .waitForSelector('[data-testid=compiler-progress]', { timeout: 10000 })
  .then(() => console.log('progress seen at', Date.now() - t))
  .catch(() => console.log('no progress'));
await page.screenshot({ path: '/tmp/cprogress.png' });
await page.waitForSelector('[data-testid=exit-status]', { timeout: 60000 });
console.log(
  'cold',
  Date.now() - t,
  await page.textContent('[data-testid=exit-status]'),
  await page.getAttribute('[data-testid=timing-compile]', 'data-value'),
);
for (let i = 0; i < 3; i++) {
  t = Date.now();
  await page.click('[data-testid=run-button]');
  await page.waitForSelector('[data-testid=run-button][data-state=idle]');
  console.log(
    'warm',
    Date.now() - t,
    await page.getAttribute('[data-testid=timing-compile]', 'data-value'),
  );
}
await page.screenshot({ path: '/tmp/c.png' });
await page.reload();
await page.waitForSelector('[data-testid=editor][data-ready=true]');
t = Date.now();
await page.click('[data-testid=run-button]');
await page.waitForSelector('[data-testid=exit-status]', { timeout: 60000 });
console.log(
  'after reload',
  Date.now() - t,
  await page.getAttribute('[data-testid=timing-compile]', 'data-value'),
);
await browser.close();
