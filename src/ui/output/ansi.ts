import { AnsiUp } from 'ansi_up';

/** A single line longer than this is cut for display: one huge DOM text node freezes layout. */
export const MAX_LINE_CHARS = 10_000;

/**
 * What a terminal shows for a line with carriage returns: each `\r` goes back to the start and
 * the text after it overwrites (a progress bar's last state). Lines with escape codes keep their
 * last non-empty segment: overwriting cell by cell would need the codes' widths.
 */
export function overwriteCarriageReturns(text: string): string {
  if (!text.includes('\r')) return text;
  const parts = text.split('\r');
  if (text.includes('\x1b')) return parts.filter((p) => p !== '').pop() ?? '';
  let shown = '';
  for (const p of parts) shown = p + shown.slice(p.length);
  return shown;
}

/** A line cut for display at MAX_LINE_CHARS, saying how much is left out. */
export function cutLine(text: string): string {
  if (text.length <= MAX_LINE_CHARS) return text;
  return `${text.slice(0, MAX_LINE_CHARS)} … (${text.length - MAX_LINE_CHARS} more characters)`;
}

/**
 * One output line for the list view: plain text, or HTML (escaped by ansi_up, colours as
 * `ansi-*` classes the theme styles) when it has SGR escape codes. Each line starts unstyled.
 */
export function renderLine(text: string): { text: string } | { html: string } {
  const shown = cutLine(overwriteCarriageReturns(text));
  if (!shown.includes('\x1b')) return { text: shown || '\u00a0' };
  const au = new AnsiUp();
  au.use_classes = true;
  // Only SGR styles: links in output are not made clickable.
  au.url_allowlist = {};
  return { html: au.ansi_to_html(shown) || '\u00a0' };
}
