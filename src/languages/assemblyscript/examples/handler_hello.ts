// An HTTP handler, as Spin's WAGI executor runs one: every request starts a fresh instance;
// the request is in the environment (and the body on stdin); print CGI headers, an empty line,
// then the body. Try /?name=you in the request path.
const env = process.env;
const query = env.has('QUERY_STRING') ? env.get('QUERY_STRING') : '';
let name = 'world';
if (query.startsWith('name=')) {
  const value = query.slice(5).split('&')[0];
  if (value.length > 0) name = value;
}
process.stdout.write('Content-Type: text/plain; charset=utf-8\n\n');
process.stdout.write(`Hello, ${name}! From a fresh WebAssembly instance (AssemblyScript).\n`);
process.stdout.write(`${env.get('REQUEST_METHOD')} ${env.get('X_FULL_URL')}\n`);
