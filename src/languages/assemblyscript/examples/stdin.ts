// Reads all of stdin (set it in Run settings) and reports each line with its length.
const chunk = new ArrayBuffer(4096);
let input = '';
while (true) {
  const n = process.stdin.read(chunk);
  if (n <= 0) break;
  input += String.UTF8.decode(chunk.slice(0, n));
}

const lines = input.split('\n');
let count = 0;
for (let i = 0; i < lines.length; i++) {
  if (lines[i].length == 0 && i == lines.length - 1) break;
  count++;
  console.log(`${count}: ${lines[i]} (${lines[i].length} chars)`);
}
console.log(`${count} line(s) read`);
