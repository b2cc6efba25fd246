/**
 * `npm run bench`: start-up time, memory and home-page throughput of the built app on this machine,
 * next to a bare node:http server serving the same bytes in the same run. Loopback only; each
 * measurement is bounded to seconds. Absolute numbers are noisy: compare the ratios of one run.
 * Writes the results as a markdown block to test-results/benchmark.md (for docs/benchmarks.md).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { isBuildFresh } from '../scripts/build-state.ts';
import { freePort, residentMiB, startProcess, stopProcess, waitFor200, type Started } from './processes.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const CONNECTIONS = 20;
const LOAD_SECONDS = 10;
const WARMUP_SECONDS = 3;
const node = process.execPath;
const scratch = mkdtempSync(path.join(os.tmpdir(), 'kp-bench-'));
const lines: string[] = [];

function report(line = '') {
	console.log(line);
	lines.push(line);
}

function serverEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
	const env = { ...process.env };
	for (const key of ['DATABASE_URL', 'DATA_DIR', 'PORT', 'ORIGIN', 'SMTP_URL', 'KNOTENPUNKT_BUILD_DIR'])
		delete env[key];
	return { ...env, HOST: '127.0.0.1', NODE_ENV: 'production', ...extra };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** `npm start` until the first 200 on `/`; a sample during which npm start had to build is repeated. */
async function timeNpmStart(env: Record<string, string>): Promise<number> {
	for (let attempt = 0; attempt < 3; attempt++) {
		const port = await freePort();
		const since = performance.now();
		const started = startProcess('npm', ['start'], serverEnv({ PORT: String(port), ...env }));
		try {
			const ms = await waitFor200(`http://127.0.0.1:${port}/`, started, since);
			if (!started.output().includes('Building Knotenpunkt')) return ms;
			console.log('  (npm start rebuilt the app during this sample; measuring again)');
		} finally {
			await stopProcess(started);
		}
	}
	throw new Error('npm start rebuilt the app on every attempt: are sources being edited?');
}

type Load = { requestsPerSecond: number; p95: number; p50: number; non2xx: number; errors: number };

async function load(url: string, durationSeconds: number): Promise<Load> {
	const latencies: number[] = [];
	const instance = autocannon({ url, connections: CONNECTIONS, duration: durationSeconds });
	instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) =>
		latencies.push(ms)
	);
	const result = await instance;
	latencies.sort((a, b) => a - b);
	const at = (q: number) =>
		latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
	return {
		requestsPerSecond: result.requests.total / durationSeconds,
		p95: at(0.95),
		p50: at(0.5),
		non2xx: result.non2xx,
		errors: result.errors + result.timeouts
	};
}

/** The built server directly (so its pid is the server's), warmed up, then measured. */
async function measureServer(
	env: Record<string, string>
): Promise<{ load: Load; idleMiB: number; rssMiB: number; body: Buffer }> {
	const port = await freePort();
	const started = startProcess(node, ['server/index.ts'], serverEnv({ PORT: String(port), ...env }));
	try {
		const url = `http://127.0.0.1:${port}/`;
		await waitFor200(url, started, performance.now());
		const idleMiB = residentMiB(started.child.pid!);
		await load(url, WARMUP_SECONDS);
		const result = await load(url, LOAD_SECONDS);
		const rssMiB = residentMiB(started.child.pid!);
		const body = Buffer.from(await (await fetch(url)).arrayBuffer());
		return { load: result, idleMiB, rssMiB, body };
	} finally {
		await stopProcess(started);
	}
}

/** A bare node:http server in its own process, answering every request with the given bytes. */
async function measureBare(body: Buffer): Promise<Load> {
	const file = path.join(scratch, 'home.html');
	writeFileSync(file, body);
	const port = await freePort();
	const source = `const http = require('node:http'); const body = require('node:fs').readFileSync(${JSON.stringify(file)});
		http.createServer((req, res) => { res.writeHead(200, { 'content-type': 'text/html', 'content-length': body.length }); res.end(body); })
			.listen(${port}, '127.0.0.1');`;
	let started: Started | undefined;
	try {
		started = startProcess(node, ['-e', source], process.env);
		const url = `http://127.0.0.1:${port}/`;
		await waitFor200(url, started, performance.now());
		await load(url, WARMUP_SECONDS);
		return await load(url, LOAD_SECONDS);
	} finally {
		if (started) await stopProcess(started);
	}
}

async function postgresUrl(): Promise<{ adminUrl: string; version: string } | null> {
	const adminUrl =
		process.env.BENCH_DATABASE_URL ??
		process.env.TEST_DATABASE_URL ??
		'postgres://postgres@127.0.0.1:5432/postgres';
	const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
	try {
		await client.connect();
		const { rows } = await client.query<{ server_version: string }>('show server_version');
		return { adminUrl, version: rows[0]!.server_version };
	} catch {
		return null;
	} finally {
		await client.end().catch(() => undefined);
	}
}

