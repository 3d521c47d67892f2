import type { languages } from 'monaco-editor/editor/editor.api';

/** Monarch grammar for the WebAssembly text format. */
export const watLanguage: languages.IMonarchLanguage = {
  defaultToken: '',
  tokenPostfix: '.wat',
  keywords: [
    'module', 'func', 'param', 'result', 'local', 'global', 'memory', 'table', 'type', 'import',
    'export', 'data', 'elem', 'start', 'mut', 'offset', 'item', 'declare', 'then', 'else', 'end',
    'block', 'loop', 'if', 'rec', 'sub', 'field', 'struct', 'array', 'tag', 'try', 'catch',
  ],
  typeKeywords: ['i32', 'i64', 'f32', 'f64', 'v128', 'funcref', 'externref', 'anyref', 'ref', 'null'],
  controls: [
    'br', 'br_if', 'br_table', 'return', 'call', 'call_indirect', 'return_call', 'unreachable',
    'nop', 'drop', 'select', 'throw', 'rethrow',
  ],
  tokenizer: {
    root: [
      [/\(;/, 'comment', '@blockComment'],
      [/;;.*$/, 'comment'],
      [/"/, 'string', '@string'],
      [/\$[\w.+\-*/\\^~=<>!?@#$%&|:'`]+/, 'variable'],
      [/[if](32|64)x?\d*\.[a-z0-9_.]+/, 'keyword.instruction'],
      [/v128\.[a-z0-9_.]+/, 'keyword.instruction'],
      [/(local|global|memory|table|ref|elem|data|struct|array)\.[a-z0-9_.]+/, 'keyword.instruction'],
      [/[+-]?(0x[0-9a-fA-F_]+|\d[\d_]*)(\.[\d_]*)?([eEpP][+-]?\d+)?/, 'number'],
      [/[+-]?(inf|nan(:0x[0-9a-fA-F]+)?)/, 'number'],
      [/(offset|align)=/, 'attribute.name'],
      [
        /[a-z_][\w.]*/,
        {
          cases: {
            '@keywords': 'keyword',
            '@typeKeywords': 'type',
            '@controls': 'keyword.control',
            '@default': 'identifier',
          },
        },
      ],
      [/[()]/, '@brackets'],
      [/\s+/, 'white'],
    ],
    blockComment: [
      [/\(;/, 'comment', '@push'],
      [/;\)/, 'comment', '@pop'],
      [/./, 'comment'],
    ],
    string: [
      [/\\./, 'string.escape'],
      [/"/, 'string', '@pop'],
      [/[^"\\]+/, 'string'],
    ],
  },
};

/** Brackets and comments for the WAT language configuration. */
export const watConfiguration: languages.LanguageConfiguration = {
  comments: { lineComment: ';;', blockComment: ['(;', ';)'] },
  brackets: [['(', ')']],
  autoClosingPairs: [
    { open: '(', close: ')' },
    { open: '"', close: '"' },
  ],
};
