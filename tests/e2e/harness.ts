import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { E2E_BUILD_DIR } from './build.ts';
import { node24, projectRoot } from './node.ts';

export {
	DEMO_PASSWORD,
	isSignedIn,
	launchBrowser,
	linkIn,
	mainNavigation,
	newPage,
	readMailInOutbox,
	signIn,
	submitForm
} from './browser.ts';

export type StartOptions = {
	/** Run against PostgreSQL instead of a fresh PGlite data directory. */
	databaseUrl?: string;
	/** Skip the seeded template and create (and seed) a new data directory; slower. */
	freshDataDir?: boolean;
	/** Use (and keep) this data directory instead of a temporary one. */
	dataDir?: string;
	/** More environment for the server (e.g. DEMO_DATA, SMTP_URL). */
	env?: Record<string, string>;
};

export type StopResult = { code: number | null; signal: NodeJS.Signals | null; ms: number };

export type App = {
	baseUrl: string;
	/** The temporary data directory, removed on stop (null on PostgreSQL or a given dataDir). */
	dataDir: string | null;
	/** The server's output so far (for failure messages). */
	output(): string;
	/** SIGTERM, then wait for the process to exit; kills it (and throws) after `timeoutMs`. */
	stop(timeoutMs?: number): Promise<StopResult>;
};

/** Environment the server must not inherit from the test process. */
const inheritedButOurs = [
	'DATABASE_URL',
	'DATA_DIR',
	'PORT',
	'HOST',
	'ORIGIN',
	'SMTP_URL',
	'DEMO_DATA',
	'AUTH_SECRET'
];

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() =>
				typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))
			);
		});
	});
}

function serverEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (key.startsWith('VITEST') || key === 'NODE_OPTIONS' || inheritedButOurs.includes(key)) continue;
		env[key] = value;
	}
	return {
		...env,
		NODE_ENV: 'production',
		LOG_LEVEL: 'warn',
		KNOTENPUNKT_BUILD_DIR: E2E_BUILD_DIR,
		...extra
	};
}

/** The seeded data directory made once per run by the global setup (see global-setup.ts). */
function seededTemplate(): string | undefined {
	try {
		return inject('seededDataDir' as never) as string | undefined;
	} catch {
		return undefined;
	}
}

/**
 * Starts the built app on a free port with its own data directory
 * (a copy of a freshly seeded demo database) or the given PostgreSQL database, and waits until it
 * answers. Starting costs seconds: share one app per test file.
 */
export async function startApp(options: StartOptions = {}): Promise<App> {
	// Built once per run by global-setup.ts; never rebuilt under running servers.
	if (!existsSync(path.join(projectRoot, E2E_BUILD_DIR, 'handler.js'))) {
		throw new Error(
			`There is no build in ${E2E_BUILD_DIR}/; run the e2e tests with their config (it builds).`
		);
	}
	const port = await freePort();
	let dataDir: string | null = null;
	const extra: Record<string, string> = { PORT: String(port), HOST: '127.0.0.1', ...options.env };
	if (options.databaseUrl) {
		extra.DATABASE_URL = options.databaseUrl;
	} else if (options.dataDir) {
		extra.DATA_DIR = options.dataDir;
	} else {
		dataDir = mkdtempSync(path.join(tmpdir(), 'kp-e2e-'));
		const template = options.freshDataDir ? undefined : seededTemplate();
		if (template) cpSync(template, dataDir, { recursive: true });
		extra.DATA_DIR = dataDir;
	}
	const child = spawn(node24(), ['server/index.ts'], {
		cwd: projectRoot,
		env: serverEnvironment(extra),
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const app = trackProcess(child, `http://localhost:${port}`, dataDir);
	try {
		await waitUntilServing(app.baseUrl, child, app.output);
	} catch (error) {
		await app.stop().catch(() => undefined);
		throw error;
	}
	return app;
}

function trackProcess(child: ChildProcess, baseUrl: string, dataDir: string | null): App {
	let output = '';
	const keep = (chunk: Buffer) => {
		output = (output + chunk.toString()).slice(-20_000);
	};
	child.stdout!.on('data', keep);
	child.stderr!.on('data', keep);
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
		if (child.exitCode !== null || child.signalCode !== null)
			resolve({ code: child.exitCode, signal: child.signalCode });
		child.once('exit', (code, signal) => resolve({ code, signal }));
	});
	let stopping: Promise<StopResult> | undefined;
	return {
		baseUrl,
		dataDir,
		output: () => output,
		stop(timeoutMs = 10_000) {
			stopping ??= (async () => {
				const started = performance.now();
				if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
				let timer: NodeJS.Timeout | undefined;
				const timedOut = new Promise<'timeout'>((resolve) => {
					timer = setTimeout(() => resolve('timeout'), timeoutMs);
				});
				const result = await Promise.race([exited, timedOut]);
				clearTimeout(timer);
				if (dataDir && result !== 'timeout') rmSync(dataDir, { recursive: true, force: true });
				if (result === 'timeout') {
					child.kill('SIGKILL');
					await exited;
					if (dataDir) rmSync(dataDir, { recursive: true, force: true });
					throw new Error(`The server did not exit within ${timeoutMs} ms of SIGTERM.\n${output}`);
				}
				return { ...result, ms: Math.round(performance.now() - started) };
			})();
			return stopping;
		}
	};
}

/** Polls /healthz (or `/` where there is no health route) until it answers 200. */
async function waitUntilServing(
	baseUrl: string,
	child: ChildProcess,
	output: () => string,
	timeoutMs = 120_000
) {
	const deadline = Date.now() + timeoutMs;
	let path = '/healthz';
	while (Date.now() < deadline) {
		if (child.exitCode !== null || child.signalCode !== null) {
			throw new Error(`The server exited before it answered (code ${child.exitCode}).\n${output()}`);
		}
		try {
			const response = await fetch(baseUrl + path, { redirect: 'manual', signal: AbortSignal.timeout(5000) });
			await response.arrayBuffer();
			if (response.status === 200) return;
			if (response.status === 404 && path === '/healthz') path = '/';
		} catch {
			// Not listening yet.
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`The server did not answer within ${timeoutMs} ms.\n${output()}`);
}
