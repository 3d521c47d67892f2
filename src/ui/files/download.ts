import { dataToBytes } from '../../project/model';
import { currentProject } from '../../store/projectSlice';
import { useStore } from '../../store/store';
import { downloadFile } from '../download';

/** The bytes of a path as the tree shows it: the run's version of a changed file, else the project's. */
export function bytesOf(path: string): Uint8Array | null {
  const s = useStore.getState();
  const run = s.runChanges?.after[path];
  if (run && s.runChanges?.changes[path]) return run;
  const data = currentProject(s).files[path];
  return data === undefined ? null : dataToBytes(data);
}

/** Downloads one file of the tree. */
export function downloadPath(path: string) {
  const bytes = bytesOf(path);
  if (bytes) downloadFile(path.slice(path.lastIndexOf('/') + 1), bytes, 'application/octet-stream');
}
