/* global __DEFAULT_TEXT__, __KEY__ */
// Inlined into index.html by vite.config.ts (bootPaintPlugin), before any module: paints the
// open file's first lines where the editor will be, so the code is on screen with the page's
// first frame. The app's own placeholder (CodeEditor) takes over in the same place, then Monaco.
// __DEFAULT_TEXT__ is the first example's text (what a first visit opens); __KEY__ the snapshot's
// key (src/boot/bootSnapshot.ts writes it when the page goes away).
(function bootPaint(defaultText, key) {
  try {
    // A share link, an example link or anything else in the fragment: its code is not known yet.
    if (location.hash.length > 1) return;
    var w = window.innerWidth;
    var h = window.innerHeight;
    var snap = JSON.parse(localStorage.getItem(key) || 'null');
    var theme, rect, text;
    if (snap && snap.v === 1) {
      if (!snap.rect || snap.vw !== w || snap.vh !== h) return;
      theme = snap.theme;
      rect = snap.rect;
      text = String(snap.text);
    } else {
      // A first visit (nothing of ours saved): the default layout (App.tsx's panel sizes), when
      // the window is wide enough for the toolbar to be one row.
      for (var i = 0; i < localStorage.length; i++) {
        if (String(localStorage.key(i)).indexOf('wasm-playground:') === 0) return;
      }
      if (w < 1240 || h < 400) return;
      var top = 48.59; // the one-row toolbar
      var main = h - top;
      var left = (w - 4) * 0.56; // left panel 56 %, one 4 px separator beside it
      var files = (left - 4) * 0.27; // file tree 27 % of the left panel
      var bar = 33; // the file tabs above the editor
      rect = [files + 4, top + bar, left - files - 4, (main - 4) * 0.72 - bar];
      theme = window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
      text = defaultText;
    }
    document.documentElement.dataset.theme = theme;
    var lines = text.split('\n', Math.ceil(rect[3] / 19) + 1);
    var box = document.createElement('div');
    box.id = 'boot-code';
    box.className = 'editor-placeholder';
    box.setAttribute('aria-hidden', 'true');
    box.style.cssText =
      'position:fixed;z-index:1;left:' +
      rect[0] +
      'px;top:' +
      rect[1] +
      'px;width:' +
      rect[2] +
      'px;height:' +
      rect[3] +
      'px';
    var gutter = document.createElement('pre');
    gutter.className = 'editor-placeholder-gutter';
    gutter.textContent = lines
      .map(function (_, n) {
        return n + 1;
      })
      .join('\n');
    var code = document.createElement('pre');
    code.className = 'editor-placeholder-text';
    code.setAttribute('elementtiming', 'code-placeholder');
    code.textContent = lines.join('\n');
    box.appendChild(gutter);
    box.appendChild(code);
    document.body.appendChild(box);
  } catch {
    // Storage denied or a damaged snapshot: the app paints the code itself, a little later.
  }
})(__DEFAULT_TEXT__, __KEY__);
