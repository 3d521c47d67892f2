// The embed API's debugger (debug=1): playground:debug and playground:debug-step in, paused and
// resumed out. The page's own debug session does the work; this only translates.
import { useDebug } from '../debug/state';
import { debugCommand, startDebug } from '../debug/start';
import { currentProject } from '../store/projectSlice';
import { useStore } from '../store/store';
import type { EmbedCommand, EmbedEvent } from './protocol';

type DebugCommand = Extract<EmbedCommand, { type: 'playground:debug' | 'playground:debug-step' }>;

export function handleDebug(cmd: DebugCommand, enabled: boolean): void {
  if (!enabled) {
    console.warn(`playground embed: ${cmd.type} ignored: debugging is off (embed with debug=1)`);
    return;
  }
  if (cmd.type === 'playground:debug-step') {
    void debugCommand(cmd.action);
    return;
  }
  const s = useStore.getState();
  if (cmd.breakpoints) {
    const files = currentProject(s).files;
    for (const path of Object.keys(currentProject(s).breakpoints ?? {})) s.setBreakpoints(path, []);
    for (const [path, lines] of Object.entries(cmd.breakpoints))
      if (typeof files[path] === 'string') s.setBreakpoints(path, lines);
  }
  if (s.status === 'idle') void startDebug(cmd.stopAtEntry === true);
}

/** Posts playground:paused and playground:resumed as the session goes. */
export function debugEvents(post: (e: EmbedEvent) => void): () => void {
  return useDebug.subscribe((d, prev) => {
    if (d.pause && d.pause !== prev.pause) {
      const top = d.pause.frames[0];
      post({
        type: 'playground:paused',
        reason: d.pause.reason,
        file: top?.file ?? null,
        line: top?.line ?? null,
        frames: d.pause.frames
          .slice(0, 1000)
          .map((f) => ({ function: f.name, file: f.file, line: f.line })),
        variables: d.variables.map((v) => ({ name: v.name, type: v.type, value: v.text })),
        ...(d.pause.message ? { message: d.pause.message } : {}),
      });
    } else if (prev.status === 'paused' && d.status === 'running')
      post({ type: 'playground:resumed' });
  });
}
