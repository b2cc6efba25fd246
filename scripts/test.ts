/**
 * `npm test`: the three test tiers, one after another, each with a summary.
 *   unit  unit and integration tests on PGlite (vitest.config.ts)
 *   pg    the database tests again on PostgreSQL, when TEST_DATABASE_URL is set
 *   e2e   browser journeys through the built app in Chromium (tests/e2e/vitest.config.ts)
 * `npm test -- e2e` (or `unit`, `pg`) runs only the named tiers. A tier that should run and runs
 * no test fails the run, so a broken filter or config cannot pass silently.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_MISSING, CHROMIUM_PATH, hasChromium } from '../tests/e2e/browser.ts';
import { ensureE2eBuild } from '../tests/e2e/build.ts';
import { node24 } from '../tests/e2e/node.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

type TierName = 'unit' | 'pg' | 'e2e';
type TierResult = {
	name: TierName;
	title: string;
	passed: number;
	failed: number;
	skipped: number;
	files: number;
	seconds: number;
	problem?: string;
};

const allTiers: TierName[] = ['unit', 'pg', 'e2e'];
const requested = process.argv.slice(2).filter((arg): arg is TierName => allTiers.includes(arg as TierName));
const unknown = process.argv.slice(2).filter((arg) => !allTiers.includes(arg as TierName));
if (unknown.length > 0) {
	console.error(`Unknown tier ${unknown.join(', ')}; the tiers are ${allTiers.join(', ')}.`);
	process.exit(2);
}
const tiers = requested.length > 0 ? requested : allTiers;
const testDatabaseUrl = process.env.TEST_DATABASE_URL || undefined;
const vitestBin = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const reportDir = mkdtempSync(path.join(tmpdir(), 'kp-test-report-'));
const runStarted = performance.now();

function heading(text: string) {
	console.log(`\n━━ ${text} ${'━'.repeat(Math.max(3, 76 - text.length))}`);
}

const seconds = (since: number) => Math.round((performance.now() - since) / 100) / 10;

/** The environment for a tier: the database tiers must not see each other's settings. */
function environment(extra: Record<string, string | undefined>) {
	const env = { ...process.env, ...extra };
	for (const [key, value] of Object.entries(extra)) if (value === undefined) delete env[key];
	return env;
}

type VitestJson = {
	numPassedTests: number;
	numFailedTests: number;
	numPendingTests: number;
	numTodoTests: number;
	numTotalTestSuites: number;
	numFailedTestSuites: number;
	testResults: { name: string; status: string; message?: string; assertionResults: { status: string }[] }[];
};

async function runVitest(
	name: TierName,
	title: string,
	args: string[],
	env: NodeJS.ProcessEnv
): Promise<TierResult> {
	const started = performance.now();
	const report = path.join(reportDir, `${name}.json`);
	const child = spawn(
		node24(),
		[vitestBin, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args],
		{ stdio: 'inherit', env }
	);
	const code = await new Promise<number>((resolve) => child.on('close', (status) => resolve(status ?? 1)));
	const result: TierResult = { name, title, passed: 0, failed: 0, skipped: 0, files: 0, seconds: 0 };
	if (existsSync(report)) {
		const json = JSON.parse(readFileSync(report, 'utf8')) as VitestJson;
		result.passed = json.numPassedTests;
		result.failed = json.numFailedTests;
		result.skipped = json.numPendingTests + json.numTodoTests;
		result.files = json.testResults.length;
		// A file whose setup failed fails none of its tests (they are skipped): count it as one failure.
		const brokenFiles = json.testResults.filter(
			(file) => file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed')
		);
		result.failed += brokenFiles.length;
		for (const file of brokenFiles) {
			console.log(`Failed to run: ${path.relative(root, file.name)}: ${(file.message ?? '').split('\n')[0]}`);
		}
		if (code !== 0 && result.failed === 0) result.problem = `vitest exited with code ${code}`;
	} else {
		result.problem = `vitest exited with code ${code} and wrote no report`;
	}
	if (!result.problem && result.passed + result.failed === 0) result.problem = 'no test ran';
	result.seconds = seconds(started);
	console.log(`\n${summaryLine(result)}`);
	return result;
}

function summaryLine(result: TierResult) {
	const parts = [`${result.passed} passed`, `${result.failed} failed`];
	if (result.skipped) parts.push(`${result.skipped} skipped`);
	const problem = result.problem ? `  ← ${result.problem}` : '';
	return `${result.title}: ${parts.join(', ')} in ${result.files} files, ${result.seconds} s${problem}`;
}

