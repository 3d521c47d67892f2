import { useEffect } from 'react';
import { Group, Panel, Separator } from 'react-resizable-panels';
import { languageById } from '../languages/registry';
import { buildLink } from '../share/shareLink';
import { runProgram } from '../store/runActions';
import { useStore } from '../store/store';
import { CodeEditor } from '../ui/editor/CodeEditor';
import { Notices } from '../ui/ShareControls';
import { OutputPanel } from '../ui/OutputPanel';
import { PanelBoundary } from '../ui/PanelBoundary';
import { ProblemsPanel } from '../ui/ProblemsPanel';
import { RunStopButtons } from '../ui/RunStopButtons';
import { TimingsPanel } from '../ui/TimingsPanel';
import { useDarkMode } from '../ui/useDarkMode';
import type { EmbedOptions } from './options';

/** The embeddable playground: editor and the chosen panels, no examples, no persistence. */
export function EmbedApp({ options }: { options: EmbedOptions }) {
  const dark = useDarkMode(options.theme);
  const language = useStore((s) => s.language);
  // The link is rebuilt on every change so it always carries the current code.
  useStore((s) => s.projects[s.currentId]);
  const openLink = buildLink('');

  useEffect(() => {
    if (options.autorun) void runProgram();
  }, [options.autorun]);

  const panels = options.panels.map((p) => (
    <Panel key={p} minSize="10%">
      <PanelBoundary name={p[0].toUpperCase() + p.slice(1)}>
        {p === 'output' ? <OutputPanel /> : p === 'timings' ? <TimingsPanel /> : <ProblemsPanel />}
      </PanelBoundary>
    </Panel>
  ));
  const withSeparators = panels.flatMap((p, i) =>
    i === 0 ? [p] : [<Separator key={`s${i}`} className="sep sep-h" />, p],
  );

  return (
    <div className="app embed">
      <header className="toolbar">
        <span className="brand">
          <span className="brand-mark">W</span> {languageById[language].label}
        </span>
        <RunStopButtons />
        <span className="spacer" />
        <a data-testid="open-in-playground" href={openLink} target="_blank" rel="noopener">
          Open in playground ↗
        </a>
      </header>
      <Notices />
      <Group orientation={options.editor ? 'horizontal' : 'vertical'} className="workspace">
        {options.editor && (
          <Panel defaultSize={options.panels.length ? '55%' : '100%'} minSize="20%">
            <PanelBoundary name="Editor">
              <CodeEditor dark={dark} readOnly={options.readonly} />
            </PanelBoundary>
          </Panel>
        )}
        {options.editor && panels.length > 0 && <Separator className="sep sep-v" />}
        {panels.length > 0 &&
          (options.editor ? (
            <Panel minSize="20%">
              <Group orientation="vertical">{withSeparators}</Group>
            </Panel>
          ) : (
            withSeparators
          ))}
      </Group>
    </div>
  );
}
