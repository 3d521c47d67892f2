// The Python that runs the user's entry file as `python main.py args…` would: argv and the
// environment set, input() reading stdin, SystemExit's code as the status.

/** A Python string literal (JSON's are Python's). */
export const py = (s: string) => JSON.stringify(s);

/** The Run settings' environment (KEY=value lines) as a Python dict literal. */
export function environOf(env: string[]): string {
  const pairs = env.map((e) => [e.slice(0, e.indexOf('=') >>> 0), e.slice(e.indexOf('=') + 1)]);
  return JSON.stringify(Object.fromEntries(pairs));
}

/** `sys.argv` as `python entry args…` sets it. */
export const argvOf = (entry: string, args: string[]) =>
  `sys.argv[:] = [${[entry, ...args].map(py).join(', ')}]`;

/** The clause after a `try:` that runs the program: SystemExit's code becomes `__pg_status`. */
export const EXIT_CLAUSE = `except SystemExit as e:
    c = e.args[0] if e.args else None
    if c is None:
        __pg_status = 0
    elif isinstance(c, int):
        __pg_status = c
    else:
        print(c, file=sys.stderr)
        __pg_status = 1
`;

/** Runs `entry` in __main__; leaves the exit status in `__pg_status`. */
export function prelude(entry: string, args: string[], env: string[]): string {
  return `import sys, os, builtins
${argvOf(entry, args)}
os.environ = ${environOf(env)}
os.getenv = lambda k, d=None: os.environ.get(k, d)
def input(prompt=''):
    if prompt:
        sys.stdout.write(str(prompt))
    line = sys.stdin.readline()
    if not line:
        raise EOFError('EOF when reading a line')
    return line[:-1] if line.endswith('\\n') else line
builtins.input = input
del input
__pg_status = 0
try:
    execfile(${py(entry)})
${EXIT_CLAUSE}`;
}

/** The traceback of an uncaught exception, without the frame of the prelude that ran the file. */
export function tracebackText(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  const lines = text.split('\n').filter((l) => !/^\s*File "<stdin>"/.test(l));
  const out = lines.join('\n');
  return out.endsWith('\n') ? out : `${out}\n`;
}
