// The file kinds clang builds; shared by the C and C++ metas (main thread) and the compile step
// (worker), so neither pulls in the other's code.

/** C translation units. */
export const C_SOURCES = ['c'];
/** C++ translation units. */
export const CPP_SOURCES = ['cpp', 'cc', 'cxx', 'c++'];

const ext = (path: string) => /\.([^./]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';

/** A C or C++ translation unit: each is compiled and linked. */
export const isCompiledByClang = (path: string): boolean =>
  C_SOURCES.includes(ext(path)) || CPP_SOURCES.includes(ext(path));

export const isCppSource = (path: string): boolean => CPP_SOURCES.includes(ext(path));
