/** Where links live: SQLite (one file, the default) or PostgreSQL (DATABASE_URL). */
export interface LinkStore {
  /** Stores `data` (if new) under the shortest free id for its hash; answers that id. */
  put(hash: string, data: string): Promise<{ id: string; created: boolean }>;
  /** The encoded project behind `id`, or null. */
  get(id: string): Promise<string | null>;
  /** A line for the log and the consent text: what kind of store, where. */
  readonly description: string;
  close(): Promise<void>;
}

/** The database cannot be reached or written: the service answers 503. */
export class StoreUnavailable extends Error {
  constructor(cause: unknown) {
    super(`the link store is unavailable: ${cause instanceof Error ? cause.message : cause}`);
    this.name = 'StoreUnavailable';
  }
}
