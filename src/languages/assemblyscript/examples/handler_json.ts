// A JSON echo: answers with what it was sent (method, path, query, a header, the body) as
// JSON. Send a POST with a body, e.g. {"hello": "wasm"}.
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

function jsonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c == 0x22) out += '\\"';
    else if (c == 0x5c) out += '\\\\';
    else if (c == 0x0a) out += '\\n';
    else if (c < 0x20) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += String.fromCharCode(c);
  }
  return out + '"';
}

function field(key: string): string {
  return process.env.has(key) ? jsonString(process.env.get(key)) : 'null';
}

const body = readBody();
process.stdout.write('Content-Type: application/json\n\n');
process.stdout.write(
  '{\n' +
    `  "method": ${field('REQUEST_METHOD')},\n` +
    `  "path": ${field('PATH_INFO')},\n` +
    `  "query": ${field('QUERY_STRING')},\n` +
    `  "content_type": ${field('HTTP_CONTENT_TYPE')},\n` +
    `  "length": ${String.UTF8.byteLength(body)},\n` +
    `  "body": ${jsonString(body)}\n` +
    '}\n',
);
