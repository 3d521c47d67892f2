import { describe, expect, it } from 'vitest';
import { decodeNetpbm } from './netpbm';

const enc = (s: string) => new TextEncoder().encode(s);
const px = (img: { data: Uint8ClampedArray }, i: number) => [...img.data.slice(i * 4, i * 4 + 4)];

describe('decodeNetpbm', () => {
  it('decodes ASCII P3 with comments and a maxval', () => {
    const img = decodeNetpbm(enc('P3\n# a comment\n2 1\n# another\n15\n15 0 0  0 15 0\n'));
    expect([img.width, img.height]).toEqual([2, 1]);
    expect(px(img, 0)).toEqual([255, 0, 0, 255]);
    expect(px(img, 1)).toEqual([0, 255, 0, 255]);
  });

  it('decodes binary P6 and P5, 8 and 16 bits', () => {
    const p6 = new Uint8Array([...enc('P6 1 2 255\n'), 1, 2, 3, 250, 251, 252]);
    expect(px(decodeNetpbm(p6), 1)).toEqual([250, 251, 252, 255]);
    const p5 = new Uint8Array([...enc('P5\n2 1\n65535\n'), 0xff, 0xff, 0x80, 0x00]);
    const g = decodeNetpbm(p5);
    expect(px(g, 0)).toEqual([255, 255, 255, 255]);
    expect(px(g, 1)).toEqual([128, 128, 128, 255]);
  });

  it('decodes P2 and the bitmaps P1 and P4 (1 is black)', () => {
    expect(px(decodeNetpbm(enc('P2 1 1 4 2')), 0)).toEqual([128, 128, 128, 255]);
    expect(px(decodeNetpbm(enc('P1 2 1 10')), 0)).toEqual([0, 0, 0, 255]);
    const p4 = new Uint8Array([...enc('P4 3 1\n'), 0b01000000]);
    expect([0, 1, 2].map((i) => px(decodeNetpbm(p4), i)[0])).toEqual([255, 0, 255]);
  });

  it('refuses bad headers and cut data with a message', () => {
    expect(() => decodeNetpbm(enc('GIF89a'))).toThrow(/not a netpbm/);
    expect(() => decodeNetpbm(enc('P6 100000 100000 255\n'))).toThrow(/out of range/);
    expect(() => decodeNetpbm(enc('P6 2 2 255\n\x01\x02'))).toThrow(/cut short/);
    expect(() => decodeNetpbm(enc('P3 1 1 255 1 2'))).toThrow(/cut short|expected/);
  });
});
