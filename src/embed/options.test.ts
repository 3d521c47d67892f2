import { describe, expect, it } from 'vitest';
import { defaultEmbedOptions, embedQuery, parseEmbedOptions } from './options';

describe('embed options', () => {
  it('defaults to an editable editor with output and timings', () => {
    expect(parseEmbedOptions('')).toEqual(defaultEmbedOptions);
  });

  it('parses every option and drops unknown panels', () => {
    expect(
      parseEmbedOptions(
        '?readonly=1&autorun=1&theme=dark&panels=output,bogus,problems&editor=0&terminal=1&origin=https://a.example:8443/path&debug=1',
      ),
    ).toEqual({
      readonly: true,
      autorun: true,
      theme: 'dark',
      panels: ['output', 'problems'],
      editor: false,
      terminal: true,
      origin: 'https://a.example:8443',
      debug: true,
    });
  });

  it('treats an unparsable origin as allowing nobody', () => {
    expect(parseEmbedOptions('?origin=not a url').origin).toBe('invalid:');
  });

  it('round-trips through the query it generates', () => {
    const opts = {
      ...defaultEmbedOptions,
      readonly: true,
      panels: ['output' as const],
      editor: false,
      terminal: true,
      theme: 'light' as const,
      debug: true,
    };
    expect(parseEmbedOptions('?' + new URLSearchParams(embedQuery(opts)))).toEqual(opts);
    expect(embedQuery(defaultEmbedOptions)).toEqual({});
  });
});
