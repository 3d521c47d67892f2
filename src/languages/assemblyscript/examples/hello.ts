// Hello world: console.log goes to WASI stdout, console.error to stderr.
console.log('Hello from AssemblyScript!');

const args = process.argv.slice(1);
console.log(`arguments: ${args.length > 0 ? args.join(' ') : '(none, set them in Run settings)'}`);
