import type { LanguageId } from '../workers/protocol';

/** One entry of the examples menu. */
export interface Example {
  id: string;
  label: string;
  source: string;
  /** More files of the example's project (headers, modules, data), path → text. */
  files?: Record<string, string>;
  /** Run settings the example needs; applied when it is loaded. */
  stdin?: string;
  args?: string;
  /** An interactive program: it opens with empty stdin in the terminal view. */
  terminal?: boolean;
  /** An HTTP handler: the project runs in handler mode, and this is the first request's path. */
  http?: { path: string; method?: string; headers?: string; body?: string };
}

/** What the main thread knows about a language: no toolchain code here. */
export interface LanguageMeta {
  id: LanguageId;
  label: string;
  /** Monaco language id used for highlighting. */
  monacoId: string;
  /** File name used for downloads and compiler messages. */
  fileName: string;
  examples: Example[];
  /** Optimization levels offered in the toolbar; empty when the compiler has none. */
  optLevels: string[];
  defaultOptLevel?: string;
  /**
   * A toolchain big enough to ask before downloading it: its name (shared between languages
   * that use it) and its approximate download size.
   */
  download?: { toolchain: string; approxMB: number; what: string };
}
