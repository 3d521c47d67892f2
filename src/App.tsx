import { Group, Panel, Separator } from 'react-resizable-panels';
import { CodeEditor } from './ui/editor/CodeEditor';
import { OutputPanel } from './ui/OutputPanel';
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
import { addUploads, droppedFiles } from './ui/files/fileActions';
import { FileTabs } from './ui/files/FileTabs';
import { FileTree } from './ui/files/FileTree';
import { FileView } from './ui/files/FileView';

/** The playground shell: toolbar, editor with problems and run settings, output and timings. */
export function App() {
  const dark = useDarkMode(useStore((s) => s.theme));
  // On a narrow screen the output goes under the editor instead of beside it. Only the outer
  // group's orientation changes: the tree stays the same, so nothing below it (the editor above
  // all) is unmounted when the window crosses the breakpoint.
  const narrow = useMediaQuery('(max-width: 760px)');
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
      <a className="skip-link" href="#output" data-testid="skip-to-output">
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
          <Panel defaultSize="56%" minSize="25%">
            <Group orientation="vertical">
              <Panel defaultSize="72%" minSize="20%">
                <Group orientation="horizontal">
                  <Panel defaultSize="27%" minSize="14%" collapsible>
                    <PanelBoundary name="Files">
                      <FileTree />
                    </PanelBoundary>
                  </Panel>
                  <Separator className="sep sep-v" aria-label="Resize files and editor" />
                  <Panel minSize="30%">
                    <PanelBoundary name="Editor">
                      <div className="editor-column">
                        <FileTabs />
                        <CodeEditor dark={dark} />
                        <FileView />
                      </div>
                    </PanelBoundary>
                  </Panel>
                </Group>
              </Panel>
              <Separator className="sep sep-h" aria-label="Resize editor and Problems" />
              <Panel defaultSize="28%" minSize="10%">
                <div className="split-row">
                  <PanelBoundary name="Problems">
                    <ProblemsPanel />
                  </PanelBoundary>
                  <PanelBoundary name="Run settings">
                    <RunSettings />
                  </PanelBoundary>
                </div>
              </Panel>
            </Group>
          </Panel>
          <Separator
            className={narrow ? 'sep sep-h' : 'sep sep-v'}
            aria-label="Resize editor and output"
          />
          <Panel defaultSize="44%" minSize="20%">
            <Group orientation="vertical">
              <Panel defaultSize="62%" minSize="15%">
                <PanelBoundary name="Output">
                  <OutputPanel />
                </PanelBoundary>
              </Panel>
              <Separator className="sep sep-h" aria-label="Resize Output and Timings" />
              <Panel defaultSize="38%" minSize="10%">
                <PanelBoundary name="Timings">
                  <TimingsPanel />
                </PanelBoundary>
              </Panel>
            </Group>
          </Panel>
        </Group>
      </main>
    </div>
  );
}
