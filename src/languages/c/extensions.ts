// The file kinds clang builds; shared by the C and C++ metas (main thread) and the compile step
// (worker), so neither pulls in the other's code.

import { extensionOf } from '../../project/fileTypes';

/** C translation units. */
export const C_SOURCES = ['c'];
/** C++ translation units. */
export const CPP_SOURCES = ['cpp', 'cc', 'cxx', 'c++'];

/** A C or C++ translation unit: each is compiled and linked. */
export const isCompiledByClang = (path: string): boolean =>
  C_SOURCES.includes(extensionOf(path)) || CPP_SOURCES.includes(extensionOf(path));

export const isCppSource = (path: string): boolean => CPP_SOURCES.includes(extensionOf(path));
