// A small website in one handler: a router on PATH_INFO. Open it in the live preview:
//   /            an HTML page with a form and an image
//   /greet       the form's POST target (reads the urlencoded body from stdin)
//   /image.svg   a picture drawn for each request (a new one on every reload)
//   /api/time    JSON
//   anything else: 404
const env = process.env;
const out = process.stdout;
const path = env.has('PATH_INFO') ? env.get('PATH_INFO') : '/';
const method = env.get('REQUEST_METHOD');

function escapeHtml(s: string): string {
  return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

function readBody(): string {
  const chunk = new ArrayBuffer(4096);
  let body = '';
  while (true) {
    const n = process.stdin.read(chunk);
    if (n <= 0) break;
    body += String.UTF8.decode(chunk.slice(0, n));
  }
  return body;
}

// application/x-www-form-urlencoded: + is a space, %XX a byte (ASCII here).
function formValue(body: string, key: string): string {
  const pairs = body.split('&');
  for (let i = 0; i < pairs.length; i++) {
    if (!pairs[i].startsWith(key + '=')) continue;
    const raw = pairs[i].slice(key.length + 1).replaceAll('+', ' ');
    let s = '';
    for (let j = 0; j < raw.length; j++) {
      if (raw.charAt(j) == '%' && j + 2 < raw.length) {
        s += String.fromCharCode(<i32>parseInt(raw.substr(j + 1, 2), 16));
        j += 2;
      } else s += raw.charAt(j);
    }
    return s;
  }
  return '';
}

function page(title: string, body: string): void {
  out.write('Content-Type: text/html; charset=utf-8\n\n');
  out.write(
    `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>` +
      '<style>body{font:16px system-ui;max-width:36em;margin:2em auto;padding:0 1em}</style>' +
      `</head><body>${body}</body></html>\n`,
  );
}

if (path == '' || path == '/') {
  page(
    'Hello from Wasm',
    '<h1>A website served by AssemblyScript</h1>' +
      '<p>Every request to this site starts a fresh instance of the handler.</p>' +
      '<form method="post" action="/greet"><label>Your name <input name="name" value="Ada"></label> ' +
      '<button>Greet me</button></form>' +
      '<p><img src="/image.svg" width="128" height="128" alt="circles drawn for this request"></p>' +
      '<p><a href="/api/time">/api/time</a> · <a href="/nope">/nope</a></p>',
  );
} else if (path == '/greet' && method == 'POST') {
  const name = formValue(readBody(), 'name');
  page('Greetings', `<h1>Hello, ${escapeHtml(name.length ? name : 'stranger')}!</h1><p><a href="/">Back</a></p>`);
} else if (path == '/image.svg') {
  out.write('Content-Type: image/svg+xml\nCache-Control: no-store\n\n');
  let svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="#14161c"/>';
  for (let i = 0; i < 12; i++) {
    const x = <i32>(Math.random() * 64);
    const y = <i32>(Math.random() * 64);
    const r = 3 + <i32>(Math.random() * 12);
    const hue = <i32>(Math.random() * 360);
    svg += `<circle cx="${x}" cy="${y}" r="${r}" fill="hsl(${hue},80%,60%)" opacity="0.8"/>`;
  }
  out.write(svg + '</svg>\n');
} else if (path == '/api/time') {
  out.write(`Content-Type: application/json\n\n{"unix_ms": ${Date.now()}}\n`);
} else {
  out.write(`Status: 404 Not Found\nContent-Type: text/plain\n\nNo page at ${path}\n`);
}
