/**
 * Re-indents WebAssembly text: a line's indent is its depth in parentheses, plus one inside a flat
 * `block`/`loop`/`if`/`try` … `end`. Nothing else changes: tokens, comments, line breaks and
 * strings stay as written (wabt's printer would drop every comment and the user's layout).
 * Lines inside a block comment or a string that spans lines keep their text as is.
 */
export function formatWat(source: string, indentWidth = 2): string {
  const unit = ' '.repeat(indentWidth);
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let depth = 0; // open parentheses
  let flat = 0; // open flat control instructions
  let comment = 0; // nesting of (; ;) block comments
  let blankRun = 0;
  for (const raw of lines) {
    if (comment > 0) {
      // Inside a block comment: keep the line; only track where the comment ends.
      out.push(raw.replace(/\s+$/, ''));
      const r = scan(raw, comment);
      comment = r.comment;
      depth = Math.max(0, depth + r.delta);
      flat = Math.max(0, flat + r.flat);
      continue;
    }
    const line = raw.trim();
    if (line === '') {
      // At most one blank line in a row.
      if (++blankRun === 1 && out.length > 0) out.push('');
      continue;
    }
    blankRun = 0;
    // Closing parentheses and `end`/`else`/`catch` at the start of the line belong one level out.
    let lead = 0;
    while (lead < line.length && line[lead] === ')') lead++;
    const word = /^([a-z_]+)\b/.exec(line.slice(lead).trimStart())?.[1] ?? '';
    const outdent = lead === 0 && DEDENT.has(word) ? 1 : 0;
    const level = Math.max(0, depth - lead + flat - outdent);
    out.push(unit.repeat(level) + line);
    const r = scan(line, 0);
    comment = r.comment;
    depth = Math.max(0, depth + r.delta);
    flat = Math.max(0, flat + r.flat);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('\n') + '\n';
}

const OPEN_FLAT = new Set(['block', 'loop', 'if', 'try', 'try_table']);
const DEDENT = new Set(['end', 'else', 'catch', 'catch_all', 'delegate']);

/**
 * Walks one line: the change in parenthesis depth, in open flat control instructions (a `block`
 * not preceded by `(` opens one, `end` closes one), and the block-comment nesting at its end.
 */
function scan(line: string, commentIn: number): { delta: number; flat: number; comment: number } {
  let delta = 0;
  let flat = 0;
  let comment = commentIn;
  let i = 0;
  let prevParen = false;
  while (i < line.length) {
    const c = line[i];
    if (comment > 0) {
      if (c === ';' && line[i + 1] === ')') {
        comment--;
        i += 2;
      } else if (c === '(' && line[i + 1] === ';') {
        comment++;
        i += 2;
      } else i++;
      continue;
    }
    if (c === ';' && line[i + 1] === ';') break; // line comment
    if (c === '(' && line[i + 1] === ';') {
      comment++;
      i += 2;
      continue;
    }
    if (c === '"') {
      // A string: skip to its closing quote (escapes included).
      i++;
      while (i < line.length && line[i] !== '"') i += line[i] === '\\' ? 2 : 1;
      i++;
      prevParen = false;
      continue;
    }
    if (c === '(') {
      delta++;
      prevParen = true;
      i++;
      continue;
    }
    if (c === ')') {
      delta--;
      prevParen = false;
      i++;
      continue;
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    // Any other token (keyword, $name, number) runs to whitespace, a parenthesis, a quote or ;.
    let j = i + 1;
    while (j < line.length && !/[\s()";]/.test(line[j])) j++;
    const word = line.slice(i, j);
    if (!prevParen && OPEN_FLAT.has(word)) flat++;
    else if (word === 'end' || word === 'delegate') flat--;
    i = j;
    prevParen = false;
  }
  return { delta, flat, comment };
}
