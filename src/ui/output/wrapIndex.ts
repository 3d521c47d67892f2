/**
 * Where each line starts among the visual rows of wrapped output: a line of `len` characters
 * takes max(1, ceil(len / cols)) rows. Appends index only the new lines (and the last one again:
 * an open line may have grown), so streaming output stays O(new lines); a new width or a new
 * list re-indexes all, O(lines).
 */
export class WrapIndex {
  private starts = new Uint32Array(1024);
  private n = 0;
  private key: unknown = null;
  private cols = 0;

  update(count: number, lengthOf: (i: number) => number, cols: number, key: unknown) {
    if (key !== this.key || cols !== this.cols || count < this.n) {
      this.key = key;
      this.cols = cols;
      this.n = 0;
    }
    if (this.n > 0) this.n--;
    if (this.starts.length < count + 1) {
      const next = new Uint32Array(Math.max(count + 1, this.starts.length * 2));
      next.set(this.starts.subarray(0, this.n + 1));
      this.starts = next;
    }
    for (let i = this.n; i < count; i++)
      this.starts[i + 1] = this.starts[i] + Math.max(1, Math.ceil(lengthOf(i) / cols));
    this.n = count;
  }

  /** Visual rows in all. */
  get total(): number {
    return this.starts[this.n];
  }

  /** The first visual row of line `i`. */
  rowOf(i: number): number {
    return this.starts[i];
  }

  /** The line a visual row belongs to. */
  lineAt(row: number): number {
    let lo = 0;
    let hi = this.n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= row) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
