// What the UI, the embed bridge and the share link may ask of Run: this folder's public face.
export { runProgram, type RunOptions } from './runProgram';
export { currentModule, ensureHandler } from './build';
export { initWorkers } from './clients';
export { sendEof, sendInput, terminalSize } from './input';
export { clearRunOnProjectSwitch, disassembleLast, stopProgram } from './session';
export {
  cancelDownload,
  downloadOf,
  downloadToolchain,
  pendingDownload,
  warmLanguage,
  warmOnLanguageChange,
} from './toolchains';
