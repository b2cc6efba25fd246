import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildFingerprint, isBuildFresh, stampFile } from '../../scripts/build-state.ts';
import { node24, projectRoot } from './node.ts';

/**
 * The e2e tests build into their own folders, so they never disturb ./build of `npm start`.
 * E2E_BUILD_NAME gives a second checkout-sharing developer folders of their own.
 */
const suffix = process.env.E2E_BUILD_NAME ? `-${process.env.E2E_BUILD_NAME}` : '';
export const E2E_BUILD_DIR = `build-e2e${suffix}`;
export const E2E_KIT_DIR = `.svelte-kit-e2e${suffix}`;

/** Builds the app for the browser tests unless the build is already made from the current sources. */
export function ensureE2eBuild(log: (line: string) => void = console.log): { built: boolean; ms: number } {
	const started = performance.now();
	if (isBuildFresh(projectRoot, E2E_BUILD_DIR)) return { built: false, ms: 0 };
	log(`Building the app for the browser tests into ${E2E_BUILD_DIR}/ …`);
	// Taken before the build: a file edited during the build makes the next run build again.
	const fingerprint = buildFingerprint(projectRoot);
	const result = spawnSync(node24(), [path.join(projectRoot, 'node_modules/vite/bin/vite.js'), 'build'], {
		cwd: projectRoot,
		stdio: ['ignore', 'pipe', 'pipe'],
		encoding: 'utf8',
		env: { ...process.env, NODE_ENV: 'production', KIT_OUT_DIR: E2E_KIT_DIR, BUILD_OUT: E2E_BUILD_DIR }
	});
	if (result.status !== 0) {
		throw new Error(`The build for the browser tests failed:\n${result.stdout}\n${result.stderr}`);
	}
	writeFileSync(stampFile(projectRoot, E2E_BUILD_DIR), fingerprint);
	return { built: true, ms: Math.round(performance.now() - started) };
}