async function withDatabase<T>(adminUrl: string, use: (url: string) => Promise<T>): Promise<T> {
	const name = `kp_bench_${Date.now().toString(36)}`;
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	await admin.query(`create database "${name}"`);
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	try {
		return await use(url.toString());
	} finally {
		await admin.query(`drop database if exists "${name}" with (force)`);
		await admin.end();
	}
}

function loadRow(label: string, result: Load, bare?: Load) {
	const ratio = bare ? `${((result.requestsPerSecond / bare.requestsPerSecond) * 100).toFixed(1)} %` : '—';
	const problems =
		result.non2xx + result.errors ? ` (${result.non2xx} non-2xx, ${result.errors} errors)` : '';
	return `| ${label} | ${Math.round(result.requestsPerSecond)}${problems} | ${result.p50.toFixed(0)} ms | ${result.p95.toFixed(0)} ms | ${ratio} |`;
}

// ── Run ─────────────────────────────────────────────────────────────────────────────────────────

const runStarted = performance.now();
if (!isBuildFresh(root)) {
	console.log('Building the app first (the build is missing or stale)…');
	const built = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
	if (built.status !== 0) process.exit(built.status ?? 1);
}

try {
	const cpus = os.cpus();
	const database = await postgresUrl();
	report(
		`### ${new Date().toISOString().slice(0, 10)}: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`
	);
	report();
	report(
		`Node ${process.versions.node}, ${os.type()} ${os.release()}, PostgreSQL ${database?.version ?? 'not reachable'}; ` +
			`${CONNECTIONS} connections, ${LOAD_SECONDS} s per load run after ${WARMUP_SECONDS} s warm-up, loopback.`
	);
	report();

	console.log('Start-up on a new data directory (npm start; migrates and seeds the demo network)…');
	const dataDirs = [path.join(scratch, 'new-1'), path.join(scratch, 'new-2')];
	const fresh: number[] = [];
	for (const dir of dataDirs) fresh.push(await timeNpmStart({ DATA_DIR: dir }));
	console.log('Start-up on an existing data directory…');
	const existing: number[] = [];
	for (let i = 0; i < 3; i++) existing.push(await timeNpmStart({ DATA_DIR: dataDirs[0]! }));

	console.log('Home page under load on PGlite…');
	const pglite = await measureServer({ DATA_DIR: dataDirs[1]! });
	console.log('The same bytes from a bare node:http server…');
	const bare = await measureBare(pglite.body);

	let postgres: { fresh: number; existing: number; load: Load; idleMiB: number; rssMiB: number } | null =
		null;
	if (database) {
		console.log('PostgreSQL: start-up on a new and an existing database, then the home page under load…');
		postgres = await withDatabase(database.adminUrl, async (url) => ({
			fresh: await timeNpmStart({ DATABASE_URL: url }),
			existing: await timeNpmStart({ DATABASE_URL: url }),
			...(await measureServer({ DATABASE_URL: url }))
		}));
	}

	report('| start-up (`npm start` → first 200 on `/`) | median | samples |');
	report('|---|---|---|');
	report(
		`| new data directory (migrate + seed demo) | ${seconds(median(fresh))} | ${fresh.map(seconds).join(', ')} |`
	);
	report(`| existing data directory | ${seconds(median(existing))} | ${existing.map(seconds).join(', ')} |`);
	if (postgres) {
		report(`| PostgreSQL, new database (migrate + seed demo) | ${seconds(postgres.fresh)} | one sample |`);
		report(`| PostgreSQL, existing database | ${seconds(postgres.existing)} | one sample |`);
	}
	report();
	report('| home page `/` | req/s | p50 | p95 | vs. bare node:http |');
	report('|---|---|---|---|---|');
	report(loadRow('bare node:http, same bytes', bare));
	report(loadRow('Knotenpunkt on PGlite', pglite.load, bare));
	if (postgres) report(loadRow('Knotenpunkt on PostgreSQL', postgres.load, bare));
	report();
	report('| server RSS (MiB) | after the first 200 | after the load runs |');
	report('|---|---|---|');
	report(`| PGlite (embedded) | ${pglite.idleMiB} | ${pglite.rssMiB} |`);
	report(
		postgres
			? `| PostgreSQL (pg pool) | ${postgres.idleMiB} | ${postgres.rssMiB} |`
			: '| PostgreSQL | not measured: no server reachable | |'
	);
	if (!database)
		console.log('\nNote: no PostgreSQL reachable (set BENCH_DATABASE_URL); its part was skipped.');

	mkdirSync('test-results', { recursive: true });
	writeFileSync('test-results/benchmark.md', lines.join('\n') + '\n');
	console.log(
		`\nWritten to test-results/benchmark.md (${Math.round((performance.now() - runStarted) / 1000)} s).`
	);
} finally {
	rmSync(scratch, { recursive: true, force: true });
}
