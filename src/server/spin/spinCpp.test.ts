// A C++ program (std::map, std::string, exceptions) built with spin.h into a Spin component and
// served on both hosts: its notes in Spin's key-value table, bad input thrown, caught, answered.
import { describe, expect, it } from 'vitest';
import { buildSpin } from './testing';
import source from '../../languages/cpp/examples/spin_notes.cpp?raw';
import { SpinData } from './data';
import { DirectSpinHost } from './direct';
import { transpile } from '../../component/build';
import { manifestText, parseManifest } from './manifest';

const dec = new TextDecoder();
const req = (method: string, path: string, body = '') => ({
  method,
  path,
  headers: [['Host', 'localhost:3000']] as [string, string][],
  body: new TextEncoder().encode(body),
});

describe('a C++ Spin component', () => {
  it('keeps notes in key-value and answers a thrown invalid_argument with 400', async () => {
    const { core, made: built } = await buildSpin('cpp', source);
    const grants = parseManifest(
      manifestText({ name: 'notes', route: '/...', keyValueStores: ['default'] }),
    ).grants!;
    const data = await SpinData.open({});
    // The app serves it directly; jco cannot read its core module (wasm exceptions), so the
    // direct host is the only one that can.
    const hosts = [new DirectSpinHost(core, grants, data)];
    const jco = await transpile(built.component!, [], 'sync');
    expect(jco.error).toMatch(/exceptions proposal not enabled/);
    for (const [i, host] of hosts.entries()) {
      const put = host.serve(req('PUT', `/notes/n${i}`, `note ${i}`));
      expect(dec.decode(put.response.body)).toBe(`stored n${i} (6 bytes)\n`);
      expect(put.response.status).toBe(201);
      const bad = host.serve(req('PUT', '/notes/../x', 'x'));
      expect(bad.response.status).toBe(400);
      expect(dec.decode(bad.response.body)).toBe(
        "bad request: a note's name is letters, digits, - and _\n",
      );
    }
    const host = hosts[0];
    expect(host.serve(req('PUT', '/notes/todo', 'buy milk')).response.status).toBe(201);
    const list = host.serve(req('GET', '/notes'));
    expect(dec.decode(list.response.body)).toBe('2 note(s)\n- n0: note 0\n- todo: buy milk\n');
    expect(host.serve(req('DELETE', '/notes/n0')).response.status).toBe(204);
    expect(dec.decode(host.serve(req('GET', '/notes')).response.body)).toBe(
      '1 note(s)\n- todo: buy milk\n',
    );
    // Spin's own table holds them.
    expect(data.kvKeys('default')).toEqual(['todo']);
  }, 300_000);
});
