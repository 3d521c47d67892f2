// Asks questions and answers them: each read waits for a line typed in the terminal.
// Ctrl+D (end of input) stops the questions.
const buf = new ArrayBuffer(1024);

/** Writes the prompt, then reads one line (null at end of input). */
function ask(prompt: string): string | null {
  process.stdout.write(prompt);
  let line = '';
  while (true) {
    const n = process.stdin.read(buf);
    if (n <= 0) return line.length > 0 ? line : null;
    line += String.UTF8.decode(buf.slice(0, n));
    const nl = line.indexOf('\n');
    if (nl >= 0) return line.slice(0, nl).trim();
  }
}

const answer = ask("What's your name? ");
if (answer == null) {
  console.log('\nNo name? Goodbye.');
} else {
  const name = answer!;
  console.log(`Hello, ${name}! Your name has ${name.length} characters.`);
  const born = ask('What year were you born? ');
  if (born != null) {
    const year = born!;
    const y = I32.parseInt(year);
    if (y > 1900 && y < 2030) console.log(`In 2030 you will be ${2030 - y}.`);
    else console.log(`"${year}" does not look like a year; never mind.`);
  }
  console.log('Bye!');
}
