/**
 * `npm run bench:cooperation`: the matching engine for one profile against networks of 55, 1,000
 * and 10,000 organisations (with their competencies, drivetrains and members' search documents)
 * and some thousand live cooperation profiles: findMatches (organisations and counter-profiles,
 * one statement) and recordMatches (top ten into cooperation_matches, in a transaction), p50/p95
 * over several target profiles. PGlite and PostgreSQL. Writes a markdown block to
 * test-results/cooperation-benchmark.md.
 *
 * Overrides: BENCH_DATABASE_URL (admin URL), BENCH_BACKENDS=pglite,postgres,
 * BENCH_SIZES=55,1000,10000, BENCH_PROFILES=3000 (at most; 4 per organisation in small networks),
 * BENCH_REPEAT=30.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Database } from '../src/lib/server/db/index.ts';
import type { Drivetrain } from '../src/lib/directory/vocabulary.ts';
import type { ProfileType } from '../src/lib/cooperation/vocabulary.ts';

process.env.LOG_LEVEL ??= 'warn';
const { useDatabaseForTests } = await import('../src/lib/server/db/index.ts');
const schema = await import('../src/lib/server/db/schema/index.ts');
const { findMatches, recordMatches } = await import('../src/lib/server/cooperation/matching/index.ts');
const { refreshSearchDocuments } = await import('../src/lib/server/directory/mutations.ts');
const { createNetwork } = await import('../src/lib/server/testing/factories.ts');
const { profileTypes, PROFILE_RUNTIME_DAYS } = await import('../src/lib/cooperation/vocabulary.ts');
const { drivetrains } = await import('../src/lib/directory/vocabulary.ts');
const { dropLeftovers, openBenchDatabase, postgresVersion } = await import('./directory/databases.ts');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const env = process.env;
const adminUrl = env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BACKENDS = (env.BENCH_BACKENDS ?? 'pglite,postgres').split(',') as ('pglite' | 'postgres')[];
const SIZES = (env.BENCH_SIZES ?? '55,1000,10000').split(',').map(Number);
const MAX_PROFILES = Number(env.BENCH_PROFILES ?? 3000);
const REPEAT = Number(env.BENCH_REPEAT ?? 30);
/** Matches are computed for this many different profiles in turn (words and competencies differ). */
const TARGETS = 10;

const lines: string[] = [];
const report = (line = '') => {
	console.log(line);
	lines.push(line);
};
const quantile = (sorted: number[], q: number) =>
	sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const ms = (value: number) => value.toFixed(1);

