import { config } from '../config.ts';
import { openDatabase, type DatabaseHandle } from './client.ts';

export type { Database, DatabaseHandle, Transaction, DatabaseOrTransaction } from './client.ts';

/**
 * One database handle per process. Kept on globalThis so that a hot reload in `vite dev` does not
 * open a second PGlite instance on the same directory.
 */
const holder = globalThis as unknown as { __knotenpunktDb?: Promise<DatabaseHandle> };

export function databaseHandle(): Promise<DatabaseHandle> {
	holder.__knotenpunktDb ??= (async () => {
		const { DATABASE_URL, DATA_DIR } = config();
		return openDatabase(DATABASE_URL ? { url: DATABASE_URL } : { dataDir: DATA_DIR });
	})();
	return holder.__knotenpunktDb;
}

export async function db() {
	return (await databaseHandle()).db;
}

export async function closeDatabase() {
	const pending = holder.__knotenpunktDb;
	holder.__knotenpunktDb = undefined;
	if (pending) await (await pending).close();
}

/** Tests install their own freshly migrated database. */
export function useDatabaseForTests(handle: DatabaseHandle) {
	holder.__knotenpunktDb = Promise.resolve(handle);
}
