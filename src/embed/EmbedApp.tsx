import { useEffect, useMemo } from 'react';
import { Group, Panel, Separator } from 'react-resizable-panels';
import { languageById } from '../languages/registry';
import { firstCommitted } from '../ui/firstPaint';
import { buildLink } from '../share/shareLink';
import { runProgram } from '../run/actions';
import { useStore } from '../store/store';
import { CodeEditor } from '../ui/editor/CodeEditor';
import { Notices } from '../ui/ShareControls';
import { InspectorPanel } from '../ui/inspector/InspectorPanel';
import { OutputPanel } from '../ui/OutputPanel';
import { StatusLive } from '../ui/StatusLive';
import { PanelBoundary } from '../ui/PanelBoundary';
import { ProblemsPanel } from '../ui/ProblemsPanel';
import { RunStopButtons } from '../ui/RunStopButtons';
import { DebugButtons } from '../ui/debug/DebugButtons';
import { DebugPanel } from '../ui/lazyPanels';
import { useDebug } from '../debug/state';
import { TimingsPanel } from '../ui/TimingsPanel';
import { useDarkMode } from '../ui/useDarkMode';
import type { EmbedOptions } from './options';

/** The embeddable playground: editor and the chosen panels, no examples, no persistence. */
export function EmbedApp({ options }: { options: EmbedOptions }) {
  const dark = useDarkMode(options.theme);
  useEffect(() => firstCommitted(), []);
  // Rebuilt when the project or its settings change (not on every render); files over 1 MiB
  // are left out of links, so this stays cheap for big projects.
  const project = useStore((s) => s.projects[s.currentId]);
  const stdin = useStore((s) => s.stdin);
  const args = useStore((s) => s.args);
  const env = useStore((s) => s.env);
  const options_ = useStore((s) => s.compileOptions);
  const openLink = useMemo(
    () => buildLink(''),
    // The store is read inside buildLink; these say when what it reads has changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [project, stdin, args, env, options_],
  );
  const language = useStore((s) => s.language);

  useEffect(() => {
    if (options.autorun) void runProgram();
  }, [options.autorun]);

  const debugOn = useDebug((d) => d.status !== 'idle');
  const shown = options.debug && debugOn ? [...options.panels, 'debug' as const] : options.panels;
  const panels = shown.map((p) => (
    <Panel key={p} minSize="10%">
      <PanelBoundary name={p[0].toUpperCase() + p.slice(1)}>
        {p === 'debug' ? (
          <DebugPanel />
        ) : p === 'output' ? (
          <OutputPanel />
        ) : p === 'timings' ? (
          <TimingsPanel />
        ) : p === 'problems' ? (
          <ProblemsPanel />
        ) : (
          <InspectorPanel shown only={p} />
        )}
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
        {options.debug && <DebugButtons />}
        <span className="spacer" />
        <a data-testid="open-in-playground" href={openLink} target="_blank" rel="noopener">
          Open in playground ↗
        </a>
      </header>
      <Notices />
      <StatusLive />
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
