// Worker only: Ruby 3.4 (ruby.wasm, a WASI preview 1 reactor with its stdlib inside) on our own
// WASI host: the project's files, stdin from the terminal and stdout/stderr are the host's.
import { RubyVM } from '@ruby/wasm-wasi';
import rubyUrl from '@ruby/3.4-wasm-wasi/dist/ruby+stdlib.wasm?url';
import type { InterpreterEntry, InterpreterOutcome } from '../types';
import { loadModule } from '../../interpret/fetchModule';
import { moduleEntries } from '../../wasm/runWasi';
import { WasiExit } from '../../wasi/host';
import { rubyProblems } from './problems';

/** Bytes of ruby+stdlib.wasm (@ruby/3.4-wasm-wasi 2.10.1): the download's progress total. */
export const RUBY_WASM_BYTES = 30_635_497;
const NAME = 'Ruby 3.4 (ruby.wasm 2.10)';

/** A Ruby string literal of `s` (JSON's escapes are Ruby's; `#` would interpolate). */
const rubyString = (s: string) => JSON.stringify(s).replace(/#/g, '\\#');

/**
 * Runs the entry as `ruby main.rb args…` would: $0 and ARGV set, an uncaught exception printed
 * as Ruby prints it (without our wrapper's frames), `exit n` the status, output flushed.
 */
function wrapper(entry: string, args: string[]): string {
  return `
$0 = ${rubyString(entry)}
ARGV.replace([${args.map(rubyString).join(', ')}])
__status = 0
begin
  load ${rubyString(`/${entry}`)}
rescue SystemExit => e
  __status = e.status
rescue Exception => e
  bt = (e.backtrace || []).reject { |l| l.start_with?("eval:") || l.include?("'Kernel#load'") || l.include?("'Kernel.eval'") }
  if bt.empty?
    first, rest = e.message.split("\n", 2)
    $stderr.write("#{first} (#{e.class})\n#{rest}#{rest&.end_with?("\n") ? "" : "\n"}")
  else
    e.set_backtrace(bt) rescue nil
    $stderr.write(e.full_message(highlight: false))
  end
  __status = 1
end
$stdout.flush
$stderr.flush
__status`;
}

export const interpreter: InterpreterEntry = {
  warm: (_variant, onProgress) => loadModule(rubyUrl, RUBY_WASM_BYTES, onProgress),
  problems: rubyProblems,
  prepare: (_variant, locate) => loadModule(locate(rubyUrl), RUBY_WASM_BYTES),
  async run(r): Promise<InterpreterOutcome> {
    const loaded = await loadModule(r.locate(rubyUrl), RUBY_WASM_BYTES, r.onProgress);
    const info = { name: NAME, url: rubyUrl, wasmBytes: loaded.bytes, cached: loaded.cached };
    const out: InterpreterOutcome = {
      exitCode: null,
      info,
      loadMs: loaded.ms,
      instantiateMs: 0,
      runMs: 0,
      ...moduleEntries(loaded.module),
    };
    const host = r.wasi;
    const t0 = performance.now();
    let vm: RubyVM;
    try {
      ({ vm } = await RubyVM.instantiateModule({
        module: loaded.module,
        wasip1: {
          wasiImport: host.imports as WebAssembly.ModuleImports,
          initialize(instance) {
            host.memory = instance.exports.memory as WebAssembly.Memory;
            (instance.exports._initialize as () => void)();
          },
        },
        // RubyGems is not loaded (≈0.6 s of a start); the stdlib is all there.
        args: ['ruby', '--disable-gems', '-EUTF-8', '-e_=0'],
      }));
    } catch (e) {
      return { ...out, error: `Ruby did not start: ${e instanceof Error ? e.message : e}` };
    }
    const t1 = performance.now();
    out.instantiateMs = t1 - t0;
    try {
      out.exitCode = Number(vm.eval(wrapper(r.entry, r.args)).toString()) || 0;
    } catch (e) {
      // exit! ends the process from inside (proc_exit); anything else is Ruby failing itself.
      if (e instanceof WasiExit) out.exitCode = e.code;
      else {
        r.stderr(new TextEncoder().encode(`${e instanceof Error ? e.message : e}\n`));
        out.exitCode = 1;
      }
    }
    out.runMs = performance.now() - t1;
    return out;
  },
};
