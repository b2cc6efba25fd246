/**
 * `npm start`: validate the configuration, build when the build is missing or stale, then serve.
 * Migrations and demo data are applied by the server itself on start-up.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, parseConfig } from '../src/lib/server/config.ts';
import { buildFingerprint, isBuildFresh, stampFile } from './build-state.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

try {
	parseConfig(process.env);
} catch (error) {
	if (error instanceof ConfigError) {
		console.error(`Knotenpunkt cannot start.\n${error.message}`);
		process.exit(1);
	}
	throw error;
}

if (!isBuildFresh(root)) {
	console.log('Building Knotenpunkt (the build is missing or older than the sources)…');
	const fingerprint = buildFingerprint(root);
	const result = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build'], {
		stdio: 'inherit',
		env: { ...process.env, NODE_ENV: 'production' }
	});
	if (result.status !== 0) {
		console.error('The build failed; see the messages above.');
		process.exit(result.status ?? 1);
	}
	writeFileSync(stampFile(root), fingerprint);
}

process.env.NODE_ENV ??= 'production';
await import('../server/index.ts');
