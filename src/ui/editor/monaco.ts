// Monaco, self-hosted: the core API plus the editor features a playground needs, and only the
// grammars we use. Workers come from Vite worker imports, never a CDN.
import * as monaco from 'monaco-editor/editor/editor.api';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/codeEditor/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/find/register';
// Format Document (Shift+Alt+F); the providers are ours (ui/editor/formatProvider.ts).
import 'monaco-editor/features/format/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/fontZoom/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/gotoLine/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/quickCommand/register';
import 'monaco-editor/features/smartSelect/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/features/caretOperations/register';
import 'monaco-editor/features/readOnlyMessage/register';
// Ctrl+M: Tab moves focus instead of indenting, so the editor is no keyboard trap.
import 'monaco-editor/features/toggleTabFocusMode/register';
import 'monaco-editor/languages/definitions/markdown/register';
import { languages as playgroundLanguages } from '../../languages/registry';

self.MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
};

// Each language's colours, from its folder. Not awaited: the editor is made at once, and a
// model whose language registers a moment later is coloured then (Monaco's language selection
// follows registrations).
void Promise.all(
  playgroundLanguages.map(async (l) => {
    const g = await l.grammar();
    if (!g || monaco.languages.getLanguages().some((x) => x.id === g.id)) return;
    monaco.languages.register({ id: g.id, extensions: g.extensions, aliases: g.aliases });
    monaco.languages.setMonarchTokensProvider(g.id, g.tokens as monaco.languages.IMonarchLanguage);
    monaco.languages.setLanguageConfiguration(
      g.id,
      g.configuration as monaco.languages.LanguageConfiguration,
    );
  }),
);

// Monaco's own themes with colours that reach WCAG AA on their backgrounds (axe-core found the
// line numbers at 1.75:1 and dark comments at 4.2:1).
monaco.editor.defineTheme('playground-light', {
  base: 'vs',
  inherit: true,
  rules: [],
  colors: {
    'editorLineNumber.foreground': '#6e7781',
    'editorLineNumber.dimmedForeground': '#6e7781',
    'editorLineNumber.activeForeground': '#1c2230',
  },
});
monaco.editor.defineTheme('playground-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [{ token: 'comment', foreground: '7fae6a' }],
  colors: {
    'editorLineNumber.foreground': '#8b949e',
    'editorLineNumber.dimmedForeground': '#8b949e',
    'editorLineNumber.activeForeground': '#e4e7ef',
  },
});

export { monaco };
