import { launch, openApp, runOnce, sel, setSource } from './bench/browser.mjs';
const browser = await launch();
const ctx = await browser.newContext({
  viewport: { width: 1280, height: 800 },
  colorScheme: 'dark',
});
const page = await ctx.newPage();
await openApp(page, 'http://localhost:4173/#v1.broken');
await page.selectOption(sel('language-select'), 'cpp');
await setSource(
  page,
  '#include <iostream>\nint main() {\n  std::cout << "x" << undefined_thing;\n  int unused = 3;\n}\n',
);
await page.fill(sel('compiler-flags'), '-Wall');
await runOnce(page);
await page.click(sel('toggle-compile-log'));
await page.screenshot({ path: '/tmp/err.png' });
const p2 = await ctx.newPage();
await p2.setViewportSize({ width: 700, height: 450 });
await p2.goto(
  'http://localhost:4173/embed.html?autorun=1&panels=output,timings#' +
    (await (async () => {
      await page.click(sel('share-button'));
      const u = await page.inputValue(sel('share-url'));
      return u.split('#')[1];
    })()),
);
await p2.waitForTimeout(4000);
await p2.screenshot({ path: '/tmp/embedpage.png' });
await browser.close();