/** Test files that use the test database helper: they run again on PostgreSQL. */
function databaseTestFiles(): string[] {
	const found: string[] = [];
	const visit = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) {
				if (entry.name !== 'node_modules' && entry.name !== 'paraglide' && entry.name !== 'e2e') visit(full);
			} else if (entry.name.endsWith('.test.ts')) {
				const source = readFileSync(full, 'utf8');
				if (
					full.startsWith(path.join('tests', 'integration')) ||
					/helpers\/database(\.ts)?['"]/.test(source)
				) {
					found.push(full);
				}
			}
		}
	};
	visit('src');
	visit('tests');
	return found.sort();
}

/**
 * What the tests import but git does not hold: the compiled Paraglide messages, and the TypeScript
 * configuration SvelteKit generates (tsconfig.json extends `$app/tsconfig`, written by `svelte-kit sync`).
 */
function prepareSources() {
	const messages = spawnSync('npm', ['run', '--silent', 'paraglide'], { stdio: 'inherit' });
	if (messages.status !== 0) throw new Error('Compiling the Paraglide messages failed (npm run paraglide).');
	const kit = path.join(root, 'node_modules', '@sveltejs', 'kit', 'svelte-kit.js');
	const sync = spawnSync(node24(), [kit, 'sync'], { stdio: 'inherit' });
	if (sync.status !== 0) throw new Error('`svelte-kit sync` failed.');
}

/** Debian's Chromium for the browser tests; installed when we may (root with apt-get), else explained. */
function ensureChromium() {
	if (hasChromium()) return;
	const canInstall =
		process.getuid?.() === 0 &&
		spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
	if (!canInstall) throw new Error(CHROMIUM_MISSING);
	console.log(
		`Chromium is missing at ${CHROMIUM_PATH}: installing Debian's chromium (apt-get update; apt-get install -y chromium)…`
	);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium']]) {
		const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
		if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed. ${CHROMIUM_MISSING}`);
	}
	if (!hasChromium()) throw new Error(CHROMIUM_MISSING);
}

function failedBeforeTests(name: TierName, title: string, started: number, error: unknown): TierResult {
	const message = error instanceof Error ? error.message : String(error);
	console.error(message);
	return {
		name,
		title,
		passed: 0,
		failed: 0,
		skipped: 0,
		files: 0,
		seconds: seconds(started),
		problem: message.split('\n')[0]
	};
}

const results: TierResult[] = [];

if (tiers.includes('unit')) {
	const title = 'Unit + integration (PGlite)';
	heading(title);
	const started = performance.now();
	try {
		prepareSources();
		results.push(await runVitest('unit', title, [], environment({ TEST_DATABASE_URL: undefined })));
	} catch (error) {
		results.push(failedBeforeTests('unit', title, started, error));
	}
}

if (tiers.includes('pg')) {
	const title = 'Integration (PostgreSQL)';
	if (!testDatabaseUrl) {
		heading(`${title}: skipped, TEST_DATABASE_URL is not set`);
	} else {
		heading(title);
		const started = performance.now();
		try {
			if (!tiers.includes('unit')) prepareSources();
			const files = databaseTestFiles();
			if (files.length === 0)
				throw new Error('No test file uses the test database (tests/helpers/database.ts).');
			results.push(await runVitest('pg', title, files, environment({ TEST_DATABASE_URL: testDatabaseUrl })));
		} catch (error) {
			results.push(failedBeforeTests('pg', title, started, error));
		}
	}
}

if (tiers.includes('e2e')) {
	const title = 'Browser journeys (Chromium)';
	heading(title);
	const started = performance.now();
	try {
		ensureChromium();
		const build = ensureE2eBuild();
		console.log(
			build.built
				? `Built the app in ${Math.round(build.ms / 100) / 10} s.`
				: 'The build in build-e2e/ is up to date.'
		);
		results.push(
			await runVitest(
				'e2e',
				title,
				['--config', 'tests/e2e/vitest.config.ts'],
				environment({ KNOTENPUNKT_E2E_BUILT: '1' })
			)
		);
	} catch (error) {
		results.push(failedBeforeTests('e2e', title, started, error));
	}
}

rmSync(reportDir, { recursive: true, force: true });

heading(`Summary (${seconds(runStarted)} s)`);
for (const result of results) console.log(summaryLine(result));
const passed = results.reduce((sum, result) => sum + result.passed, 0);
const failed = results.reduce((sum, result) => sum + result.failed, 0);
const problems = results.filter((result) => result.problem);
console.log(`\n${passed} passed, ${failed} failed`);
if (failed > 0 || problems.length > 0 || results.length === 0) process.exit(1);
