// Streaming: prints a line, spins for 200 ms, ten times. Lines appear one by one, as they are printed.
for (let i = 1; i <= 10; i++) {
  console.log(`tick ${i}`);
  const until = performance.now() + 200;
  while (performance.now() < until) {
    // busy-wait: AssemblyScript's WASI shim has no sleep (C's usleep does: see the progress bar)
  }
}
console.log('done');
