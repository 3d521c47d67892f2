import { currentProject } from '../store/projectSlice';
import { useStore } from '../store/store';

/**
 * What `bootPaint.js` (inlined in index.html) paints before any module has run: the open file's
 * first lines in the editor's rectangle, as the page last showed them. Written when the page goes
 * away; read only when the window has the same size, so the text lands where the editor will be.
 */
export const BOOT_KEY = 'wasm-playground:boot:v1';

/** Line height and gutter of the placeholder (app.css `.editor-placeholder`). */
const LINE_PX = 19;

export interface BootSnapshot {
  v: 1;
  vw: number;
  vh: number;
  theme: string;
  /** The editor's rectangle; null when no text editor was showing (nothing is painted). */
  rect: [number, number, number, number] | null;
  text: string;
}

export function bootSnapshot(): BootSnapshot {
  const host = document.querySelector<HTMLElement>('[data-testid="editor"]');
  const s = useStore.getState();
  const text = currentProject(s).files[s.activePath];
  const base = {
    v: 1 as const,
    vw: window.innerWidth,
    vh: window.innerHeight,
    theme: document.documentElement.dataset.theme ?? 'light',
  };
  if (!host || host.hidden || typeof text !== 'string') return { ...base, rect: null, text: '' };
  const r = host.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) return { ...base, rect: null, text: '' };
  // Only what fits: the lines on screen, each cut past what the widest screen shows.
  const lines = text
    .split('\n', Math.ceil(r.height / LINE_PX) + 1)
    .map((l) => (l.length > 400 ? l.slice(0, 400) : l));
  return { ...base, rect: [r.x, r.y, r.width, r.height], text: lines.join('\n') };
}

/** Keeps the snapshot current: when the page is hidden or goes away (both fire on mobile). */
export function watchBootSnapshot() {
  const save = () => {
    try {
      localStorage.setItem(BOOT_KEY, JSON.stringify(bootSnapshot()));
    } catch {
      // Storage full or denied: the next load paints from the app, a little later.
    }
  };
  window.addEventListener('pagehide', save);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') save();
  });
}
