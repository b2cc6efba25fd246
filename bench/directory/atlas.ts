/**
 * The atlas page under load: the built app on a benchmark database, next to a bare node:http
 * server answering with the same bytes in the same run (as `npm run bench` does for the home page).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { isBuildFresh } from '../../scripts/build-state.ts';
import { freePort, residentMiB, startProcess, stopProcess, waitFor200, type Started } from '../processes.ts';

export const BUILD_OUT = 'build-bench';
const KIT_OUT_DIR = '.svelte-kit-bench';

export type PageLoad = {
	path: string;
	requestsPerSecond: number;
	p50: number;
	p95: number;
	non2xx: number;
	errors: number;
	bytes: number;
};

/** Builds into build-bench unless that build is fresh (or BENCH_REUSE_BUILD=1 and it exists). */
export function ensureBuild(root: string, reuse: boolean): 'fresh' | 'reused' | 'built' {
	if (isBuildFresh(root, BUILD_OUT)) return 'fresh';
	if (reuse && existsSync(path.join(root, BUILD_OUT, 'handler.js'))) return 'reused';
	console.log(`Building the app into ${BUILD_OUT}/ …`);
	const built = spawnSync('npm', ['run', 'build'], {
		stdio: ['ignore', 'ignore', 'inherit'],
		env: { ...process.env, KIT_OUT_DIR, BUILD_OUT }
	});
	if (built.status !== 0) throw new Error(`The build failed (exit ${built.status}).`);
	return 'built';
}

async function load(url: string, connections: number, seconds: number) {
	const latencies: number[] = [];
	// Pages that take seconds under load still count: autocannon's default 10 s timeout would drop them.
	const options = { url, connections, duration: seconds, timeout: 60 };
	const instance = autocannon(options);
	instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) =>
		latencies.push(ms)
	);
	const result = await instance;
	latencies.sort((a, b) => a - b);
	const at = (q: number) =>
		latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
	return {
		requestsPerSecond: result.requests.total / seconds,
		p50: at(0.5),
		p95: at(0.95),
		non2xx: result.non2xx,
		errors: result.errors + result.timeouts
	};
}

function serverEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
	const env = { ...process.env };
	for (const key of ['DATABASE_URL', 'DATA_DIR', 'PORT', 'ORIGIN', 'SMTP_URL', 'KNOTENPUNKT_BUILD_DIR'])
		delete env[key];
	return { ...env, HOST: '127.0.0.1', NODE_ENV: 'production', LOG_LEVEL: 'warn', ...extra };
}

async function measureBare(
	body: Buffer,
	contentType: string,
	connections: number,
	seconds: number,
	warmup: number
) {
	const scratch = mkdtempSync(path.join(os.tmpdir(), 'kp-bench-bare-'));
	const file = path.join(scratch, 'page');
	writeFileSync(file, body);
	const port = await freePort();
	const source = `const http = require('node:http'); const body = require('node:fs').readFileSync(${JSON.stringify(file)});
		http.createServer((req, res) => { res.writeHead(200, { 'content-type': ${JSON.stringify(contentType)}, 'content-length': body.length }); res.end(body); })
			.listen(${port}, '127.0.0.1');`;
	let started: Started | undefined;
	try {
		started = startProcess(process.execPath, ['-e', source], process.env);
		const url = `http://127.0.0.1:${port}/`;
		await waitFor200(url, started, performance.now());
		await load(url, connections, warmup);
		return await load(url, connections, seconds);
	} finally {
		if (started) await stopProcess(started);
		rmSync(scratch, { recursive: true, force: true });
	}
}

/**
 * Starts the built server on `databaseUrl`, loads each path that answers 200, then the bare
 * baseline with the first such path's bytes. Paths that don't answer 200 are returned as skipped.
 */
export async function measurePages(
	databaseUrl: string,
	paths: string[],
	options: { connections: number; seconds: number; warmup: number }
) {
	const port = await freePort();
	const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kp-bench-app-'));
	const started = startProcess(
		process.execPath,
		['server/index.ts'],
		serverEnv({
			PORT: String(port),
			DATABASE_URL: databaseUrl,
			DATA_DIR: dataDir,
			KNOTENPUNKT_BUILD_DIR: BUILD_OUT
		})
	);
	const pages: PageLoad[] = [];
	const skipped: { path: string; status: number }[] = [];
	let sample: { body: Buffer; contentType: string } | undefined;
	let rssMiB = 0;
	try {
		const base = `http://127.0.0.1:${port}`;
		await waitFor200(`${base}/`, started, performance.now());
		for (const pagePath of paths) {
			const response = await fetch(base + pagePath);
			const body = Buffer.from(await response.arrayBuffer());
			if (response.status !== 200) {
				skipped.push({ path: pagePath, status: response.status });
				continue;
			}
			sample ??= { body, contentType: response.headers.get('content-type') ?? 'text/html' };
			console.log(`  ${pagePath} (${Math.round(body.length / 1024)} KiB)…`);
			await load(base + pagePath, options.connections, options.warmup);
			pages.push({
				path: pagePath,
				bytes: body.length,
				...(await load(base + pagePath, options.connections, options.seconds))
			});
		}
		rssMiB = residentMiB(started.child.pid!);
	} finally {
		await stopProcess(started);
		rmSync(dataDir, { recursive: true, force: true });
	}
	console.log('  bare node:http with the same bytes…');
	const bare = sample
		? await measureBare(sample.body, sample.contentType, options.connections, options.seconds, options.warmup)
		: undefined;
	return { pages, skipped, bare, bareBytes: sample?.body.length ?? 0, rssMiB };
}
