import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Everything the production build is made from. Generated Paraglide output is excluded. */
const inputs = [
	'src',
	'messages',
	'static',
	'project.inlang/settings.json',
	'vite.config.ts',
	'package-lock.json'
];
const excluded = new Set([path.join('src', 'lib', 'paraglide')]);

function* walk(entry: string): Generator<string> {
	if (!existsSync(entry) || excluded.has(entry)) return;
	const stat = statSync(entry);
	if (stat.isFile()) {
		yield entry;
		return;
	}
	for (const name of readdirSync(entry).sort()) yield* walk(path.join(entry, name));
}

/**
 * A fingerprint of the build inputs' paths and contents (a few MB; some tens of milliseconds).
 * Contents, not mtimes: the message compiler rewrites project.inlang/settings.json unchanged on
 * every build, which would make each build look stale to the next start.
 */
export function buildFingerprint(root: string): string {
	const hash = createHash('sha256');
	const cwd = process.cwd();
	process.chdir(root);
	try {
		for (const input of inputs) {
			for (const file of walk(input)) {
				hash.update(`${file}\0`);
				hash.update(readFileSync(file));
				hash.update('\n');
			}
		}
	} finally {
		process.chdir(cwd);
	}
	return hash.digest('hex');
}

/** `outDir` is the adapter's output folder (BUILD_OUT); the e2e tests build into their own. */
export const stampFile = (root: string, outDir = 'build') => path.join(root, outDir, '.fingerprint');

export function isBuildFresh(root: string, outDir = 'build'): boolean {
	const stamp = stampFile(root, outDir);
	if (!existsSync(path.join(root, outDir, 'handler.js')) || !existsSync(stamp)) return false;
	return readFileSync(stamp, 'utf8').trim() === buildFingerprint(root);
}
