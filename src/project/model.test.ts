import { describe, expect, it } from 'vitest';
import { allPaths, bytesToData, checkPath, movePath, removePath } from './model';
import { projectToZip, zipToProject } from './zip';
import { zipSync, strToU8 } from 'fflate';

describe('project paths', () => {
  it('refuses empty, dot, slash, NUL, over-long names and absolute paths', () => {
    expect(checkPath('src/main.c')).toEqual({ path: 'src/main.c' });
    expect(checkPath('./a//b/')).toEqual({ path: 'a/b/' });
    expect(checkPath('données/世界.txt')).toEqual({ path: 'données/世界.txt' });
    for (const bad of ['', '/etc/passwd', '../x', 'a/../b', 'a\\b', 'a\0b', 'x'.repeat(256), '.'])
      expect(checkPath(bad), JSON.stringify(bad)).toHaveProperty('error');
    // 255 bytes is the limit, counted in UTF-8.
    expect(checkPath('é'.repeat(127))).toHaveProperty('path');
    expect(checkPath('é'.repeat(128))).toHaveProperty('error');
  });

  it('lists folders first, each level by name, with implied folders', () => {
    expect(allPaths({ 'b.c': '', 'a/z.h': '', 'a/b/c.txt': '', 'e/': '' })).toEqual([
      'a/',
      'a/b/',
      'a/b/c.txt',
      'a/z.h',
      'e/',
      'b.c',
    ]);
  });

  it('moves and removes whole folders, keeping the parent folder', () => {
    const files = { 'a/x.c': '1', 'a/y/z.c': '2', 'b.c': '3' };
    expect(movePath(files, 'a/', 'lib/a/')).toEqual({
      'lib/a/x.c': '1',
      'lib/a/y/z.c': '2',
      'b.c': '3',
    });
    const r = removePath(files, 'a/y/');
    expect(r.files).toEqual({ 'a/x.c': '1', 'b.c': '3' });
    expect(r.removed).toEqual({ 'a/y/z.c': '2' });
    expect(removePath({ 'd/only.txt': '' }, 'd/only.txt').files).toEqual({ 'd/': '' });
  });

  it('keeps text as text and anything else as bytes', () => {
    expect(bytesToData(strToU8('héllo\n\tok'))).toBe('héllo\n\tok');
    expect(bytesToData(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1]))).toBeInstanceOf(Uint8Array);
    expect(bytesToData(new Uint8Array([0xc3, 0x28]))).toBeInstanceOf(Uint8Array);
  });
});

describe('zip', () => {
  it('round-trips text, bytes, unicode names and empty folders', () => {
    const files = {
      'main.c': 'int main(){}',
      'img/a.png': new Uint8Array([0x89, 0x50, 0, 7]),
      'ünï/世界.txt': 'x',
      'empty/': '',
    };
    expect(zipToProject(projectToZip(files))).toEqual({ files, skipped: [] });
  });

  it('drops a single top folder and refuses entries that escape', () => {
    const z = zipSync({
      'proj/main.c': strToU8('c'),
      'proj/src/a.h': strToU8('h'),
      '../evil': strToU8('e'),
    });
    const r = zipToProject(z);
    expect(r.skipped).toEqual(['../evil']);
    expect(r.files).toEqual({ 'main.c': 'c', 'src/a.h': 'h' });
    const top = zipToProject(
      zipSync({ 'proj/main.c': strToU8('c'), 'proj/src/a.h': strToU8('h') }),
    );
    expect(top.files).toEqual({ 'main.c': 'c', 'src/a.h': 'h' });
  });
});
