import { inflateRawSync } from 'node:zlib';

/** Past this many bytes of JSON the body is not a project the app could have made. */
const MAX_INFLATED = 64 * 1024 * 1024;

export type Checked = { ok: true; fragment: string } | { ok: false; error: string };

/**
 * Checks that `body` is an encoded project as the share link's fragment carries it
 * (`v<N>.<base64url(deflate-raw(JSON))>`, see src/share/codec.ts): it inflates, parses, and has
 * the fields every version has. The service does not need to know the languages: an app newer
 * than the service still stores its links.
 */
export function checkEncodedProject(body: string): Checked {
  const fragment = body.trim().replace(/^#/, '');
  const m = /^v(\d{1,3})\.([A-Za-z0-9_-]+)$/.exec(fragment);
  if (!m) return { ok: false, error: 'the body is not an encoded project (v<N>.<base64url>)' };
  let json: unknown;
  try {
    const bytes = inflateRawSync(Buffer.from(m[2], 'base64url'), {
      maxOutputLength: MAX_INFLATED,
    });
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    return { ok: false, error: 'the encoded project does not decompress to JSON' };
  }
  if (!json || typeof json !== 'object' || Array.isArray(json))
    return { ok: false, error: 'the encoded project is not an object' };
  const r = json as Record<string, unknown>;
  if (typeof r.language !== 'string') return { ok: false, error: 'the project has no language' };
  if (m[1] === '1') {
    if (typeof r.source !== 'string') return { ok: false, error: 'the project has no source' };
    return { ok: true, fragment };
  }
  const files = r.files;
  if (!files || typeof files !== 'object' || Array.isArray(files))
    return { ok: false, error: 'the project has no files' };
  if (typeof r.entry !== 'string' || !(r.entry in files))
    return { ok: false, error: 'the project has no entry file' };
  return { ok: true, fragment };
}
