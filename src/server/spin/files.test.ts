// A component's `files` and `exclude_files`, resolved against the project as Spin's loader
// resolves them against the app's folder, and their problems on the manifest's lines.
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { spinComponentZip } from './export';
import { globRe, mountFiles } from './files';
import { manifestText, parseManifest } from './manifest';

const enc = new TextEncoder();
const project = Object.fromEntries(
  [
    'spin.toml',
    'main.c',
    'static/index.html',
    'static/css/site.css',
    'static/img/logo.svg',
    'static/drafts/next.html',
    'assets/a.txt',
    'assets/deep/b.txt',
    'notes.txt',
  ].map((p) => [p, enc.encode(p)]),
);
const mounted = (files: unknown[], excludeFiles?: string[]) => {
  const r = mountFiles({ files: files as never, excludeFiles }, project);
  return { paths: Object.keys(r.files).sort(), problems: r.problems, files: r.files };
};

describe('files', () => {
  it('globs: * stays in a folder, ** crosses folders, ? and [] match one character', () => {
    expect(globRe('static/*').test('static/index.html')).toBe(true);
    expect(globRe('static/*').test('static/css/site.css')).toBe(false);
    expect(globRe('static/**/*').test('static/css/site.css')).toBe(true);
    expect(globRe('static/**/*').test('static/index.html')).toBe(true);
    expect(globRe('**/*.txt').test('assets/deep/b.txt')).toBe(true);
    expect(globRe('notes.tx?').test('notes.txt')).toBe(true);
    expect(globRe('[!n]otes.txt').test('notes.txt')).toBe(false);
    // exclude_files match the whole path, * crossing / (glob::Pattern's default).
    expect(globRe('static/*', true).test('static/css/site.css')).toBe(true);
  });

  it('mounts globs, paths and folders at their own paths; placements under their destination', () => {
    expect(mounted(['static/**/*']).paths).toEqual([
      '/static/css/site.css',
      '/static/drafts/next.html',
      '/static/img/logo.svg',
      '/static/index.html',
    ]);
    expect(mounted(['./notes.txt', 'assets']).paths).toEqual([
      '/assets/a.txt',
      '/assets/deep/b.txt',
      '/notes.txt',
    ]);
    const placed = mounted([
      { source: 'assets', destination: '/' },
      { source: 'notes.txt', destination: '/etc/notes' },
    ]);
    expect(placed.paths).toEqual(['/a.txt', '/deep/b.txt', '/etc/notes']);
    expect(mounted([{ source: '.', destination: '/app' }]).paths).toContain('/app/notes.txt');
    expect(mounted([{ source: 'notes.txt', destination: '/' }]).paths).toEqual(['/notes.txt']);
    expect(new TextDecoder().decode(placed.files['/etc/notes'])).toBe('notes.txt');
  });

  it('exclude_files drops what a glob or folder would mount', () => {
    expect(mounted(['static/**/*'], ['static/drafts/*', '**/*.svg']).paths).toEqual([
      '/static/css/site.css',
      '/static/index.html',
    ]);
  });

  it('says what is wrong, in Spin’s words', () => {
    expect(mounted(['nothing.txt']).problems).toEqual([
      'files: "nothing.txt" does not exist and doesn\'t appear to be a glob pattern',
    ]);
    expect(mounted([{ source: 'gone', destination: '/' }]).problems[0]).toMatch(/does not exist/);
    expect(mounted(['static/..']).problems[0]).toMatch(/parent directory path/);
    expect(mounted([{ source: 'assets', destination: 'www' }]).problems[0]).toMatch(
      /must be an absolute path/,
    );
  });

  it('a bad files entry in spin.toml is a problem on its line', () => {
    const toml = `spin_manifest_version = 2
[application]
name = "a"
[[trigger.http]]
route = "/..."
component = "a"
[component.a]
source = "handler.wasm"
files = [{ source = "assets", destination = "www" }, 3]
`;
    expect(parseManifest(toml).problems).toEqual([
      {
        line: 9,
        column: 1,
        message: 'files: destination "www" must be an absolute path (e.g. "/")',
      },
      {
        line: 9,
        column: 1,
        message: 'files: each entry is a string or { source = "…", destination = "/…" }',
      },
    ]);
    const ok = parseManifest(toml.replace(', 3]', ']').replace('"www"', '"/www"'));
    expect(ok.grants!.files).toEqual([{ source: 'assets', destination: '/www' }]);
  });

  it('the Spin export holds the files the manifest mounts, at their project paths', () => {
    const grants = parseManifest(
      manifestText({
        name: 'site',
        route: '/...',
        files: ['static/**/*', { source: 'notes.txt', destination: '/notes' }],
        excludeFiles: ['static/drafts/*'],
      }),
    ).grants!;
    const zip = unzipSync(
      spinComponentZip({
        manifest: '',
        grants,
        component: new Uint8Array(8),
        data: {},
        project,
      }),
    );
    expect(
      Object.keys(zip)
        .filter((p) => !/^(spin\.toml|handler\.wasm|README\.md)$/.test(p))
        .sort(),
    ).toEqual(['notes.txt', 'static/css/site.css', 'static/img/logo.svg', 'static/index.html']);
  });
});
