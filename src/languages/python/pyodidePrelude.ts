// CPython's side of a run on Pyodide: `python main.py args…` as a shell runs it, in a fresh
// __main__ (runpy), with the project's modules imported anew and the traceback without our frames.

import { argvOf, environOf, EXIT_CLAUSE, py } from './prelude';

/** Leaves the exit status in `__pg_status` of the globals it runs in. */
export function pyodidePrelude(entry: string, args: string[], env: string[]): string {
  return `import sys, os, runpy, traceback
${argvOf(entry, args)}
os.environ.clear()
os.environ.update(${environOf(env)})
os.chdir('/home/pyodide')
if sys.path[0] != '/home/pyodide':
    sys.path.insert(0, '/home/pyodide')
for name, mod in list(sys.modules.items()):
    if (getattr(mod, '__file__', None) or '').startswith('/home/pyodide/'):
        del sys.modules[name]
__pg_status = 0
try:
    runpy.run_path(${py(entry)}, run_name='__main__')
${EXIT_CLAUSE}except BaseException as e:
    tb = e.__traceback__
    while tb is not None and (tb.tb_frame.f_code.co_filename.startswith('<')):
        tb = tb.tb_next
    sys.stderr.write(''.join(traceback.format_exception(type(e), e, tb)))
    if isinstance(e, ModuleNotFoundError) and e.name:
        sys.stderr.write(f"\\n{e.name!r} is not in this playground's Python: the standard library is all there is here (Pyodide's packages would be downloaded from the network, which this page does not use).\\n")
    __pg_status = 1
finally:
    sys.stdout.flush()
    sys.stderr.flush()
`;
}
