/** Splits a command line like a POSIX shell would for words and quotes (no expansions). */
export function splitArgs(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"' && i + 1 < line.length) cur += line[++i];
      else cur += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < line.length) {
      cur += line[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) out.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += c;
      inWord = true;
    }
  }
  if (inWord) out.push(cur);
  return out;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' };

/**
 * Turns `KEY=value` lines into WASI environment entries; blank lines and `#` comments are
 * skipped. A value in double quotes (`KEY="a\nb"`) may hold \n, \t, \r, \" and \\, as in a
 * .env file: a value with a line break can be written so.
 */
export function parseEnv(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#') && l.indexOf('=') > 0)
    .map((l) => {
      const eq = l.indexOf('=');
      const v = l.slice(eq + 1);
      if (v.length < 2 || !v.startsWith('"') || !v.endsWith('"')) return l;
      const inner = v.slice(1, -1).replace(/\\([ntr"\\])/g, (_, c: string) => ESCAPES[c]);
      return `${l.slice(0, eq + 1)}${inner}`;
    });
}

const UNESCAPES: Record<string, string> = { '\n': 'n', '\t': 't', '\r': 'r', '"': '"', '\\': '\\' };

/**
 * Writes environment variables as Run settings' text (parseEnv reads it back exactly): values
 * with a line break, a tab, edge spaces or surrounding quotes are written in double quotes.
 */
export function formatEnv(vars: Record<string, string>): string {
  return Object.entries(vars)
    .map(([k, v]) => {
      const plain = !/[\n\r\t]|^\s|\s$|^".*"$/s.test(v);
      return plain
        ? `${k}=${v}`
        : `${k}="${v.replace(/[\\"\n\r\t]/g, (c) => `\\${UNESCAPES[c]}`)}"`;
    })
    .join('\n');
}
