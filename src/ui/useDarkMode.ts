import { useEffect } from 'react';
import type { ThemeChoice } from '../store/settingsSlice';
import { useMediaQuery } from './useMediaQuery';

/** Resolves the theme choice against the system setting and applies it to <html>. */
export function useDarkMode(choice: ThemeChoice): boolean {
  const systemDark = useMediaQuery('(prefers-color-scheme: dark)');
  const dark = choice === 'dark' || (choice === 'system' && systemDark);
  useEffect(() => {
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  }, [dark]);
  return dark;
}
