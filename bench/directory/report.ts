/** Markdown tables of the directory benchmark. */
import type { Audience } from '../../src/lib/server/policy/policy.ts';
import type { DirectoryQuery } from '../../src/lib/directory/query.ts';
import type { Backend } from './databases.ts';
import type { GrowthTiming } from './generate.ts';
import type { Measured } from './load.ts';
import type { QueryType } from './mix.ts';
import type { PageLoad } from './atlas.ts';

export type MixRow = {
	type: QueryType;
	measured: Measured<Exclude<Audience, 'office'>>;
	medianTotal: number;
	worst: { query: DirectoryQuery; audience: Audience; ms: number };
};

const ms = (value: number | undefined) =>
	value === undefined || Number.isNaN(value) ? '—' : `${value.toFixed(1)} ms`;
const s = (value: number) => `${value.toFixed(1)} s`;
const name = (backend: Backend) => (backend === 'postgres' ? 'PostgreSQL' : 'PGlite');

export function populationTable(
	populations: { backend: Backend; size: number; timing: GrowthTiming }[],
	refreshCosts: { backend: Backend; size: number; msPerOrganisation: number }[]
) {
	const lines = [
		'| database | grown to | insert | refresh search documents | GIN indexes | vacuum + analyze |',
		'|---|---|---|---|---|---|'
	];
	let previous = 0;
	for (const { backend, size, timing } of populations) {
		if (previous >= size) previous = 0;
		const added = (size - previous).toLocaleString('en');
		const refresh = `${s(timing.refresh)} (${timing.refreshChunks} × ≤ 5,000 ids${timing.bulk ? ', indexes dropped' : ', indexes in place'})`;
		lines.push(
			`| ${name(backend)} | ${size.toLocaleString('en')} (+${added}) | ${s(timing.insert)} | ${refresh} | ${timing.bulk ? `${s(timing.indexes)} (drop + rebuild)` : 'maintained'} | ${s(timing.analyze)} |`
		);
		previous = size;
	}
	lines.push('');
	lines.push(
		'`refreshSearchDocuments` as the application calls it (every index in place, 1,000 ids in one call):'
	);
	lines.push('');
	for (const cost of refreshCosts)
		lines.push(
			`- ${name(cost.backend)} at ${cost.size.toLocaleString('en')} organisations: ${cost.msPerOrganisation.toFixed(2)} ms per organisation`
		);
	return lines;
}

export function mixTable(rows: MixRow[], target?: number) {
	const lines = [
		'| query type | req/s | p50 | p95 | p95 public | p95 members | p99 | matches (median) |',
		'|---|---|---|---|---|---|---|---|'
	];
	for (const { type, measured, medianTotal } of rows) {
		const missed = target !== undefined && measured.all.p95 > target ? ' ✗' : '';
		const errors = measured.errors ? ` (${measured.errors} errors)` : '';
		lines.push(
			`| ${type.label} | ${Math.round(measured.requestsPerSecond)}${errors} | ${ms(measured.all.p50)} | ${ms(measured.all.p95)}${missed} | ` +
				`${ms(measured.byGroup.public?.p95)} | ${ms(measured.byGroup.members?.p95)} | ${ms(measured.all.p99)} | ${medianTotal.toLocaleString('en')} |`
		);
	}
	if (target !== undefined) lines.push('', `✗: p95 above the ${target} ms target.`);
	return lines;
}

export function atlasTable(
	atlas: {
		pages: PageLoad[];
		skipped: { path: string; status: number }[];
		bare?: Omit<PageLoad, 'path' | 'bytes'>;
		bareBytes: number;
		rssMiB: number;
	},
	size: number,
	connections: number
) {
	const lines = [
		`Built app on PostgreSQL with ${size.toLocaleString('en')} organisations, autocannon ${connections} connections, 10 s after 2 s warm-up; server RSS afterwards ${atlas.rssMiB} MiB.`,
		'',
		'| page | size | req/s | p50 | p95 | vs. bare node:http |',
		'|---|---|---|---|---|---|'
	];
	const row = (label: string, bytes: number, load: Omit<PageLoad, 'path' | 'bytes'>, isBare = false) => {
		const ratio =
			atlas.bare && !isBare
				? `${((load.requestsPerSecond / atlas.bare.requestsPerSecond) * 100).toFixed(1)} %`
				: '—';
		const problems = load.non2xx + load.errors ? ` (${load.non2xx} non-2xx, ${load.errors} errors)` : '';
		if (load.requestsPerSecond === 0)
			return `| ${label} | ${Math.round(bytes / 1024)} KiB | 0: no response completed within the run | — | — | — |`;
		return `| ${label} | ${Math.round(bytes / 1024)} KiB | ${Math.round(load.requestsPerSecond)}${problems} | ${load.p50.toFixed(0)} ms | ${load.p95.toFixed(0)} ms | ${ratio} |`;
	};
	if (atlas.bare)
		lines.push(row('bare node:http, bytes of the first page', atlas.bareBytes, atlas.bare, true));
	for (const page of atlas.pages) lines.push(row(`\`${page.path}\``, page.bytes, page));
	for (const skipped of atlas.skipped)
		lines.push(`| \`${skipped.path}\` | answered ${skipped.status}: not measured | | | | |`);
	return lines;
}
