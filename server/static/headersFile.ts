/** One rule of a `_headers` file (Netlify / Cloudflare Pages format). */
export interface HeaderRule {
  pattern: RegExp;
  headers: [string, string][];
}

/**
 * Parses `_headers`: a path pattern at the start of a line (`*` matches anything), then indented
 * `Name: value` lines. Every matching rule applies, in order, as static hosts do.
 */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const glob = line
        .trim()
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*');
      rules.push({ pattern: new RegExp(`^${glob}$`), headers: [] });
      continue;
    }
    const m = /^\s+([^:\s]+):\s*(.*)$/.exec(line);
    if (m && rules.length) rules[rules.length - 1].headers.push([m[1], m[2].trim()]);
  }
  return rules;
}

/** The headers `_headers` gives `path` (later rules override a name set by earlier ones). */
export function headersFor(rules: HeaderRule[], path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of rules) if (r.pattern.test(path)) for (const [k, v] of r.headers) out[k] = v;
  return out;
}
