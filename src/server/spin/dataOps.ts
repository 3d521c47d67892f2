/**
 * The Data panel's actions on a Spin app's data, through the worker that serves the app (its one
 * writer): read it, edit a key-value entry, run SQL, clear it, or start fresh when the kept bytes
 * cannot be opened. Results land in useSpinData; changed files are kept.
 */
import type { SpinDataAnswer, SpinDataEdit } from '../../protocol/server';
import { serverPool } from '../state';
import { dropData, keepData, keptData, showData, useSpinData } from './keep';

function apply(key: string, a: SpinDataAnswer, edit?: SpinDataEdit) {
  if (a.files) void keepData(key, a.files, a.view);
  if (a.view) useSpinData.setState({ view: a.view, error: null, unreadable: null });
  else if (a.error) useSpinData.setState({ view: null, error: a.error });
  if (edit?.kind === 'sql')
    useSpinData.setState({
      sql: a.error ? null : (a.result ?? null),
      sqlError: a.view ? (a.error ?? null) : null,
    });
  else if (a.view && a.error) useSpinData.setState({ sqlError: a.error });
}

/** Reads (and changes) the data of app `key`; the panel shows it. */
export async function dataAction(key: string, edit?: SpinDataEdit): Promise<void> {
  await showData(key);
  const kept = await keptData(key);
  let a: SpinDataAnswer;
  try {
    a = await serverPool().spinData(key, kept, edit);
  } catch (e) {
    useSpinData.setState({ error: `the data worker failed: ${(e as Error).message}` });
    return;
  }
  if (!a.view && a.error) useSpinData.setState({ unreadable: kept });
  apply(key, a, edit);
}

/** Drops unreadable kept bytes (after they were offered for download) and opens empty data. */
export async function startFresh(key: string): Promise<void> {
  await dropData(key);
  // The worker that failed to open them holds nothing for the key; it opens an empty one now.
  useSpinData.setState({ unreadable: null, error: null });
  await dataAction(key);
}
