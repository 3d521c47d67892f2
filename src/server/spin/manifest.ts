/**
 * spin.toml (manifest version 2) for a Spin component handler: what the playground writes for a
 * project, and what it reads back — the route, the grants (key-value stores, SQLite databases,
 * outbound hosts) and the variables — with problems placed on their lines. Pure: the page and
 * the runner worker both use it.
 */
import { parse, stringify, TomlError } from 'smol-toml';
import type { FileMount, SpinGrants } from '../../protocol/server';
import { mountEntryProblem } from './files';

export const MANIFEST_FILE = 'spin.toml';

export type { SpinGrants };
export type VariableDecl = SpinGrants['variables'][string];

export interface ManifestProblem {
  line: number;
  column: number;
  message: string;
}

/** Spin's rule for variable names (crates/expressions: Key::validate). */
export function variableNameProblem(name: string): string | null {
  if (!name) return 'must not be empty';
  const bad = [...name].find((c) => !/[a-z0-9_]/.test(c));
  if (bad)
    return `invalid character "${bad}": variable names may contain only lower-case letters, numbers, and underscores`;
  if (!/^[a-z]/.test(name)) return 'must start with a lowercase ASCII letter';
  if (!/[a-z0-9]$/.test(name)) return 'must end with a lowercase ASCII letter or digit';
  if (name.includes('__')) return 'must not contain multiple consecutive underscores';
  return null;
}

/** An allowed_outbound_hosts entry: `scheme://host[:port]`, `*` allowed in each part. */
export function outboundHostProblem(entry: string): string | null {
  const m = /^([a-z*][a-z0-9+.-]*|\*):\/\/([^/:]+)(?::(\d+|\*|\d+\.\.\d+))?\/?$/i.exec(entry);
  if (!m)
    return `"${entry}" is not scheme://host[:port] (e.g. "https://example.com", "https://*.example.com:443")`;
  return null;
}

const kebab = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'app';

export interface ManifestSettings {
  name: string;
  route: string;
  keyValueStores?: string[];
  sqliteDatabases?: string[];
  allowedOutboundHosts?: string[];
  variables?: Record<string, VariableDecl>;
  files?: FileMount[];
  excludeFiles?: string[];
}

/** A manifest for the settings (the project's spin.toml when it has none). */
export function manifestText(s: ManifestSettings): string {
  const id = /^[a-z]/.test(kebab(s.name)) ? kebab(s.name) : `app-${kebab(s.name)}`;
  const vars = s.variables ?? {};
  const m: Record<string, unknown> = {
    spin_manifest_version: 2,
    application: { name: id, version: '0.1.0' },
    ...(Object.keys(vars).length ? { variables: vars } : {}),
    trigger: { http: [{ route: s.route, component: id }] },
    component: {
      [id]: {
        source: 'handler.wasm',
        key_value_stores: s.keyValueStores ?? [],
        sqlite_databases: s.sqliteDatabases ?? [],
        allowed_outbound_hosts: s.allowedOutboundHosts ?? [],
        ...(s.files?.length ? { files: s.files } : {}),
        ...(s.excludeFiles?.length ? { exclude_files: s.excludeFiles } : {}),
        ...(Object.keys(vars).length
          ? { variables: Object.fromEntries(Object.keys(vars).map((v) => [v, `{{ ${v} }}`])) }
          : {}),
      },
    },
  };
  return `# The Spin manifest: grants, variables and the route come from here.\n${stringify(m)}\n`;
}

const TOP = new Set(['spin_manifest_version', 'application', 'variables', 'trigger', 'component']);
const COMPONENT = new Set([
  'source',
  'description',
  'files',
  'exclude_files',
  'allowed_outbound_hosts',
  'allowed_http_hosts',
  'key_value_stores',
  'sqlite_databases',
  'ai_models',
  'environment',
  'build',
  'variables',
  'dependencies',
  'dependencies_inherit_configuration',
  'tool',
]);

/**
 * The line (1-based) where `key = …` first appears, else where a `[…key…]` header does, else 1
 * (assignments first: a component may be named like a key, `[component.files]`).
 */
export function lineOf(text: string, key: string): number {
  const lines = text.split('\n');
  const esc = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const re of [
    new RegExp(`^\\s*"?${esc}"?\\s*=`),
    new RegExp(`^\\s*\\[+[^\\]]*\\b${esc}\\b`),
  ]) {
    const i = lines.findIndex((l) => re.test(l));
    if (i >= 0) return i + 1;
  }
  return 1;
}

