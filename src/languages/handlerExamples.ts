import type { Example } from './types';

/**
 * The HTTP handler examples C and AssemblyScript both have (hello, JSON echo, a small website),
 * with the request each opens with in the composer.
 */
export function handlerExamples(src: { hello: string; json: string; router: string }): Example[] {
  return [
    {
      id: 'handler-hello',
      label: 'HTTP handler: hello (WAGI, as Spin)',
      source: src.hello,
      http: { path: '/?name=Wasm' },
    },
    {
      id: 'handler-json',
      label: 'HTTP handler: JSON echo',
      source: src.json,
      http: {
        method: 'POST',
        path: '/echo?x=1',
        headers: 'Content-Type: application/json',
        body: '{"hello": "wasm"}',
      },
    },
    {
      id: 'handler-router',
      label: 'HTTP handler: a website (router, form, image)',
      source: src.router,
      http: { path: '/' },
    },
  ];
}
