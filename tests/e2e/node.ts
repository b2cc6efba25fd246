import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The Node 24 binary to run the built server and the build with. Under `npm test` / `npx` the current
 * process already is the project's Node 24; when something runs us under an older system Node, the
 * `node` dev dependency's binary is used instead.
 */
export function node24(): string {
	if (Number(process.versions.node.split('.')[0]) >= 24) return process.execPath;
	const bundled = path.join(projectRoot, 'node_modules', 'node', 'bin', 'node');
	if (existsSync(bundled)) return bundled;
	throw new Error('Node 24 was not found: run `npm install` (it brings Node 24 as a dev dependency).');
}
