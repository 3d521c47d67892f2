import { useEffect, useRef } from 'react';
import { marked } from 'marked';
import readme from '../../README.md?raw';
import './Dialog.css';

/** A heading's anchor, as GitHub makes it: "Share links" → share-links. */
export const slug = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[^\w\s-]/g, '')
    .replace(/\s+/g, '-');

// The README is ours (bundled with the app, so it works offline); images point into the
// repository's docs/ folder, which the app does not serve: their alt text stands in.
const html = marked.parse(readme.replace(/!\[([^\]]*)\]\([^)]*\)/g, '*(Screenshot: $1)*'), {
  async: false,
});

/** The README inside the app (Help → Read more), scrolled to `section` (a heading's slug). */
export default function ReadmeView({ section }: { section: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    for (const h of el.querySelectorAll<HTMLElement>('h1, h2, h3, h4')) {
      h.id = `readme-${slug(h.textContent ?? '')}`;
      h.tabIndex = -1;
    }
    // Links between README sections stay inside the view.
    for (const a of el.querySelectorAll<HTMLAnchorElement>('a[href^="#"]'))
      a.setAttribute('href', `#readme-${a.getAttribute('href')!.slice(1)}`);
    for (const a of el.querySelectorAll<HTMLAnchorElement>('a[href^="http"]')) {
      a.target = '_blank';
      a.rel = 'noreferrer';
    }
    const target = el.querySelector<HTMLElement>(`#readme-${CSS.escape(section)}`);
    target?.scrollIntoView({ block: 'start' });
    target?.focus({ preventScroll: true });
  }, [section]);
  return (
    <div
      ref={box}
      className="readme-view"
      data-testid="readme-view"
      tabIndex={0}
      role="region"
      aria-label="README"
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
