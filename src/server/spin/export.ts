/**
 * "Export as a Spin app" for a Spin component: the component, the project's spin.toml (the
 * component trigger with its grants, variables and outbound hosts) and the app's data as the
 * files `spin up` reads — `.spin/sqlite_key_value.db` (the key-value stores, Spin's own table)
 * and `.spin/sqlite_db.db` (the `default` database) — so it starts with the data seen here.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { SpinDataFiles, SpinGrants } from '../../protocol/server';
import { mountFiles } from './files';

export interface SpinComponentApp {
  manifest: string;
  grants: SpinGrants;
  component: Uint8Array;
  data: SpinDataFiles;
  /** The project's files (path → bytes): those the manifest's `files` mounts go in the zip. */
  project?: Record<string, Uint8Array>;
}

function readme(a: SpinComponentApp): string {
  const g = a.grants;
  const list = (xs: string[]) => (xs.length ? xs.map((x) => `\`${x}\``).join(', ') : 'none');
  return `# ${g.app}

Exported from the Wasm playground: a Spin HTTP component (\`wasi:http/incoming-handler@0.2.0\`),
run by Spin's HTTP trigger exactly as the playground ran it — a fresh instance per request.

- \`spin.toml\`: the manifest (version 2; Spin 2.0 or later), route \`${g.route}\`
- \`${g.source}\`: the component (${a.component.byteLength.toLocaleString('en')} bytes)
- \`.spin/sqlite_key_value.db\`: the key-value stores (${list(g.keyValueStores)})
- \`.spin/sqlite_db.db\`: the \`default\` SQLite database (${list(g.sqliteDatabases)})
- outbound HTTP allowed to: ${list(g.allowedOutboundHosts)}
- files mounted read-only (\`files\`): ${list((g.files ?? []).map((f) => (typeof f === 'string' ? f : `${f.source} → ${f.destination}`)))}

Run it (Spin keeps its data in \`.spin/\` beside spin.toml, so it starts with the playground's):

\`\`\`sh
spin up
curl -i http://localhost:3000/
\`\`\`

A variable's value can be set with \`SPIN_VARIABLE_<NAME>=value spin up\`.
`;
}

/** The zip: spin.toml, the component, README.md and .spin/*.db */
export function spinComponentZip(a: SpinComponentApp): Uint8Array {
  const z: Zippable = {
    'spin.toml': strToU8(a.manifest),
    [a.grants.source]: [a.component, { level: 0 }],
    'README.md': strToU8(readme(a)),
  };
  if (a.project)
    for (const path of mountFiles(a.grants, a.project).sources) z[path] = a.project[path];
  if (a.data.kv?.length) z['.spin/sqlite_key_value.db'] = a.data.kv;
  if (a.data.sql?.length) z['.spin/sqlite_db.db'] = a.data.sql;
  return zipSync(z, { level: 6 });
}
