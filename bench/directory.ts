/**
 * `npm run bench:directory`: the directory search at 10,000 and 100,000 synthetic organisations on
 * PostgreSQL and PGlite — p50/p95 per query type with 10 concurrent clients — and the atlas page's
 * req/s next to a bare node:http server. Writes a markdown block to test-results/directory-benchmark.md
 * and, for query types that miss the target, their plans to test-results/directory-explain.txt.
 *
 * Overrides: BENCH_SIZES=10000 (comma-separated, ascending), BENCH_BACKENDS=postgres,pglite,
 * BENCH_SECONDS=5 (per query type), BENCH_WARMUP=1, BENCH_CLIENTS=10, BENCH_ATLAS=0 to skip the
 * page load, BENCH_REUSE_BUILD=1 to use an existing build-bench/ even if stale, BENCH_DATABASE_URL.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DirectoryQuery } from '../src/lib/directory/query.ts';
import { useDatabaseForTests } from '../src/lib/server/db/index.ts';
import { searchDirectory } from '../src/lib/server/directory/queries.ts';
import { setDirectoryCacheEnabled } from '../src/lib/server/directory/cache.ts';
import type { Audience } from '../src/lib/server/policy/policy.ts';
import { ensureBuild, measurePages } from './directory/atlas.ts';
import { dropLeftovers, openBenchDatabase, postgresVersion, type Backend } from './directory/databases.ts';
import { explainSearch } from './directory/explain.ts';
import { createPopulation, growPopulation, timeRefresh, type GrowthTiming } from './directory/generate.ts';
import { runClients, type Measured } from './directory/load.ts';
import { queryTypes } from './directory/mix.ts';
import { createRandom } from './directory/random.ts';
import { atlasTable, mixTable, populationTable, type MixRow } from './directory/report.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const env = process.env;
const sizes = (env.BENCH_SIZES ?? '10000,100000')
	.split(',')
	.map(Number)
	.sort((a, b) => a - b);
const backends = (env.BENCH_BACKENDS ?? 'postgres,pglite').split(',') as Backend[];
const SECONDS = Number(env.BENCH_SECONDS ?? 5);
const WARMUP = Number(env.BENCH_WARMUP ?? 1);
const CLIENTS = Number(env.BENCH_CLIENTS ?? 10);
const ATLAS = env.BENCH_ATLAS !== '0';
const REFRESH_CHUNK = 5000;
const TARGET_MS = 15;
const adminUrl =
	env.BENCH_DATABASE_URL ?? env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const lines: string[] = [];
const report = (line = '') => {
	console.log(line);
	lines.push(line);
};
const explains: string[] = [];

type Listed = Exclude<Audience, 'office'>;
type Worst = { query: DirectoryQuery; audience: Audience; ms: number };

/**
 * The mix, uncached (every request runs its statements) or cached (as the app serves it: a query
 * seen in the last 30 s, with no change since, is answered from memory).
 */
async function runMix(networkId: string, sampleNames: string[], cached: boolean): Promise<MixRow[]> {
	setDirectoryCacheEnabled(cached);
	const rows: MixRow[] = [];
	for (const [index, type] of queryTypes(sampleNames).entries()) {
		const worst: Worst = { query: type.next(createRandomFor(index)), audience: 'public', ms: 0 };
		const totals: number[] = [];
		const request = async (random: ReturnType<typeof createRandomFor>, client: number, iteration: number) => {
			const audience: Listed = (client + iteration) % 2 ? 'members' : 'public';
			const query = type.next(random);
			const t0 = performance.now();
			const result = await searchDirectory(networkId, audience, query);
			const ms = performance.now() - t0;
			if (ms > worst.ms) Object.assign(worst, { query, audience, ms });
			totals.push(result.total);
			return audience;
		};
		if (WARMUP > 0) await runClients(CLIENTS, WARMUP, 1000 + index, request);
		totals.length = 0;
		worst.ms = 0;
		const measured: Measured<Listed> = await runClients(CLIENTS, SECONDS, index + 1, request);
		if (measured.errors)
			console.error(`  ${type.key}: ${measured.errors} errors, first:`, measured.firstError);
		totals.sort((a, b) => a - b);
		rows.push({
			type,
			measured,
			medianTotal: totals[Math.floor(totals.length / 2)] ?? 0,
			worst: { ...worst }
		});
		console.log(
			`  ${type.key.padEnd(10)} ${Math.round(measured.requestsPerSecond)} req/s, p50 ${measured.all.p50.toFixed(1)} ms, p95 ${measured.all.p95.toFixed(1)} ms`
		);
	}
	return rows;
}

const createRandomFor = (index: number) => createRandom(4242 + index);

