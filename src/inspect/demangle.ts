const SUBST: Record<string, string> = {
  St: 'std',
  Sa: 'std::allocator',
  Sb: 'std::basic_string',
  Ss: 'std::string',
  Si: 'std::istream',
  So: 'std::ostream',
  Sd: 'std::iostream',
};

/**
 * A C++ (Itanium ABI) name as a person reads it, for labels: the qualified name with its
 * parameters elided — `_ZNK3geo6Circle4areaEv` → `geo::Circle::area() const`,
 * `_Z6divideii` → `divide(…)`, constructors and destructors by their class. Template arguments
 * and parameter types are not spelled out; anything not understood is returned as it was.
 */
export function demangle(name: string): string {
  const raw = name.replace(/^\$/, '');
  const m = /^_Z(.*)$/.exec(raw);
  if (!m) return name;
  let rest = m[1];
  const nested = rest.startsWith('N');
  let konst = false;
  if (nested) {
    rest = rest.slice(1);
    const q = /^[rVK]*/.exec(rest)![0];
    konst = q.includes('K');
    rest = rest.slice(q.length).replace(/^[RO]/, '');
  }
  const parts: string[] = [];
  for (;;) {
    const sub = rest.slice(0, 2);
    if (SUBST[sub]) {
      parts.push(SUBST[sub]);
      rest = rest.slice(2);
    } else if (/^S[0-9A-Z]*_/.test(rest)) {
      // A back reference to an earlier component: not resolved here.
      parts.push('…');
      rest = rest.slice(rest.indexOf('_') + 1);
    } else if (/^\d/.test(rest)) {
      const len = /^\d+/.exec(rest)![0];
      const id = rest.slice(len.length, len.length + Number(len));
      if (id.length !== Number(len)) return name;
      parts.push(id);
      rest = rest.slice(len.length + Number(len));
    } else if (/^C[123]/.test(rest) && parts.length) {
      parts.push(parts[parts.length - 1]);
      rest = rest.slice(2);
    } else if (/^D[012]/.test(rest) && parts.length) {
      parts.push(`~${parts[parts.length - 1]}`);
      rest = rest.slice(2);
    } else if (rest.startsWith('I')) {
      // Template arguments: skipped to the matching E.
      // Identifiers are skipped by their length (they may hold I, N or E); I and N open, E closes.
      let depth = 0;
      let i = 0;
      for (; i < rest.length; i++) {
        const len = /^\d+/.exec(rest.slice(i));
        if (len) i += len[0].length + Number(len[0]) - 1;
        else if (rest[i] === 'I' || rest[i] === 'N') depth++;
        else if (rest[i] === 'E' && --depth === 0) break;
      }
      if (i >= rest.length) return name;
      parts[parts.length - 1] += '<…>';
      rest = rest.slice(i + 1);
    } else break;
    if (!nested) break;
  }
  if (nested) {
    if (!rest.startsWith('E')) return parts.length ? parts.join('::') : name;
    rest = rest.slice(1);
  }
  if (!parts.length) return name;
  const params = rest === '' ? '' : rest === 'v' ? '()' : '(…)';
  return `${parts.join('::')}${params}${konst ? ' const' : ''}`;
}
