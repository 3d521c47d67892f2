import { unzipSync, strFromU8 } from 'fflate';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { kebabName, spinAppZip, spinManifest, type SpinManifest } from './spinApp';

describe('Export as a Spin app', () => {
  it('writes a version 2 manifest with a WAGI HTTP trigger, the module and its files', () => {
    const m = parse(
      spinManifest({ name: 'C: Hello handler', route: '/...' }),
    ) as unknown as SpinManifest;
    expect(m.spin_manifest_version).toBe(2);
    expect(m.application).toEqual({
      name: 'c-hello-handler',
      version: '0.1.0',
      description: 'C: Hello handler, exported from the Wasm playground',
    });
    expect(m.trigger.http).toEqual([
      { route: '/...', component: 'c-hello-handler', executor: { type: 'wagi' } },
    ]);
    expect(m.component['c-hello-handler']).toEqual({
      source: 'handler.wasm',
      files: [{ source: 'files', destination: '/' }],
      allowed_outbound_hosts: [],
    });
    expect(Object.keys(m).sort()).toEqual([
      'application',
      'component',
      'spin_manifest_version',
      'trigger',
    ]);
  });

  it('names ids the way Spin accepts them (kebab-case, a letter first)', () => {
    expect(kebabName('  My App!! v2 ')).toBe('my-app-v2');
    expect(kebabName('42 things')).toBe('app-42-things');
    expect(kebabName('***')).toBe('app-playground');
    for (const n of ['C: x', 'Über', '9'])
      expect(kebabName(n)).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
  });

  it('zips spin.toml, handler.wasm, README.md and the project under files/', () => {
    const wasm = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]);
    const zip = unzipSync(
      spinAppZip({
        name: 'Site',
        route: '/api/...',
        wasm,
        files: {
          'main.c': 'int main(){}',
          'static/logo.bin': new Uint8Array([1, 2]),
          'empty/': '',
        },
      }),
    );
    expect(Object.keys(zip).sort()).toEqual([
      'README.md',
      'files/empty/',
      'files/main.c',
      'files/static/logo.bin',
      'handler.wasm',
      'spin.toml',
    ]);
    expect([...zip['handler.wasm']]).toEqual([...wasm]);
    expect([...zip['files/static/logo.bin']]).toEqual([1, 2]);
    expect(
      (parse(strFromU8(zip['spin.toml'])) as unknown as SpinManifest).trigger.http[0].route,
    ).toBe('/api/...');
    expect(strFromU8(zip['README.md'])).toMatch(/spin up/);
  });
});
