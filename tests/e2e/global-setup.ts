import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureE2eBuild } from './build.ts';
import { startApp } from './harness.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		seededDataDir: string;
	}
}

/**
 * Builds the app once (when stale) and seeds one demo data directory that every test file copies:
 * creating and seeding a PGlite database takes several seconds, copying it a fraction of that.
 */
export default async function setup(project: TestProject) {
	// `npm test` has just built (or checked) it; building again here would only chase edits made since.
	if (!process.env.KNOTENPUNKT_E2E_BUILT) ensureE2eBuild();
	const template = mkdtempSync(path.join(tmpdir(), 'kp-e2e-template-'));
	const app = await startApp({ dataDir: template });
	// A clean shutdown leaves a consistent data directory behind.
	const stopped = await app.stop();
	if (stopped.code !== 0) throw new Error(`Seeding the template data directory failed:\n${app.output()}`);
	project.provide('seededDataDir', template);
	return () => rmSync(template, { recursive: true, force: true });
}
