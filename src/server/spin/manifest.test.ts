// spin.toml as the playground writes and reads it: grants, variables, problems on their lines;
// allowed_outbound_hosts matching; variables resolved as Spin resolves them.
import { describe, expect, it } from 'vitest';
import { manifestText, parseManifest, variableNameProblem } from './manifest';
import { hostAllowed } from './outbound';
import { resolveVariable } from './services';

describe('spin.toml', () => {
  it('round-trips the settings into grants', () => {
    const text = manifestText({
      name: 'My App!',
      route: '/api/...',
      keyValueStores: ['default'],
      sqliteDatabases: ['default'],
      allowedOutboundHosts: ['https://api.example.com', 'http://localhost:3001'],
      variables: { greeting: { default: 'Hi' }, token: { required: true, secret: true } },
    });
    const { grants, problems } = parseManifest(text);
    expect(problems).toEqual([]);
    expect(grants).toMatchObject({
      app: 'my-app',
      component: 'my-app',
      route: '/api/...',
      keyValueStores: ['default'],
      sqliteDatabases: ['default'],
      allowedOutboundHosts: ['https://api.example.com', 'http://localhost:3001'],
      componentVariables: { greeting: '{{ greeting }}', token: '{{ token }}' },
    });
    expect(grants!.variables.token).toMatchObject({ required: true, secret: true });
  });

  it('puts each problem on its line', () => {
    const text = [
      'spin_manifest_version = 2',
      'colour = "blue"',
      '[application]',
      'name = "a"',
      '[variables]',
      'Bad-Name = { default = "x" }',
      '[[trigger.http]]',
      'route = "nope"',
      'component = "a"',
      '[component.a]',
      'source = "a.wasm"',
      'allowed_outbound_hosts = ["example.com"]',
      'key_value_stores = "default"',
    ].join('\n');
    const { grants, problems } = parseManifest(text);
    expect(grants).toBeUndefined();
    expect(problems.map((p) => [p.line, p.message.split(':')[0]])).toEqual([
      [
        2,
        'unknown key "colour" (spin_manifest_version, application, variables, trigger, component)',
      ],
      [6, 'variable "Bad-Name"'],
      [8, 'route "nope" must start with /'],
      [12, 'allowed_outbound_hosts'],
      [13, 'key_value_stores must be a list of strings'],
    ]);
    expect(parseManifest('name = ').problems[0]).toMatchObject({ line: 1 });
  });

  it("applies Spin's rules to variable names", () => {
    expect(variableNameProblem('api_key2')).toBeNull();
    expect(variableNameProblem('2fast')).toMatch(/start with a lowercase/);
    expect(variableNameProblem('a__b')).toMatch(/consecutive underscores/);
    expect(variableNameProblem('trailing_')).toMatch(/must end/);
    expect(variableNameProblem('Upper')).toMatch(/invalid character "U"/);
  });

  it('resolves variables: override, default, required, undefined, invalid', () => {
    const g = parseManifest(
      manifestText({
        name: 'v',
        route: '/...',
        variables: { greeting: { default: 'Hello' }, token: { required: true } },
      }),
    ).grants!;
    expect(resolveVariable(g, {}, 'greeting')).toBe('Hello');
    expect(resolveVariable(g, { SPIN_VARIABLE_GREETING: 'Bonjour' }, 'greeting')).toBe('Bonjour');
    expect(() => resolveVariable(g, {}, 'token')).toThrow();
    expect(resolveVariable(g, { SPIN_VARIABLE_TOKEN: 't0k' }, 'token')).toBe('t0k');
    let e: unknown;
    try {
      resolveVariable(g, {}, 'missing');
    } catch (x) {
      e = x;
    }
    expect(e).toEqual({ tag: 'undefined', val: 'no variable for "v"."missing"' });
    try {
      resolveVariable(g, {}, 'Nope');
    } catch (x) {
      e = x;
    }
    expect(e).toMatchObject({ tag: 'invalid-name' });
  });

  it('matches allowed_outbound_hosts as Spin does', () => {
    const allowed = ['https://api.example.com', 'http://*.local.test:8080', 'https://*.cdn.test'];
    expect(hostAllowed(allowed, 'https://api.example.com/x')).toBe(true);
    expect(hostAllowed(allowed, 'https://api.example.com:443/x')).toBe(true);
    expect(hostAllowed(allowed, 'http://api.example.com/x')).toBe(false);
    expect(hostAllowed(allowed, 'https://api.example.com:8443/x')).toBe(false);
    expect(hostAllowed(allowed, 'http://a.local.test:8080/')).toBe(true);
    expect(hostAllowed(allowed, 'http://a.local.test/')).toBe(false);
    expect(hostAllowed(allowed, 'https://img.cdn.test/p.png')).toBe(true);
    expect(hostAllowed(['*://*:*'], 'http://anything:1234/')).toBe(true);
    expect(hostAllowed([], 'https://api.example.com/')).toBe(false);
  });
});

describe("Spin 3's synchronous interfaces", () => {
  it('serves spin:sqlite@3 and wasi:config/store, and grants an opened component the database', async () => {
    const { spinBlocker } = await import('./imports');
    const { generatedManifest } = await import('./opened');
    const { spinImports } = await import('./services');
    const wit = [
      'world root {',
      '  import spin:sqlite/sqlite@3.0.0;',
      '  import wasi:config/store@0.2.0-draft-2024-09-27;',
      '  export wasi:http/incoming-handler@0.2.0;',
      '}',
    ].join('\n');
    expect(spinBlocker(wit, 'root', ['wasi:http/incoming-handler@0.2.0'])).toBeNull();
    expect(parseManifest(generatedManifest('app.wasm', wit)).grants?.sqliteDatabases).toEqual([
      'default',
    ]);
    const g = parseManifest(
      manifestText({ name: 'c', route: '/...', variables: { greeting: { default: 'Hej' } } }),
    ).grants!;
    const ctx = { grants: g, data: null, env: {}, calls: [] };
    const store = spinImports(ctx)['wasi:config/store'] as {
      get(k: string): string | undefined;
      getAll(): [string, string][];
    };
    expect(store.get('greeting')).toBe('Hej');
    expect(store.get('nope')).toBeUndefined();
    expect(store.get('Bad')).toBeUndefined();
    expect(store.getAll()).toEqual([['greeting', 'Hej']]);
  });
});
