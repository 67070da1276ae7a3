/**
 * One connection per worker to an IndexedDB database, through `idb`: opened on first use, let go when
 * a newer version elsewhere needs it (`blocking`) or the browser closed it (`terminated`), so the next
 * call opens it again; and deletion (tests, "clear everything"). Shared by the ticket store (db.ts)
 * and the credential store (secrets-db.ts). No WXT imports.
 */
import { openDB, type DBSchema, type IDBPDatabase, type OpenDBCallbacks } from 'idb';

export interface DatabaseOpener<DB extends DBSchema> {
  open(): Promise<IDBPDatabase<DB>>;
  /** Closes this worker's connection and deletes the database. */
  remove(): Promise<void>;
}

export function databaseOpener<DB extends DBSchema>(
  name: string,
  version: number,
  upgrade: NonNullable<OpenDBCallbacks<DB>['upgrade']>,
  /** Named in the error when deleting fails: "the ticket store". */
  what: string,
): DatabaseOpener<DB> {
  let opening: Promise<IDBPDatabase<DB>> | null = null;
  const open = (): Promise<IDBPDatabase<DB>> => {
    if (!opening) {
      const p = openDB<DB>(name, version, {
        upgrade,
        blocking() {
          void p.then((db) => db.close());
          opening = null;
        },
        terminated() {
          opening = null;
        },
      });
      opening = p;
      p.catch(() => {
        if (opening === p) opening = null;
      });
    }
    return opening;
  };
  const remove = async (): Promise<void> => {
    const p = opening;
    opening = null;
    if (p) await p.then((db) => db.close()).catch(() => undefined);
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.deleteDatabase(name);
      req.onsuccess = () => resolve();
      req.onerror = () => reject(req.error ?? new Error(`could not delete ${what}`));
      req.onblocked = () => resolve();
    });
  };
  return { open, remove };
}
