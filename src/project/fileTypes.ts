/** A file's extension, lower case, without the dot ('' for none and for dotfiles). */
export const extensionOf = (path: string) => {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const i = name.lastIndexOf('.');
  return i <= 0 ? '' : name.slice(i + 1).toLowerCase();
};

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
  return extensionOf(path) in IMAGES;
}

/** MIME type for a browser-decoded image, or null for the netpbm formats we decode. */
export function imageMime(path: string): string | null {
  return IMAGES[extensionOf(path)] ?? null;
}
