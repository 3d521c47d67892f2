import { useEffect, useSyncExternalStore } from 'react';
import type { ThemeChoice } from '../store/settingsSlice';

const query =
  typeof window !== 'undefined' ? window.matchMedia('(prefers-color-scheme: dark)') : null;

function subscribe(cb: () => void) {
  query?.addEventListener('change', cb);
  return () => query?.removeEventListener('change', cb);
}

/** Resolves the theme choice against the system setting and applies it to <html>. */
export function useDarkMode(choice: ThemeChoice): boolean {
  const systemDark = useSyncExternalStore(
    subscribe,
    () => !!query?.matches,
    () => false,
  );
  const dark = choice === 'dark' || (choice === 'system' && systemDark);
  useEffect(() => {
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  }, [dark]);
  return dark;
}
