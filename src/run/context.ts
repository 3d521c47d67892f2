import type { ProjectFiles } from '../project/model';

/** One Run as its steps see it. */
export interface RunContext {
  runId: number;
  /** Aborted by Stop, the time limit ('timeout') or a newer Run ('superseded'). */
  ctl: AbortController;
  /** When Run was pressed (performance.now()). */
  tStart: number;
  /** The project the run belongs to (its file changes apply only while it is open). */
  projectId: string;
  /** The files mounted at `/`. */
  files: ProjectFiles;
  /** Also hand every file after the run to the run's listeners (the embed's returnFiles). */
  returnFiles: boolean;
  /** Preopen the files as `/` (fd 3); false: no directory at all. */
  preopen: boolean;
  /** Still the newest run (a newer Run or a Stop makes every later step a no-op). */
  current(): boolean;
}
