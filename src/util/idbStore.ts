import { createStore } from 'idb-keyval';
import { inOpaqueOrigin } from './opaqueOrigin';

/**
 * An idb-keyval store opened on first use; null where there is no IndexedDB (Node, in the unit
 * tests) or it may not be used (an opaque-origin embed, where opening it throws).
 */
export function storeWhereAllowed(dbName: string, storeName: string) {
  let store: ReturnType<typeof createStore> | null | undefined;
  return () =>
    (store ??=
      typeof indexedDB === 'undefined' || inOpaqueOrigin() ? null : createStore(dbName, storeName));
}
