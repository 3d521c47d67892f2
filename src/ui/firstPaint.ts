import { useEffect, useState } from 'react';

let painted!: () => void;

/**
 * Resolves once the first frame of the shell (toolbar, layout, the user's code in the editor's
 * place) has been painted. What is not needed for that frame waits for it: Monaco's chunk, the
 * workers' scripts and the side panels would otherwise compete with it for this machine's cores.
 */
export const firstPaint = new Promise<void>((resolve) => (painted = resolve));

/** Called once the first render has been committed: the frame after it is the first paint. */
export function firstCommitted() {
  requestAnimationFrame(() => setTimeout(painted, 0));
}

// A hidden tab runs no animation frames: then the first paint is not waited for past 1 s. And
// index.html's copy of the code (App removes it) never outlives a shell that failed to render.
setTimeout(() => {
  painted();
  document.getElementById('boot-code')?.remove();
}, 1000);

/** False until the first paint: a panel that is not needed for it renders one frame later. */
export function useAfterFirstPaint(): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    let live = true;
    void firstPaint.then(() => live && setShown(true));
    return () => {
      live = false;
    };
  }, []);
  return shown;
}
