import type { Example } from '../../../types';
import hello from './hello.c?raw';
import counter from './counter.c?raw';
import todo from './todo.c?raw';
import greeting from './greeting.c?raw';
import proxy from './proxy.c?raw';
import denied from './denied.c?raw';
import files from './files.c?raw';

/** spin.toml for an example: one HTTP trigger on `/...`, one component with these grants. */
export function manifest(name: string, component: string): string {
  return `# The Spin manifest: grants, variables and the route come from here.
spin_manifest_version = 2

[application]
name = "${name}"
version = "0.1.0"

[[trigger.http]]
route = "/..."
component = "${name}"

[component.${name}]
source = "handler.wasm"
${component}`;
}

/** An example Spin HTTP component (C or C++ with spin.h): its source, spin.toml, first request. */
export const spin = (
  id: string,
  label: string,
  source: string,
  toml: string,
  http: NonNullable<Example['http']>,
  more: Record<string, string> = {},
): Example => ({
  id: `spin-${id}`,
  label: `Spin component: ${label}`,
  source,
  files: { 'spin.toml': toml, ...more },
  http: { ...http, executor: 'spin-component' },
});

/** C examples of Spin HTTP components (spin.h), each with its spin.toml. */
export const spinExamples: Example[] = [
  spin('hello', 'hello', hello, manifest('hello', ''), { path: '/hello?name=wasm' }),
  spin(
    'counter',
    'visit counter (key-value)',
    counter,
    manifest('counter', 'key_value_stores = ["default"]\n'),
    { path: '/' },
  ),
  spin(
    'todo',
    'to-do JSON API (SQLite)',
    todo,
    manifest('todo', 'sqlite_databases = ["default"]\n'),
    { method: 'POST', path: '/todos', headers: 'Content-Type: application/json', body: '{"title": "try Spin in the browser"}' },
  ),
  spin(
    'greeting',
    'greeting from a variable',
    greeting,
    manifest('greeting', '\n[component.greeting.variables]\ngreeting = "{{ greeting }}"\napi_key = "{{ api_key }}"\n').replace(
      '[[trigger.http]]',
      '[variables]\ngreeting = { default = "Hello" }\napi_key = { default = "s3cr3t-demo-key", secret = true }\n\n[[trigger.http]]',
    ),
    { path: '/?Ada' },
  ),
  spin(
    'proxy',
    'outbound HTTP (allowed hosts)',
    proxy,
    manifest('proxy', 'allowed_outbound_hosts = ["%PAGE_ORIGIN%"]\n'),
    { path: '/?url=%PAGE_ORIGIN%/manifest.webmanifest' },
  ),
  spin('denied', 'a store it was not granted', denied, manifest('denied', ''), { path: '/' }),
  spin(
    'files',
    'static files (files, read-only)',
    files,
    manifest('files', 'files = ["static/**/*"]\nexclude_files = ["static/drafts/*"]\n'),
    { path: '/' },
    {
      'static/index.html': `<!doctype html>
<html>
  <head><title>Served from files</title><link rel="stylesheet" href="style.css" /></head>
  <body>
    <h1>Hello from static/index.html</h1>
    <p>spin.toml mounts <code>static/**/*</code> read-only; this page was read with fopen().</p>
  </body>
</html>
`,
      'static/style.css': 'body { font-family: system-ui, sans-serif; margin: 2rem; }\nh1 { color: #2f6fde; }\n',
      'static/drafts/next.html': '<p>A draft: exclude_files keeps it out of the component.</p>\n',
    },
  ),
];
