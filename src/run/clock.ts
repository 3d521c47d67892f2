/** A time limit that does not run while the program waits for the user. */
export class RunClock {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private left: number;
  private since = 0;

  constructor(
    ms: number,
    private readonly onTimeout: () => void,
  ) {
    this.left = ms;
    this.resume();
  }

  pause() {
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.left -= performance.now() - this.since;
  }

  resume() {
    if (this.timer !== undefined) return;
    this.since = performance.now();
    this.timer = setTimeout(this.onTimeout, Math.max(0, this.left));
  }

  stop() {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
