import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import * as schema from './schema/index.ts';
import { withAfterCommit } from './after-commit.ts';

/** Both drivers speak the same dialect; code is typed against node-postgres' flavour. */
export type Database = NodePgDatabase<typeof schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
export type DatabaseOrTransaction = Database | Transaction;

export type DatabaseHandle = {
	db: Database;
	driver: 'pglite' | 'pg';
	/** The underlying client, for pg-boss and health checks. */
	client: unknown;
	close(): Promise<void>;
	ping(): Promise<boolean>;
	migrate(): Promise<void>;
};

export type DatabaseTarget = { url: string } | { dataDir: string } | { memory: true };

const migrationsFolder = path.resolve(process.cwd(), 'drizzle');

/**
 * Session settings for every connection. pg_trgm's default word-similarity threshold (0.6) misses
 * one-letter slips in short names ("Piesbrg"); 0.5 catches them, and as a setting (rather than a
 * `word_similarity() >= x` expression) the `<%` operator can still use the trigram index.
 */
const SESSION_SETTINGS = {
	'pg_trgm.word_similarity_threshold': '0.5',
	// Index pages are cheap to read on SSDs (and in memory for PGlite); at the default of 4 the
	// planner prefers reading every organisation over combining the search indexes.
	random_page_cost: '1.1'
};

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
	if ('url' in target) {
		const { default: pg } = await import('pg');
		const pool = new pg.Pool({
			connectionString: target.url,
			max: 10,
			options: Object.entries(SESSION_SETTINGS)
				.map(([name, value]) => `-c ${name}=${value}`)
				.join(' ')
		});
		const db = withAfterCommit(drizzlePg(pool, { schema }));
		return {
			db,
			driver: 'pg',
			client: pool,
			close: () => pool.end(),
			ping: async () => {
				await pool.query('select 1');
				return true;
			},
			migrate: () => migratePg(db, { migrationsFolder })
		};
	}
	const { PGlite } = await import('@electric-sql/pglite');
	const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
	let dataDir: string | undefined;
	let releaseLock = () => {};
	if ('dataDir' in target) {
		dataDir = path.resolve(target.dataDir, 'pglite');
		mkdirSync(dataDir, { recursive: true });
		releaseLock = lockDataDir(path.resolve(target.dataDir));
	}
	const client = new PGlite({ dataDir, extensions: { pg_trgm } });
	try {
		await client.waitReady;
		for (const [name, value] of Object.entries(SESSION_SETTINGS))
			await client.query('select set_config($1, $2, false)', [name, value]);
	} catch (error) {
		releaseLock();
		throw error;
	}
	const db = withAfterCommit(drizzlePglite(client, { schema }) as unknown as Database);
	return {
		db,
		driver: 'pglite',
		client,
		close: async () => {
			await client.close();
			releaseLock();
		},
		ping: async () => {
			await client.query('select 1');
			return true;
		},
		migrate: () => migratePglite(db as never, { migrationsFolder })
	};
}

export class DataDirInUseError extends Error {
	override name = 'StartupError';
}

/**
 * PGlite serves exactly one process. A second server (or `npm run admin`) on the same data directory
 * would corrupt it, so the directory carries the pid of its user while it is open.
 */
function lockDataDir(directory: string): () => void {
	const lockFile = path.join(directory, 'knotenpunkt.pid');
	if (existsSync(lockFile)) {
		const pid = Number(readFileSync(lockFile, 'utf8').trim());
		if (pid && pid !== process.pid && isAlive(pid)) {
			throw new DataDirInUseError(
				`The data directory ${directory} is in use by another Knotenpunkt process (pid ${pid}). ` +
					'The embedded database serves one process at a time: stop that process first, or use DATABASE_URL.'
			);
		}
	}
	writeFileSync(lockFile, String(process.pid));
	return () => rmSync(lockFile, { force: true });
}

function isAlive(pid: number) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}
