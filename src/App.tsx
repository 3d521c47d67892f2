import { Group, Panel, Separator } from 'react-resizable-panels';
import { CodeEditor } from './ui/editor/CodeEditor';
import { OutputPanel } from './ui/OutputPanel';
import { ProblemsPanel } from './ui/ProblemsPanel';
import { RunSettings } from './ui/RunSettings';
import { TimingsPanel } from './ui/TimingsPanel';
import { EmbedButton } from './ui/EmbedDialog';
import { Notices, ShareButton } from './ui/ShareControls';
import { Toolbar } from './ui/Toolbar';
import { runFile, WasmFileControls } from './ui/WasmFileControls';
import { useDarkMode } from './ui/useDarkMode';
import { useMediaQuery } from './ui/useMediaQuery';
import { useStore } from './store/store';

/** The playground shell: toolbar, editor with problems and run settings, output and timings. */
export function App() {
  const dark = useDarkMode(useStore((s) => s.theme));
  // On a narrow screen the output goes under the editor instead of beside it.
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
        runFile(f);
      }}
    >
      <Toolbar>
        <WasmFileControls />
        <ShareButton />
        <EmbedButton />
      </Toolbar>
      <Notices />
      <Group
        key={narrow ? 'narrow' : 'wide'}
        orientation={narrow ? 'vertical' : 'horizontal'}
        className="workspace"
      >
        <Panel defaultSize="56%" minSize="25%">
          <Group orientation="vertical">
            <Panel defaultSize="72%" minSize="20%">
              <CodeEditor dark={dark} />
            </Panel>
            <Separator className="sep sep-h" />
            <Panel defaultSize="28%" minSize="10%">
              <div className="split-row">
                <ProblemsPanel />
                <RunSettings />
              </div>
            </Panel>
          </Group>
        </Panel>
        <Separator className={narrow ? 'sep sep-h' : 'sep sep-v'} />
        <Panel defaultSize="44%" minSize="20%">
          <Group orientation="vertical">
            <Panel defaultSize="62%" minSize="15%">
              <OutputPanel />
            </Panel>
            <Separator className="sep sep-h" />
            <Panel defaultSize="38%" minSize="10%">
              <TimingsPanel />
            </Panel>
          </Group>
        </Panel>
      </Group>
    </div>
  );
}
