// @yowasp/clang exports runClang from its bundle but its typings only declare runLLVM.
import type { Command } from '@yowasp/clang';

declare module '@yowasp/clang' {
  export const runClang: Command;
  export const version: string;
}
