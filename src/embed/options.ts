/** Panels an embed can show. */
export type EmbedPanel = 'output' | 'timings' | 'problems' | 'wat' | 'sizes';
export const EMBED_PANELS: EmbedPanel[] = ['output', 'timings', 'problems', 'wat', 'sizes'];

/** What the embed's query string asks for. */
export interface EmbedOptions {
  readonly: boolean;
  autorun: boolean;
  theme: 'light' | 'dark' | 'system';
  panels: EmbedPanel[];
  editor: boolean;
  /** Output in a terminal, and stdin typed there (or sent with playground:input). */
  terminal: boolean;
  /** Only this parent origin may command the embed and receive its events; null = any. */
  origin: string | null;
  /** The debugger: Debug in the toolbar, playground:debug in the API. Off unless asked for. */
  debug: boolean;
}

export const defaultEmbedOptions: EmbedOptions = {
  readonly: false,
  autorun: false,
  theme: 'system',
  panels: ['output', 'timings'],
  editor: true,
  terminal: false,
  origin: null,
  debug: false,
};

/** Parses `?readonly=1&autorun=1&theme=dark&panels=output,timings&editor=0&terminal=1&origin=…&debug=1`. */
export function parseEmbedOptions(search: string): EmbedOptions {
  const q = new URLSearchParams(search);
  const flag = (k: string, d: boolean) => (q.has(k) ? q.get(k) === '1' || q.get(k) === 'true' : d);
  const theme = q.get('theme');
  const panels = q.has('panels')
    ? (q.get('panels') ?? '')
        .split(',')
        .filter((p): p is EmbedPanel => EMBED_PANELS.includes(p as EmbedPanel))
    : defaultEmbedOptions.panels;
  let origin: string | null = null;
  const o = q.get('origin');
  if (o) {
    try {
      origin = new URL(o).origin;
    } catch {
      // An unparsable origin allows nobody rather than everybody.
      origin = 'invalid:';
    }
  }
  return {
    readonly: flag('readonly', false),
    autorun: flag('autorun', false) || flag('run', false),
    theme: theme === 'light' || theme === 'dark' ? theme : 'system',
    panels,
    editor: flag('editor', true),
    terminal: flag('terminal', false),
    origin,
    debug: flag('debug', false),
  };
}

/** The query string for `opts`, leaving defaults out so links stay short. */
export function embedQuery(opts: EmbedOptions): Record<string, string> {
  const q: Record<string, string> = {};
  if (opts.readonly) q.readonly = '1';
  if (opts.autorun) q.autorun = '1';
  if (opts.theme !== 'system') q.theme = opts.theme;
  if (opts.panels.join(',') !== defaultEmbedOptions.panels.join(','))
    q.panels = opts.panels.join(',');
  if (!opts.editor) q.editor = '0';
  if (opts.terminal) q.terminal = '1';
  if (opts.origin) q.origin = opts.origin;
  if (opts.debug) q.debug = '1';
  return q;
}
