import { useEffect, useLayoutEffect, type ReactNode } from 'react';
import { Group, Panel, Separator } from 'react-resizable-panels';
import { firstCommitted, useAfterFirstPaint } from './ui/firstPaint';
import { CodeEditor } from './ui/editor/CodeEditor';
import { MainTabs } from './ui/MainTabs';
import { ProblemsPanel } from './ui/ProblemsPanel';
import { RunSettings } from './ui/RunSettings';
import { TimingsPanel } from './ui/TimingsPanel';
import { EmbedButton } from './ui/EmbedDialog';
import { Notices, ShareButton } from './ui/ShareControls';
import { StatusLive } from './ui/StatusLive';
import { HelpButton } from './ui/HelpDialog';
import { Toolbar } from './ui/Toolbar';
import { runFile, WasmFileControls } from './ui/WasmFileControls';
import { useDarkMode } from './ui/useDarkMode';
import { useMediaQuery } from './ui/useMediaQuery';
import { useStore } from './store/store';
import { PanelBoundary } from './ui/PanelBoundary';
import { BottomTabs } from './ui/BottomTabs';
import { addUploads, droppedFiles } from './ui/files/fileActions';
import { FileTabs } from './ui/files/FileTabs';
import { FileTree } from './ui/files/FileTree';
import { FileView } from './ui/files/FileView';
import { EditorTools } from './ui/editor/EditorTools';
import { useDebug } from './debug/state';
import { DebugPanel } from './ui/lazyPanels';
import { useDebugKeys } from './ui/debug/useDebugKeys';

/** A side panel: rendered one frame after the first paint, which shows the shell and the code. */
function AfterFirstPaint({ children }: { children: ReactNode }) {
  return useAfterFirstPaint() ? children : null;
}

/** The playground shell: toolbar, editor with problems and run settings, output and timings. */
export function App() {
  const dark = useDarkMode(useStore((s) => s.theme));
  // On a narrow screen the panels go under the editor, as tabs (one place, no nested scroll boxes).
  // The path from here to the editor stays the same, so the editor is never unmounted when the
  // window crosses the breakpoint; only the panels after it change (each with an id, as
  // react-resizable-panels asks of conditional panels).
  const narrow = useMediaQuery('(max-width: 760px)');
  const debugOn = useDebug((d) => d.status !== 'idle');
  useDebugKeys();
  useEffect(() => firstCommitted(), []);
  // index.html's copy of the code (src/boot/bootPaint.js) goes as the app's frame replaces it.
  useLayoutEffect(() => document.getElementById('boot-code')?.remove(), []);
  return (
    <div
      className="app"
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) e.preventDefault();
      }}
      onDrop={(e) => {
        const f = e.dataTransfer.files[0];
        if (!f) return;
        e.preventDefault();
        // A module is run; anything else joins the project (the file tree takes drops itself).
        if (e.dataTransfer.files.length === 1 && /\.wasm$/i.test(f.name)) runFile(f);
        else void droppedFiles(e.dataTransfer).then((list) => addUploads(list));
      }}
    >
      <a
        className="skip-link"
        href="#output"
        data-testid="skip-to-output"
        onClick={() => useStore.getState().patchUi({ narrowTab: 'output', mainTab: 'output' })}
      >
        Skip to output
      </a>
      <PanelBoundary name="Toolbar">
        <Toolbar>
          <WasmFileControls />
          <ShareButton />
          <EmbedButton />
          <HelpButton />
        </Toolbar>
        <Notices />
        <StatusLive />
      </PanelBoundary>
      <main className="workspace-main">
        <Group orientation={narrow ? 'vertical' : 'horizontal'} className="workspace">
          <Panel id="left" defaultSize="56%" minSize="25%">
            <Group orientation="vertical">
              <Panel id="editor-area" defaultSize="72%" minSize="20%">
                <Group orientation="horizontal">
                  <Panel defaultSize="27%" minSize="14%" collapsible>
                    <PanelBoundary name="Files">
                      <AfterFirstPaint>
                        <FileTree />
                      </AfterFirstPaint>
                    </PanelBoundary>
                  </Panel>
                  <Separator className="sep sep-v" aria-label="Resize files and editor" />
                  <Panel minSize="30%">
                    <PanelBoundary name="Editor">
                      <div className="editor-column">
                        <div className="editor-bar">
                          <FileTabs />
                          <EditorTools />
                        </div>
                        <CodeEditor dark={dark} />
                        <FileView />
                      </div>
                    </PanelBoundary>
                  </Panel>
                </Group>
              </Panel>
              {narrow ? (
                <>
                  <Separator className="sep sep-h" aria-label="Resize editor and panels" />
                  <Panel id="narrow-tabs" defaultSize="45%" minSize="15%">
                    <AfterFirstPaint>
                      <BottomTabs />
                    </AfterFirstPaint>
                  </Panel>
                </>
              ) : (
                <>
                  <Separator className="sep sep-h" aria-label="Resize editor and Problems" />
                  <Panel id="problems-settings" defaultSize="28%" minSize="10%">
                    <div className="split-row">
                      <PanelBoundary name="Problems">
                        <AfterFirstPaint>
                          <ProblemsPanel />
                        </AfterFirstPaint>
                      </PanelBoundary>
                      <PanelBoundary name="Run settings">
                        <AfterFirstPaint>
                          <RunSettings />
                        </AfterFirstPaint>
                      </PanelBoundary>
                    </div>
                  </Panel>
                </>
              )}
            </Group>
          </Panel>
          {!narrow && (
            <>
              <Separator className="sep sep-v" aria-label="Resize editor and output" />
              <Panel id="right" defaultSize="44%" minSize="20%">
                <Group orientation="vertical">
                  <Panel id="output-area" defaultSize="62%" minSize="15%">
                    <AfterFirstPaint>
                      <MainTabs />
                    </AfterFirstPaint>
                  </Panel>
                  <Separator className="sep sep-h" aria-label="Resize Output and Timings" />
                  <Panel id="timings-area" defaultSize="38%" minSize="10%">
                    {debugOn ? (
                      <PanelBoundary name="Debug">
                        <DebugPanel />
                      </PanelBoundary>
                    ) : (
                      <PanelBoundary name="Timings">
                        <AfterFirstPaint>
                          <TimingsPanel />
                        </AfterFirstPaint>
                      </PanelBoundary>
                    )}
                  </Panel>
                </Group>
              </Panel>
            </>
          )}
        </Group>
      </main>
    </div>
  );
}
