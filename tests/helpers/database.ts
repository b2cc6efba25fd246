import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/lib/server/db/client.ts';
import { useDatabaseForTests, closeDatabase } from '../../src/lib/server/db/index.ts';

/**
 * A freshly migrated database for one test file: in-memory PGlite by default, or — when
 * TEST_DATABASE_URL is set — a newly created PostgreSQL database that is dropped afterwards.
 * A migration failure fails the file loudly.
 */
export async function createTestDatabase(): Promise<DatabaseHandle & { drop(): Promise<void> }> {
	const adminUrl = process.env.TEST_DATABASE_URL;
	if (!adminUrl) {
		const handle = await openDatabase({ memory: true });
		await handle.migrate();
		return { ...handle, drop: async () => undefined };
	}
	const name = `kp_test_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	await admin.query(`create database "${name}"`);
	await admin.end();
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	const handle = await openDatabase({ url: url.toString() });
	await handle.migrate();
	return {
		...handle,
		drop: async () => {
			const cleanup = new pg.Client({ connectionString: adminUrl });
			await cleanup.connect();
			try {
				// The pool's sockets may still be closing; wait for them instead of killing them.
				for (let attempt = 0; ; attempt++) {
					try {
						await cleanup.query(`drop database if exists "${name}"`);
						break;
					} catch (error) {
						if ((error as { code?: string }).code !== '55006' || attempt > 50) throw error;
						await new Promise((resolve) => setTimeout(resolve, 100));
					}
				}
			} finally {
				await cleanup.end();
			}
		}
	};
}

/** Installs a fresh database as the app's database for this test file. Call in beforeAll. */
export async function useFreshDatabase() {
	const handle = await createTestDatabase();
	useDatabaseForTests(handle);
	return {
		handle,
		db: handle.db,
		async close() {
			// closeDatabase() closes the handle; drop() then removes the PostgreSQL database.
			await closeDatabase();
			await handle.drop();
		}
	};
}
