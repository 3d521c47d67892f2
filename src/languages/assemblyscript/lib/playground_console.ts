// The playground's `console` for AssemblyScript: like @assemblyscript/wasi-shim's, except that
// console.error and console.warn write to stderr (the shim sends them to stdout), as in Node.
import { wasi_process } from "./wasi_process";
import { wasi_console } from "./wasi_console";

export namespace playground_console {
  export function assert<T>(condition: T, message: string = ""): void {
    wasi_console.assert<T>(condition, message);
  }
  export function log(message: string = ""): void {
    wasi_console.log(message);
  }
  export function debug(message: string = ""): void {
    wasi_console.debug(message);
  }
  export function info(message: string = ""): void {
    wasi_console.info(message);
  }
  export function warn(message: string = ""): void {
    let stderr = wasi_process.stderr;
    stderr.write(message);
    stderr.write("\n");
  }
  export function error(message: string = ""): void {
    let stderr = wasi_process.stderr;
    stderr.write(message);
    stderr.write("\n");
  }
  export function time(label: string = "default"): void {
    wasi_console.time(label);
  }
  export function timeLog(label: string = "default"): void {
    wasi_console.timeLog(label);
  }
  export function timeEnd(label: string = "default"): void {
    wasi_console.timeEnd(label);
  }
}
