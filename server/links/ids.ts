import { createHash } from 'node:crypto';

/** The shortest id a link gets; longer only when another project's hash starts the same way. */
export const MIN_ID_LENGTH = 8;
/** What an id can look like: anything else is a 404 before any query is built. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{8,43}$/;

/** The content address: SHA-256 of the encoded project, base64url (43 characters). */
export function contentHash(data: string): string {
  return createHash('sha256').update(data, 'utf8').digest('base64url');
}

/** The ids a project may get, shortest first: its hash cut at 8, 9, … 43 characters. */
export function* idCandidates(hash: string): Generator<string> {
  for (let n = MIN_ID_LENGTH; n <= hash.length; n++) yield hash.slice(0, n);
}
