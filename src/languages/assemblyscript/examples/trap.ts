// Divides by zero at run time: an integer division by zero is a trap in WebAssembly.
function divide(a: i32, b: i32): i32 {
  return a / b;
}

// The divisor comes from the argument count, so the compiler cannot fold it away.
const divisor = process.argv.length - 1;
console.log(`dividing 100 by ${divisor}...`);
console.log(divide(100, divisor).toString());
