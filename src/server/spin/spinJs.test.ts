// A component built by Spin's own JS tools (@spinframework/build-tools + componentize-js, at
// test time): it mixes WASI 0.2 patch versions (wasi:http@0.2.3, wasi:io@0.2.12) and imports
// fermyon:spin/key-value@2.0.0; it runs here with the manifest an opened component gets.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSpinJsFixture } from '../../../e2e/fixtures/spin-js/build';
import { transpile } from '../../component/build';
import { SpinData } from './data';
import { SpinHost } from './host';
import { spinBlocker } from './imports';
import { parseManifest } from './manifest';
import { generatedManifest } from './opened';

describe('a Spin JS app (built by Spin’s JS tools)', { timeout: 300_000 }, () => {
  it('is served with a generated manifest; its key-value writes land in Spin’s table', async () => {
    const bytes = new Uint8Array(readFileSync(buildSpinJsFixture()));
    const b = await transpile(bytes, [], 'sync');
    expect(b.ok).toBe(true);
    expect(b.exports).toEqual(['wasi:http/incoming-handler@0.2.3']);
    expect(b.wit).toMatch(/import wasi:io\/streams@0\.2\.\d+;/);
    expect(spinBlocker(b.wit!, b.world, b.exports)).toBeNull();
    const m = parseManifest(generatedManifest('app.wasm', b.wit!));
    expect(m.grants?.keyValueStores).toEqual(['default']);
    expect(m.grants?.sqliteDatabases).toEqual([]);
    const data = await SpinData.open({});
    const host = await SpinHost.create(b.transpiled!, m.grants!, data);
    for (let i = 1; i <= 2; i++) {
      const r = host.serve({
        method: 'GET',
        path: '/hi',
        headers: [['Host', 'localhost:3000']],
        body: new Uint8Array(),
      });
      expect(r.response.status).toBe(200);
      expect(new TextDecoder().decode(r.response.body)).toBe(
        `hello from JavaScript on Spin: hit ${i} at /hi\n`,
      );
    }
    const row = data.kv.exec(
      "SELECT value FROM spin_key_value WHERE store = 'default' AND key = 'js-hits'",
    )[0];
    expect(new TextDecoder().decode(row.values[0][0] as Uint8Array)).toBe('2');
  });

  it('names the world and what is missing for a component it cannot serve', () => {
    expect(
      spinBlocker(
        'world root {\n  import wasi:http/types@0.3.0-rc-2025-09-16;\n  export wasi:http/handler@0.3.0-rc-2025-09-16;\n}',
        'root',
        ['wasi:http/handler@0.3.0-rc-2025-09-16'],
      ),
    ).toMatch(/world "root" exports wasi:http\/handler@0\.3\.0-rc-2025-09-16 \(WASI 0\.3, async\)/);
    expect(
      spinBlocker(
        'world w {\n  import fermyon:spin/redis@2.0.0;\n  export wasi:http/incoming-handler@0.2.0;\n}',
        'w',
        ['wasi:http/incoming-handler@0.2.0'],
      ),
    ).toMatch(/imports what this host does not provide: fermyon:spin\/redis@2\.0\.0/);
  });
});
