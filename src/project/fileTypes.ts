import type { LanguageId } from '../workers/protocol';

const ext = (path: string) => {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const i = name.lastIndexOf('.');
  return i <= 0 ? '' : name.slice(i + 1).toLowerCase();
};

/** C and C++ translation units: each is compiled and linked. */
export const C_SOURCES = ['c'];
export const CPP_SOURCES = ['cc', 'cpp', 'cxx', 'c++'];

export function isCompiledByClang(path: string): boolean {
  const e = ext(path);
  return C_SOURCES.includes(e) || CPP_SOURCES.includes(e);
}

export function isCppSource(path: string): boolean {
  return CPP_SOURCES.includes(ext(path));
}

/** The Monaco language of a file, by its extension (headers follow the project's language). */
export function monacoLanguageOf(path: string, project: LanguageId): string {
  switch (ext(path)) {
    case 'c':
      return 'c';
    case 'h':
      return project === 'cpp' ? 'cpp' : 'c';
    case 'cc':
    case 'cpp':
    case 'cxx':
    case 'c++':
    case 'hpp':
    case 'hh':
    case 'hxx':
      return 'cpp';
    case 'ts':
      return 'typescript';
    case 'wat':
    case 'wast':
      return 'wat';
    case 'md':
    case 'markdown':
      return 'markdown';
    default:
      return 'plaintext';
  }
}

/** Image formats the preview shows, with the MIME type a Blob needs (null: decoded by us). */
const IMAGES: Record<string, string | null> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  bmp: 'image/bmp',
  webp: 'image/webp',
  ppm: null,
  pgm: null,
  pbm: null,
  pnm: null,
};

export function isImage(path: string): boolean {
  return ext(path) in IMAGES;
}

/** MIME type for a browser-decoded image, or null for the netpbm formats we decode. */
export function imageMime(path: string): string | null {
  return IMAGES[ext(path)] ?? null;
}
