/**
 * The tab a key moves to in a WAI-ARIA tab list (←/→ wrap around, Home/End), or null when the
 * key is not one of those.
 */
export function tabForKey<T>(tabs: readonly T[], current: T, key: string): T | null {
  const i = tabs.indexOf(current);
  const n = tabs.length;
  switch (key) {
    case 'ArrowRight':
      return tabs[(i + 1) % n];
    case 'ArrowLeft':
      return tabs[(i + n - 1) % n];
    case 'Home':
      return tabs[0];
    case 'End':
      return tabs[n - 1];
    default:
      return null;
  }
}
