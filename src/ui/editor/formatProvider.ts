import type * as Monaco from 'monaco-editor/editor/editor.api';
import { useStore } from '../../store/store';
import { formatInWorker } from '../../format/client';
import { parseFileUri } from './fileUri';
import { editorLanguages, formatterOf } from '../../languages/registry';

let registered = false;

/**
 * Format Document (Shift+Alt+F, the Format button) for every file: the format worker picks
 * clang-format, Prettier or our WAT indenter by the file's extension. Monaco turns the result into
 * minimal edits (cursor and undo kept) and drops it if the text changed meanwhile. What happened
 * is said in the toast: which formatter ran, or why nothing was changed.
 */
export function registerFormatter(monaco: typeof Monaco) {
  if (registered) return;
  registered = true;
  for (const language of editorLanguages) {
    monaco.languages.registerDocumentFormattingEditProvider(language, {
      displayName: 'Playground formatter',
      async provideDocumentFormattingEdits(model, options) {
        const { projectId, path } = parseFileUri(model.uri.toString());
        const s = useStore.getState();
        const style = s.projects[projectId]?.files['.clang-format'];
        const text = model.getValue();
        const say = (tone: 'ok' | 'warn', msg: string) =>
          useStore.getState().patchUi({ toast: { tone, text: msg }, toastAction: null });
        try {
          const r = await formatInWorker({
            path,
            text,
            ...formatterOf(path, s.projects[projectId]?.language ?? s.language),
            tabSize: options.tabSize,
            clangFormatStyle: typeof style === 'string' ? style : undefined,
          });
          const same = r.text === text;
          say(
            r.note ? 'warn' : 'ok',
            `${same ? 'Already formatted' : 'Formatted'} (${r.tool})${r.note ? `: ${r.note}` : ''}`,
          );
          return same ? [] : [{ range: model.getFullModelRange(), text: r.text }];
        } catch (e) {
          say('warn', `Not formatted: ${e instanceof Error ? e.message : String(e)}`);
          return [];
        }
      },
    });
  }
}
