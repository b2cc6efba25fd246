import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import * as schema from './schema/index.ts';

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

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
	if ('url' in target) {
		const { default: pg } = await import('pg');
		const pool = new pg.Pool({ connectionString: target.url, max: 10 });
		const db = drizzlePg(pool, { schema });
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
	if ('dataDir' in target) {
		dataDir = path.resolve(target.dataDir, 'pglite');
		mkdirSync(dataDir, { recursive: true });
	}
	const client = new PGlite({ dataDir, extensions: { pg_trgm } });
	await client.waitReady;
	const db = drizzlePglite(client, { schema }) as unknown as Database;
	return {
		db,
		driver: 'pglite',
		client,
		close: () => client.close(),
		ping: async () => {
			await client.query('select 1');
			return true;
		},
		migrate: () => migratePglite(db as never, { migrationsFolder })
	};
}
