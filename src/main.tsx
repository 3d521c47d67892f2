// The base styles first: each component's own styles come after them (it imports them).
import './ui/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { clearStaleShareHash, openSharedLink } from './share/shareLink';
import { startAutosave } from './store/persistence';
import { watchServerProject } from './server/state';
import { watchInspections } from './inspect/state';
import { clearRunOnProjectSwitch, initWorkers, warmOnLanguageChange } from './run/actions';
import { editorReady } from './ui/editor/editorHandle';
import { PanelBoundary } from './ui/PanelBoundary';
import { installTestHooks } from './ui/testHooks';
import { watchBootSnapshot } from './boot/bootSnapshot';
import { registerServiceWorker } from './sw/register';

// Projects come from IndexedDB before the first render, so the editor opens on the right one.
await startAutosave();
// For profiling page loads: when the saved projects were in the store (IndexedDB read).
performance.mark('projects-loaded');
// The workers start once the editor is ready: on 2 cores their scripts would otherwise compete
// with Monaco's for the CPU (a Run before that starts them itself).
void editorReady.then(initWorkers);
clearRunOnProjectSwitch();
watchInspections();
watchServerProject();
openSharedLink({ keepDraft: true, autorun: true });
// A link pasted into the address bar of an open playground only changes the fragment.
window.addEventListener('hashchange', () => openSharedLink({ keepDraft: true, autorun: true }));
clearStaleShareHash();
warmOnLanguageChange(editorReady);
// Offline use and updates: after the editor, so installing the app shell never slows the first load.
void editorReady.then(() => registerServiceWorker());
installTestHooks();
watchBootSnapshot();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PanelBoundary name="Playground">
      <App />
    </PanelBoundary>
  </StrictMode>,
);
