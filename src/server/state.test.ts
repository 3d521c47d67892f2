import { describe, expect, it } from 'vitest';
import { useStore } from '../store/store';
import { coldFormError } from './coldStartLab';
import { loadFormError, MAX_CONCURRENCY, MAX_LOAD_REQUESTS } from './loadTest';
import {
  composedRequest,
  handlerIsCurrent,
  nextResultSeq,
  setHandler,
  useServer,
  watchServerProject,
} from './state';

const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('server state: the HTTP tab and the labs, without a worker', () => {
  it('the built handler is current until the project’s files or route change', () => {
    const spec = setHandler(new Uint8Array([0, 97, 115, 109]));
    expect(spec.route).toBe('/...');
    expect(handlerIsCurrent()).toBe(true);
    const nonce = useServer.getState().previewNonce;
    useStore.getState().writeFile('extra.txt', 'x');
    expect(handlerIsCurrent()).toBe(false);
    setHandler(new Uint8Array([0, 97, 115, 109]));
    expect(handlerIsCurrent()).toBe(true);
    // Every new handler reloads the preview.
    expect(useServer.getState().previewNonce).toBe(nonce + 1);
    // Its files are the project's, as bytes.
    expect(text(useServer.getState().handler!.files['extra.txt'])).toBe('x');
  });

  it('composes the request as curl would send it to spin up, or says what is wrong', () => {
    useServer.setState({ method: ' post ', path: '/echo?x=1', headersText: 'X-A: 1', body: 'hi' });
    const r = composedRequest();
    expect(r).toMatchObject({ method: 'POST', path: '/echo?x=1' });
    if ('error' in r) throw new Error(r.error);
    expect(r.headers).toEqual([
      ['Host', 'localhost:3000'],
      ['X-A', '1'],
    ]);
    expect(text(r.body)).toBe('hi');
    useServer.setState({ method: 'G E T' });
    expect(composedRequest()).toEqual({ error: '"G E T" is not an HTTP method' });
    useServer.setState({ method: 'GET', path: 'no-slash' });
    expect(composedRequest()).toMatchObject({ error: expect.stringContaining('starts with /') });
    useServer.setState({ path: '/a b' });
    expect(composedRequest()).toMatchObject({ error: expect.stringContaining('no spaces') });
  });

  it('refuses load tests and cold starts out of range, with the range in words', () => {
    expect(loadFormError(10, 4)).toBeNull();
    expect(loadFormError(0, 4)).toContain('requests');
    expect(loadFormError(MAX_LOAD_REQUESTS + 1, 4)).toContain('100,000');
    expect(loadFormError(10, MAX_CONCURRENCY + 1)).toContain('concurrency');
    expect(loadFormError(1.5, 1)).toContain('whole number');
    expect(coldFormError(1000)).toBeNull();
    expect(coldFormError(0)).toContain('instances');
  });

  it('another project drops the handler and the response; results are numbered', () => {
    const stop = watchServerProject();
    setHandler(new Uint8Array([0, 97, 115, 109]));
    const s = useStore.getState();
    s.addProject({ ...s.projects[s.currentId], id: 'other', name: 'Other' });
    expect(useStore.getState().currentId).toBe('other');
    expect(useServer.getState().handler).toBeNull();
    expect(useServer.getState().response).toBeNull();
    stop();
    const a = nextResultSeq();
    expect(nextResultSeq()).toBe(a + 1);
  });
});
