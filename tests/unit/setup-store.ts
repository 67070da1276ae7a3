/**
 * Unit tests (node): an in-memory IndexedDB (fake-indexeddb) for the ticket store and the credential
 * store, emptied before each test, as `fakeBrowser.reset()` empties extension storage. (The store's
 * cache notices: its `meta.rev` is gone.)
 */
import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { deleteStore } from '../../lib/storage/db';
import { deleteSecrets } from '../../lib/storage/secrets-db';

beforeEach(async () => {
  await deleteStore();
  await deleteSecrets();
});