const isStrings = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string');
type Table = Record<string, unknown>;
const isTable = (v: unknown): v is Table =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a manifest: its grants, or the problems that stop it (each on its line). */
export function parseManifest(text: string): { grants?: SpinGrants; problems: ManifestProblem[] } {
  const problems: ManifestProblem[] = [];
  const at = (key: string, message: string) =>
    problems.push({ line: lineOf(text, key), column: 1, message });
  let doc: Table;
  try {
    doc = parse(text) as Table;
  } catch (e) {
    const t = e as TomlError;
    return {
      problems: [
        {
          line: t.line ?? 1,
          column: t.column ?? 1,
          message: `spin.toml: ${(t.message ?? String(e)).split('\n')[0]}`,
        },
      ],
    };
  }
  for (const k of Object.keys(doc))
    if (!TOP.has(k))
      at(
        k,
        `unknown key "${k}" (spin_manifest_version, application, variables, trigger, component)`,
      );
  if (doc.spin_manifest_version !== 2)
    at('spin_manifest_version', 'spin_manifest_version must be 2 (Spin 2 and 3)');
  const app = isTable(doc.application) ? doc.application : {};
  if (typeof app.name !== 'string') at('application', '[application] needs a name');
  const variables: Record<string, VariableDecl> = {};
  if (doc.variables !== undefined && !isTable(doc.variables))
    at('variables', '[variables] must be a table');
  for (const [name, decl] of Object.entries(isTable(doc.variables) ? doc.variables : {})) {
    const bad = variableNameProblem(name);
    if (bad) at(name, `variable "${name}": ${bad}`);
    if (!isTable(decl)) {
      at(name, `variable "${name}" must be a table: { default = "…" } or { required = true }`);
      continue;
    }
    for (const k of Object.keys(decl))
      if (!['default', 'required', 'secret', 'description'].includes(k))
        at(name, `variable "${name}": unknown key "${k}" (default, required, secret, description)`);
    if (decl.default !== undefined && typeof decl.default !== 'string')
      at(name, `variable "${name}": default must be a string`);
    if (decl.default !== undefined && decl.required === true)
      at(name, `variable "${name}": a required variable has no default`);
    variables[name] = {
      default: typeof decl.default === 'string' ? decl.default : undefined,
      required: decl.required === true,
      secret: decl.secret === true,
    };
  }
  const http = isTable(doc.trigger) ? doc.trigger.http : undefined;
  const trigger = Array.isArray(http) && isTable(http[0]) ? http[0] : null;
  if (!trigger)
    at('trigger', 'an HTTP trigger is needed: [[trigger.http]] with route and component');
  const route = typeof trigger?.route === 'string' ? trigger.route : '/...';
  if (trigger && typeof trigger.route !== 'string')
    at('route', '[[trigger.http]] needs a route, e.g. "/..."');
  else if (!route.startsWith('/')) at('route', `route "${route}" must start with /`);
  const components = isTable(doc.component) ? doc.component : {};
  const id =
    typeof trigger?.component === 'string' ? trigger.component : Object.keys(components)[0];
  const comp = id !== undefined && isTable(components[id]) ? components[id] : null;
  if (!comp)
    at(
      'component',
      id
        ? `no [component.${id}] for the trigger's component "${id}"`
        : 'a [component.<id>] is needed',
    );
  const c = comp ?? {};
  for (const k of Object.keys(c)) if (!COMPONENT.has(k)) at(k, `unknown component key "${k}"`);
  const list = (k: string): string[] => {
    if (c[k] === undefined) return [];
    if (isStrings(c[k])) return c[k];
    at(k, `${k} must be a list of strings`);
    return [];
  };
  const hosts = [...list('allowed_outbound_hosts'), ...list('allowed_http_hosts')];
  const keyValueStores = list('key_value_stores');
  const sqliteDatabases = list('sqlite_databases');
  for (const h of hosts) {
    const bad = outboundHostProblem(h);
    if (bad) at('allowed_outbound_hosts', `allowed_outbound_hosts: ${bad}`);
  }
  const files = mountsOf(c.files, (m) => at('files', m));
  const excludeFiles = list('exclude_files');
  const componentVariables: Record<string, string> = {};
  if (c.variables !== undefined && !isTable(c.variables))
    at('variables', 'component variables must be a table');
  for (const [name, tmpl] of Object.entries(isTable(c.variables) ? c.variables : {})) {
    const bad = variableNameProblem(name);
    if (bad) at(name, `component variable "${name}": ${bad}`);
    if (typeof tmpl !== 'string') at(name, `component variable "${name}" must be a string`);
    else {
      for (const m of tmpl.matchAll(/\{\{\s*([^}\s]*)\s*\}\}/g))
        if (!(m[1] in variables))
          at(
            name,
            `component variable "${name}" uses "${m[1]}", which [variables] does not declare`,
          );
      componentVariables[name] = tmpl;
    }
  }
  problems.sort((a, b) => a.line - b.line);
  if (problems.length) return { problems };
  return {
    problems,
    grants: {
      app: String(app.name),
      component: id!,
      route,
      source: typeof c.source === 'string' ? c.source : 'handler.wasm',
      keyValueStores,
      sqliteDatabases,
      allowedOutboundHosts: hosts,
      variables,
      componentVariables,
      ...(files.length ? { files } : {}),
      ...(excludeFiles.length ? { excludeFiles } : {}),
    },
  };
}

/** A component's `files`: strings (globs, paths) and { source, destination } tables. */
function mountsOf(v: unknown, problem: (m: string) => void): FileMount[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    problem('files must be a list: ["static/**/*", { source = "assets", destination = "/" }]');
    return [];
  }
  const out: FileMount[] = [];
  for (const m of v) {
    const keys = isTable(m) ? Object.keys(m).sort().join(',') : '';
    if (typeof m === 'string') out.push(m);
    else if (
      isTable(m) &&
      keys === 'destination,source' &&
      typeof m.source === 'string' &&
      typeof m.destination === 'string'
    )
      out.push({ source: m.source, destination: m.destination });
    else {
      problem('files: each entry is a string or { source = "…", destination = "/…" }');
      continue;
    }
    const bad = mountEntryProblem(out[out.length - 1]);
    if (bad) problem(bad);
  }
  return out;
}
