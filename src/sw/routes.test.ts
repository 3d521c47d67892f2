import { describe, expect, it } from 'vitest';
import { previewTarget, previewUrl, route } from './routes';

const scope = new URL('http://localhost:4173/app/');
const u = (s: string) => new URL(s, scope);

describe('service worker routes', () => {
  it('sends preview paths to the handler with their session and path', () => {
    expect(route(u('preview/abc123/greet?x=1'), scope, true, null)).toEqual({
      kind: 'preview',
      session: 'abc123',
      path: '/greet?x=1',
    });
    expect(previewTarget(u('preview/abc123'), scope)).toEqual({ session: 'abc123', path: '/' });
  });

  it('leaves the app, its workers and toolchains to the network', () => {
    expect(route(u('index.html'), scope, true, null)).toEqual({ kind: 'network' });
    expect(route(u('assets/llvm.core.wasm'), scope, false, 'http://localhost:4173/app/')).toEqual({
      kind: 'network',
    });
    expect(route(u('preview/../x'), scope, false, null)).toEqual({ kind: 'network' });
    expect(
      route(new URL('https://example.com/x.png'), scope, false, u('preview/s1/').href),
    ).toEqual({ kind: 'network' });
  });

  it('keeps a preview page inside its preview: absolute paths go to the handler', () => {
    const from = u('preview/s1/page').href;
    expect(route(u('/style.css'), scope, false, from)).toEqual({
      kind: 'preview-escape',
      session: 's1',
      path: '/style.css',
      redirect: null,
    });
    expect(route(u('/about?q=1'), scope, true, from)).toEqual({
      kind: 'preview-escape',
      session: 's1',
      path: '/about?q=1',
      redirect: previewUrl(scope, 's1', '/about?q=1'),
    });
    expect(previewUrl(scope, 's1', '/about')).toBe('http://localhost:4173/app/preview/s1/about');
  });
});
