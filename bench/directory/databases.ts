/**
 * Fresh, migrated databases for the benchmark: PGlite in a temporary directory, or a uniquely
 * named PostgreSQL database that is dropped afterwards (also when the run fails).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/lib/server/db/client.ts';

export type Backend = 'pglite' | 'postgres';
export type BenchDatabase = { handle: DatabaseHandle; url?: string; dispose(): Promise<void> };

export async function postgresVersion(adminUrl: string): Promise<string | null> {
	const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
	try {
		await client.connect();
		const { rows } = await client.query<{ server_version: string }>('show server_version');
		return rows[0]!.server_version;
	} catch {
		return null;
	} finally {
		await client.end().catch(() => undefined);
	}
}

/** Databases created by this process, so an interrupted run still drops them on exit. */
const created = new Set<string>();

async function dropDatabase(adminUrl: string, name: string) {
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	try {
		await admin.query(`drop database if exists "${name}" with (force)`);
		created.delete(name);
	} finally {
		await admin.end();
	}
}

export async function dropLeftovers(adminUrl: string) {
	for (const name of [...created]) await dropDatabase(adminUrl, name).catch(() => undefined);
}

export async function openBenchDatabase(backend: Backend, adminUrl: string): Promise<BenchDatabase> {
	if (backend === 'pglite') {
		const dir = mkdtempSync(path.join(os.tmpdir(), 'kp-bench-dir-'));
		try {
			const handle = await openDatabase({ dataDir: dir });
			await handle.migrate();
			return {
				handle,
				dispose: async () => {
					await handle.close().catch(() => undefined);
					rmSync(dir, { recursive: true, force: true });
				}
			};
		} catch (error) {
			rmSync(dir, { recursive: true, force: true });
			throw error;
		}
	}
	const name = `kp_bench_dir_${process.pid}_${Date.now().toString(36)}`;
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	try {
		await admin.query(`create database "${name}"`);
		created.add(name);
	} finally {
		await admin.end();
	}
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	try {
		const handle = await openDatabase({ url: url.toString() });
		await handle.migrate();
		return {
			handle,
			url: url.toString(),
			dispose: async () => {
				await handle.close().catch(() => undefined);
				await dropDatabase(adminUrl, name);
			}
		};
	} catch (error) {
		await dropDatabase(adminUrl, name);
		throw error;
	}
}
