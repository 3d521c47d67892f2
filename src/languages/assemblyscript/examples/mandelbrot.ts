// A compute loop: the Mandelbrot set in ASCII, 72×28 cells, 200 iterations each.
const W = 72;
const H = 28;
const MAX_ITER = 200;
const PALETTE = ' .:-=+*#%@';

function escapeTime(cx: f64, cy: f64): i32 {
  let x = 0.0;
  let y = 0.0;
  let i = 0;
  while (i < MAX_ITER && x * x + y * y <= 4.0) {
    const t = x * x - y * y + cx;
    y = 2.0 * x * y + cy;
    x = t;
    i++;
  }
  return i;
}

for (let row = 0; row < H; row++) {
  let line = '';
  for (let col = 0; col < W; col++) {
    const cx = -2.2 + (col / <f64>W) * 3.2;
    const cy = -1.2 + (row / <f64>H) * 2.4;
    const n = escapeTime(cx, cy);
    const k = n >= MAX_ITER ? PALETTE.length - 1 : (n * (PALETTE.length - 1)) / MAX_ITER;
    line += PALETTE.charAt(k);
  }
  console.log(line);
}
