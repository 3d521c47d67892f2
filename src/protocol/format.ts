/** The format worker's contract. */

/** A file to format (the editor's text, its path in the project, the editor's indent). */
export interface FormatRequest {
  path: string;
  text: string;
  tabSize: number;
  /**
   * The formatter of the file's language (its meta says which); absent: chosen by extension
   * (JSON). One of 'clang-format' | 'prettier-typescript' | 'wat-indent'.
   */
  formatter?: string;
  /** The file's language as Monaco names it (clang-format: 'c' or 'cpp'). */
  dialect?: string;
  /** The project's `.clang-format`, used as the style for C and C++ when present. */
  clangFormatStyle?: string;
}

export interface FormatResult {
  text: string;
  /** Which formatter did it, e.g. "clang-format 23.1.0 (LLVM style)". */
  tool: string;
  /** Said to the user as well (a fallback taken, a style that was ignored). */
  note?: string;
}

/** The format worker: loaded on the first Format; each formatter loads on its first use. */
export interface FormatterApi {
  /** Formats the text, or throws an Error whose message says why (a syntax error, no formatter). */
  format(req: FormatRequest): Promise<FormatResult>;
}