function committed(file: string) {
	try {
		execFileSync('git', ['ls-files', '--error-unmatch', file], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

// ── Run ─────────────────────────────────────────────────────────────────────────────────────────

const runStarted = performance.now();
process.once('SIGINT', () => {
	void dropLeftovers(adminUrl).finally(() => process.exit(130));
});

const cpus = os.cpus();
const pgVersion = backends.includes('postgres') ? await postgresVersion(adminUrl) : null;
if (backends.includes('postgres') && !pgVersion) {
	console.log(`No PostgreSQL at ${adminUrl}: measuring PGlite only.`);
	backends.splice(backends.indexOf('postgres'), 1);
}
const heading =
	`### Directory search, ${new Date().toISOString().slice(0, 10)}: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, ` +
	`${Math.round(os.totalmem() / 2 ** 30)} GiB`;
const populations: { backend: Backend; size: number; timing: GrowthTiming }[] = [];
const refreshCosts: { backend: Backend; size: number; msPerOrganisation: number }[] = [];
const mixes: { backend: Backend; size: number; rows: MixRow[]; cached: boolean }[] = [];
let atlas: Awaited<ReturnType<typeof measurePages>> | undefined;
let atlasNote = '';

try {
	for (const backend of backends) {
		const database = await openBenchDatabase(backend, adminUrl);
		try {
			useDatabaseForTests(database.handle);
			const population = await createPopulation(database.handle.db);
			for (const size of sizes) {
				console.log(`${backend}: growing to ${size.toLocaleString('en')} organisations…`);
				const timing = await growPopulation(database.handle.db, population, size, {
					bulk: backend === 'postgres',
					refreshChunk: REFRESH_CHUNK
				});
				populations.push({ backend, size, timing });
				console.log(
					`  insert ${timing.insert.toFixed(1)} s, refresh ${timing.refresh.toFixed(1)} s, indexes ${timing.indexes.toFixed(1)} s, vacuum/analyze ${timing.analyze.toFixed(1)} s`
				);
				console.log(`${backend}, ${size.toLocaleString('en')}: query mix uncached, ${CLIENTS} clients…`);
				const rows = await runMix(population.networkId, population.sampleNames, false);
				mixes.push({ backend, size, rows, cached: false });
				console.log(`${backend}, ${size.toLocaleString('en')}: query mix cached, ${CLIENTS} clients…`);
				const cachedRows = await runMix(population.networkId, population.sampleNames, true);
				mixes.push({ backend, size, rows: cachedRows, cached: true });
				if (size !== sizes.at(-1)) continue;

				setDirectoryCacheEnabled(false);
				const msPerOrganisation = await timeRefresh(database.handle.db, population, 1000);
				refreshCosts.push({ backend, size, msPerOrganisation });
				if (backend !== 'postgres') continue;
				setDirectoryCacheEnabled(false);
				for (const row of rows.filter((r) => r.measured.all.p95 > TARGET_MS)) {
					const plan = await explainSearch(
						database.handle,
						population.networkId,
						row.worst.audience,
						row.worst.query
					);
					explains.push(
						`## ${row.type.key} (${row.type.label}) — p95 ${row.measured.all.p95.toFixed(1)} ms at ${size} organisations\n` +
							`audience ${row.worst.audience}, query ${JSON.stringify(row.worst.query)}\n\n${plan}\n`
					);
				}
				if (ATLAS && database.url) {
					const atlasCommitted = committed('src/routes/atlas/+page.server.ts');
					const build = ensureBuild(root, env.BENCH_REUSE_BUILD === '1');
					atlasNote =
						`build-bench/ ${build === 'reused' ? 'reused (stale)' : build === 'fresh' ? 'fresh' : 'built for this run'} from the working tree; ` +
						`the atlas route is ${atlasCommitted ? 'committed' : 'not committed yet (measured as in the working tree)'}.`;
					console.log('Atlas pages under load (PostgreSQL, largest size)…');
					atlas = await measurePages(
						database.url,
						['/atlas?q=Batterie', '/atlas', '/api/v1/organisations?q=Batterie'],
						{
							connections: CLIENTS,
							seconds: 10,
							warmup: 2
						}
					);
				}
			}
		} finally {
			await database.dispose();
		}
	}

	report(heading);
	report();
	report(
		`Node ${process.versions.node}, ${os.type()} ${os.release()}, PostgreSQL ${pgVersion ?? 'not reachable'}, PGlite in a temporary directory; ` +
			`${CLIENTS} concurrent clients calling \`searchDirectory\` in-process (page size 20, facets on, as the atlas), ` +
			`${SECONDS} s per query type after ${WARMUP} s warm-up; requests alternate between the public and the members' audience. ` +
			`PGlite has one connection: its ${CLIENTS} clients queue, so its latencies include the wait for the others.`
	);
	report();
	for (const line of populationTable(populations, refreshCosts)) report(line);
	for (const mix of mixes) {
		report();
		report(
			`**${mix.backend === 'postgres' ? 'PostgreSQL' : 'PGlite'}, ${mix.size.toLocaleString('en')} organisations, ${mix.cached ? 'cached (as served)' : 'uncached'}**`
		);
		report();
		for (const line of mixTable(mix.rows, mix.backend === 'postgres' ? TARGET_MS : undefined)) report(line);
	}
	if (atlas) {
		report();
		for (const line of atlasTable(atlas, sizes.at(-1)!, CLIENTS)) report(line);
		report();
		report(atlasNote);
	}
	mkdirSync('test-results', { recursive: true });
	writeFileSync('test-results/directory-benchmark.md', lines.join('\n') + '\n');
	if (explains.length) writeFileSync('test-results/directory-explain.txt', explains.join('\n'));
	console.log(
		`\nWritten to test-results/directory-benchmark.md${explains.length ? ' (plans: test-results/directory-explain.txt)' : ''} ` +
			`in ${Math.round((performance.now() - runStarted) / 1000)} s.`
	);
} finally {
	await dropLeftovers(adminUrl);
}
