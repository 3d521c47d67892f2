// The base styles first: each component's own styles come after them (it imports them).
import '../ui/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { openSharedLink } from '../share/shareLink';
import { watchServerProject } from '../server/state';
import { watchInspections } from '../inspect/state';
import { clearRunOnProjectSwitch, initWorkers, warmOnLanguageChange } from '../run/actions';
import { useStore } from '../store/store';
import { EmbedApp } from './EmbedApp';
import { startBridge } from './bridge';
import { parseEmbedOptions } from './options';
import { editorReady } from '../ui/editor/editorHandle';
import { PanelBoundary } from '../ui/PanelBoundary';
import { installTestHooks } from '../ui/testHooks';
import { allowWorkersFromOpaqueOrigin } from '../util/crossOriginWorker';

// Before any worker: in a sandbox="allow-scripts" frame they start from blob URLs.
allowWorkersFromOpaqueOrigin();
// Embed mode never touches localStorage: the state comes from the link and the parent only.
const options = parseEmbedOptions(window.location.search);
openSharedLink({ keepDraft: false, autorun: false });
// An embed's stdin is typed only where it shows a terminal (or its host sends playground:input).
useStore.setState({
  interactive: options.terminal,
  outputView: options.terminal ? 'terminal' : 'list',
});
initWorkers();
clearRunOnProjectSwitch();
watchInspections();
watchServerProject();
startBridge(options);
// Without an editor (editor=0) there is nothing to wait for.
warmOnLanguageChange(options.editor ? editorReady : Promise.resolve());
installTestHooks();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PanelBoundary name="Playground">
      <EmbedApp options={options} />
    </PanelBoundary>
  </StrictMode>,
);
