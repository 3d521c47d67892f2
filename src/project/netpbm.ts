/** A decoded image: width × height RGBA pixels. */
export interface Rgba {
  width: number;
  height: number;
  data: Uint8ClampedArray<ArrayBuffer>;
}

/** The most pixels we decode (a 8192 × 8192 image); larger headers are refused. */
const MAX_PIXELS = 8192 * 8192;

/**
 * Decodes netpbm images: P1/P4 (bitmap), P2/P5 (grey), P3/P6 (colour), ASCII or binary, with
 * `#` comments and maxval up to 65535 — the format C graphics programs write. Throws with a
 * message saying what is wrong.
 */
export function decodeNetpbm(bytes: Uint8Array): Rgba {
  let pos = 0;
  const isSpace = (c: number) =>
    c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12;
  const skip = () => {
    for (;;) {
      while (pos < bytes.length && isSpace(bytes[pos])) pos++;
      if (bytes[pos] !== 35) return; // '#'
      while (pos < bytes.length && bytes[pos] !== 10 && bytes[pos] !== 13) pos++;
    }
  };
  const int = (what: string): number => {
    skip();
    const start = pos;
    while (pos < bytes.length && bytes[pos] >= 48 && bytes[pos] <= 57) pos++;
    if (pos === start) throw new Error(`not a valid netpbm image: expected ${what}`);
    return Number(new TextDecoder().decode(bytes.subarray(start, pos)));
  };
  if (bytes[0] !== 80 /* P */ || bytes[1] < 49 || bytes[1] > 54)
    throw new Error('not a netpbm image (it should start with P1…P6)');
  const kind = bytes[1] - 48;
  pos = 2;
  const width = int('a width');
  const height = int('a height');
  if (width < 1 || height < 1 || width * height > MAX_PIXELS)
    throw new Error(`image size ${width} × ${height} is out of range`);
  const maxval = kind === 1 || kind === 4 ? 1 : int('a maximum value');
  if (maxval < 1 || maxval > 65535) throw new Error(`maximum value ${maxval} is out of range`);
  const channels = kind === 3 || kind === 6 ? 3 : 1;
  const n = width * height;
  const out = new Uint8ClampedArray(n * 4);
  const put = (i: number, c: number, v: number) => {
    const scaled = kind === 1 || kind === 4 ? (v ? 0 : 255) : Math.round((v * 255) / maxval);
    if (channels === 3) out[i * 4 + c] = scaled;
    else out[i * 4] = out[i * 4 + 1] = out[i * 4 + 2] = scaled;
  };
  if (kind <= 3) {
    for (let i = 0; i < n; i++)
      for (let c = 0; c < channels; c++) {
        if (kind === 1) {
          skip();
          if (bytes[pos] !== 48 && bytes[pos] !== 49)
            throw new Error('the image data is cut short');
          put(i, c, bytes[pos++] - 48);
        } else {
          skip();
          if (pos >= bytes.length) throw new Error('the image data is cut short');
          put(i, c, int('a sample'));
        }
      }
  } else {
    pos++; // the single whitespace after the header
    if (kind === 4) {
      const rowBytes = Math.ceil(width / 8);
      if (pos + rowBytes * height > bytes.length) throw new Error('the image data is cut short');
      for (let y = 0; y < height; y++)
        for (let x = 0; x < width; x++)
          put(y * width + x, 0, (bytes[pos + y * rowBytes + (x >> 3)] >> (7 - (x & 7))) & 1);
    } else {
      const wide = maxval > 255 ? 2 : 1;
      if (pos + n * channels * wide > bytes.length) throw new Error('the image data is cut short');
      for (let i = 0; i < n; i++)
        for (let c = 0; c < channels; c++) {
          const v = wide === 2 ? (bytes[pos] << 8) | bytes[pos + 1] : bytes[pos];
          pos += wide;
          put(i, c, v);
        }
    }
  }
  for (let i = 0; i < n; i++) out[i * 4 + 3] = 255;
  return { width, height, data: out };
}