/** A deterministic pseudo-random sequence, so every run builds the same networks. */
function random(seed: number) {
	let state = seed >>> 0;
	return () => {
		state = (state * 1664525 + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

const topics = [
	['Leichtbau', 'CFK', 'Aluminiumguss', 'Kunststoffspritzguss', 'Faserverbund'],
	['Batteriesysteme', 'Zellchemie', 'Batteriemanagement', 'Batterierecycling', 'Zellfertigung'],
	['Brennstoffzelle', 'Wasserstofftanks', 'Elektrolyse', 'Tanksysteme', 'Stackfertigung'],
	['Leistungselektronik', 'Inverter', 'Ladetechnik', 'Hochvolt-Bordnetz', 'Steckverbinder'],
	['Elektromotoren', 'Getriebe', 'Wicklung', 'Lagertechnik', 'Achsen'],
	['Prüfstände', 'Crashtests', 'EMV-Prüfung', 'Klimaprüfung', 'Dauerlauf'],
	['Werkzeugbau', 'CNC-Bearbeitung', 'Additive Fertigung', 'Umformtechnik', 'Schweißtechnik'],
	['Embedded Software', 'Simulation', 'Datenanalyse', 'Cybersecurity', 'Funktionale Sicherheit'],
	['Logistik', 'Verpackung', 'Gefahrgut', 'Lagerhaltung', 'Intralogistik'],
	['Qualifizierung', 'Ausbildung', 'Weiterbildung', 'Hochvolt-Schulung', 'Fachkräfte']
];
const nouns = [
	'Bauteile',
	'Prototypen',
	'Kleinserien',
	'Prüfverfahren',
	'Fertigungslinien',
	'Nutzfahrzeuge',
	'Busse',
	'Landmaschinen',
	'Sonderfahrzeuge',
	'Komponenten',
	'Module',
	'Gehäuse',
	'Sensoren',
	'Kühlung',
	'Messtechnik'
];

type Taxonomy = { id: string; slug: string; name: string; topic: number }[];

async function createTaxonomy(db: Database, networkId: string): Promise<Taxonomy> {
	const result: Taxonomy = [];
	for (const [t, names] of topics.entries()) {
		const [parent] = await db
			.insert(schema.competencies)
			.values({ networkId, slug: `t${t}`, path: `t${t}`, nameDe: names[0]!, nameEn: names[0]!, position: t })
			.returning();
		result.push({ id: parent!.id, slug: parent!.path, name: names[0]!, topic: t });
		const children = await db
			.insert(schema.competencies)
			.values(
				names.slice(1).map((name, c) => ({
					networkId,
					parentId: parent!.id,
					slug: `c${c}`,
					path: `t${t}.c${c}`,
					nameDe: name,
					nameEn: name,
					position: c
				}))
			)
			.returning();
		for (const child of children)
			result.push({ id: child.id, slug: child.path, name: child.nameDe, topic: t });
	}
	return result;
}

async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>, size = 1000) {
	for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** A network of `size` organisations and up to MAX_PROFILES live profiles. */
async function fillNetwork(db: Database, size: number) {
	const rnd = random(size);
	const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
	const network = await createNetwork(db);
	const networkId = network.id;
	const taxonomy = await createTaxonomy(db, networkId);
	const sentence = (topic: number) => {
		const names = topics[topic]!;
		return `Wir entwickeln ${pick(names)} und ${pick(nouns)} für ${pick(nouns)}, mit Erfahrung in ${pick(names)} und ${pick(topics.flat())}.`;
	};
	const organisations: { id: string }[] = [];
	await insertInBatches(
		Array.from({ length: size }, (_, i) => {
			const topic = Math.floor(rnd() * topics.length);
			return {
				networkId,
				name: `${pick(topics[topic]!)} ${pick(nouns)} ${i} GmbH`,
				slug: `org-${i}`,
				kind: (rnd() < 0.1 ? 'research' : 'member_company') as 'research' | 'member_company',
				status: (rnd() < 0.9 ? 'member' : 'partner') as 'member' | 'partner',
				drivetrains: drivetrains.filter(() => rnd() < 0.35) as Drivetrain[],
				shortDescriptionDe: sentence(topic),
				longDescriptionDe: `${sentence(topic)} ${sentence(Math.floor(rnd() * topics.length))}`,
				keywords: [pick(topics[topic]!), pick(nouns)]
			};
		}),
		async (batch) =>
			organisations.push(
				...(await db.insert(schema.organisations).values(batch).returning({ id: schema.organisations.id }))
			)
	);
	const competenceRows = organisations.flatMap((organisation) => {
		const topic = Math.floor(rnd() * topics.length);
		const own = taxonomy.filter((c) => c.topic === topic || rnd() < 0.03);
		const chosen = new Set(Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => pick(own).id));
		return [...chosen].map((competenceId) => ({ networkId, organisationId: organisation.id, competenceId }));
	});
	await insertInBatches(competenceRows, (batch) => db.insert(schema.organisationCompetencies).values(batch));
	await refreshSearchDocuments(networkId, undefined, db);

	const profileCount = Math.min(MAX_PROFILES, size * 4);
	const now = Date.now();
	const profiles: { id: string }[] = [];
	await insertInBatches(
		Array.from({ length: profileCount }, (_, i) => {
			const topic = Math.floor(rnd() * topics.length);
			const type: ProfileType = pick(profileTypes);
			return {
				networkId,
				organisationId: organisations[Math.floor(rnd() * organisations.length)]!.id,
				type,
				status: 'published' as const,
				visibility: (rnd() < 0.3 ? 'public_anonymous' : 'members') as 'public_anonymous' | 'members',
				title: `${pick(topics[topic]!)} für ${pick(nouns)} (${i})`,
				summary: sentence(topic),
				descriptionDe: `${sentence(topic)} ${sentence(topic)} ${sentence(Math.floor(rnd() * topics.length))}`,
				keywords: [pick(topics[topic]!), pick(topics[topic]!), pick(nouns)],
				drivetrains: drivetrains.filter(() => rnd() < 0.3) as Drivetrain[],
				submittedAt: new Date(now - 86_400_000),
				publishedAt: new Date(now),
				expiresAt: new Date(now + PROFILE_RUNTIME_DAYS * 86_400_000),
				_topic: topic
			};
		}),
		async (batch) => {
			const rows = await db
				.insert(schema.cooperationProfiles)
				.values(batch.map(({ _topic: _, ...row }) => row))
				.returning({ id: schema.cooperationProfiles.id });
			profiles.push(...rows);
			const competencies = rows.flatMap((row, i) => {
				const own = taxonomy.filter((c) => c.topic === batch[i]!._topic);
				const chosen = new Set(Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pick(own).id));
				return [...chosen].map((competenceId) => ({ networkId, profileId: row.id, competenceId }));
			});
			await db.insert(schema.cooperationProfileCompetencies).values(competencies);
		}
	);
	return { networkId, profiles, competenceRows: competenceRows.length };
}

async function timeIt(run: () => Promise<unknown>) {
	const started = performance.now();
	await run();
	return performance.now() - started;
}

async function benchSize(db: Database, size: number) {
	const fillStarted = performance.now();
	const { networkId, profiles, competenceRows } = await fillNetwork(db, size);
	const fillMs = performance.now() - fillStarted;
	await db.execute(sql`analyze`);
	const targets = profiles.slice(0, TARGETS).map((profile) => profile.id);
	// One warm-up round (plans, caches), not counted.
	for (const id of targets) await findMatches(db, networkId, id);
	const find: number[] = [];
	const record: number[] = [];
	let organisationsFound = 0;
	let profilesFound = 0;
	let recorded = 0;
	for (let i = 0; i < REPEAT; i++) {
		const id = targets[i % targets.length]!;
		find.push(
			await timeIt(async () => {
				const result = await findMatches(db, networkId, id);
				organisationsFound += result.organisations.length;
				profilesFound += result.profiles.length;
			})
		);
		record.push(
			await timeIt(async () => {
				recorded += (await db.transaction((tx) => recordMatches(tx, networkId, id))).length;
			})
		);
	}
	find.sort((a, b) => a - b);
	record.sort((a, b) => a - b);
	return {
		fillMs,
		profiles: profiles.length,
		competenceRows,
		find,
		record,
		organisationsFound: organisationsFound / REPEAT,
		profilesFound: profilesFound / REPEAT,
		recorded: recorded / REPEAT
	};
}

report(
	`### Cooperation matching (${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, Node ${process.version})`
);
report();
report(
	`One profile's matches against networks of ${SIZES.map((s) => s.toLocaleString('en')).join(', ')} organisations (2–4 competencies each in a 50-node taxonomy, drivetrains, German descriptions) and up to ${MAX_PROFILES.toLocaleString('en')} live profiles; ${REPEAT} runs over ${TARGETS} different profiles, after one warm-up round. findMatches = organisations and counter-profiles (limit 20 each, one statement); recordMatches = top ten into cooperation_matches in a transaction.`
);
const version = await postgresVersion(adminUrl);
try {
	for (const backend of BACKENDS) {
		if (backend === 'postgres' && !version) {
			report(`\n(PostgreSQL at ${adminUrl} not reachable: skipped)`);
			continue;
		}
		const bench = await openBenchDatabase(backend, adminUrl);
		try {
			useDatabaseForTests(bench.handle);
			const db = bench.handle.db;
			report();
			report(`**${backend === 'postgres' ? `PostgreSQL ${version}` : 'PGlite'}**`);
			report();
			report(
				'| organisations | profiles | filled in s | findMatches p50 ms | p95 ms | recordMatches p50 ms | p95 ms | matches (orgs / profiles / recorded) |'
			);
			report('|---|---|---|---|---|---|---|---|');
			for (const size of SIZES) {
				const r = await benchSize(db, size);
				report(
					`| ${size.toLocaleString('en')} | ${r.profiles.toLocaleString('en')} | ${ms(r.fillMs / 1000)} | ${ms(quantile(r.find, 0.5))} | ${ms(quantile(r.find, 0.95))} | ${ms(quantile(r.record, 0.5))} | ${ms(quantile(r.record, 0.95))} | ${r.organisationsFound.toFixed(0)} / ${r.profilesFound.toFixed(0)} / ${r.recorded.toFixed(0)} |`
				);
			}
		} finally {
			await bench.dispose();
		}
	}
} finally {
	await dropLeftovers(adminUrl);
}
mkdirSync('test-results', { recursive: true });
writeFileSync('test-results/cooperation-benchmark.md', `${lines.join('\n')}\n`);
process.exit(0);
