/**
 * `npm run bench:circles`: (a) full-text search inside one circle among four equally full circles
 * (threads, posts, minutes, agenda items, documents), p50/p95 per query next to a bare `select 1`
 * round trip on the same connection; (b) notifications: one activity fanned out to a circle of
 * many members (recordCircleActivity), then the daily digest for all of them (sendDueDigests) and
 * a second run the same day, which must send nothing. PGlite and PostgreSQL. Writes a markdown block
 * to test-results/circles-benchmark.md.
 *
 * Overrides: BENCH_DATABASE_URL (admin URL), BENCH_BACKENDS=pglite,postgres, BENCH_POSTS=20000 (per
 * circle), BENCH_MEMBERS=1000, BENCH_ACTIVITIES=20, BENCH_REPEAT=30.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../src/lib/server/db/index.ts';

process.env.LOG_LEVEL ??= 'warn';
const { useDatabaseForTests } = await import('../src/lib/server/db/index.ts');
const schema = await import('../src/lib/server/db/schema/index.ts');
const { searchCircle } = await import('../src/lib/server/circles/search/queries.ts');
const { recordCircleActivity } = await import('../src/lib/server/circles/activity.ts');
const { sendDueDigests } = await import('../src/lib/server/circles/notifications/digest.ts');
const { createCircle, createNetwork, grantNetworkRole } =
	await import('../src/lib/server/testing/factories.ts');
const { createCircleMeeting } = await import('../src/lib/server/testing/event-factories.ts');
const { dropLeftovers, openBenchDatabase, postgresVersion } = await import('./directory/databases.ts');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const env = process.env;
const adminUrl = env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BACKENDS = (env.BENCH_BACKENDS ?? 'pglite,postgres').split(',') as ('pglite' | 'postgres')[];
const POSTS = Number(env.BENCH_POSTS ?? 20_000);
const MEMBERS = Number(env.BENCH_MEMBERS ?? 1_000);
const ACTIVITIES = Number(env.BENCH_ACTIVITIES ?? 20);
const REPEAT = Number(env.BENCH_REPEAT ?? 30);
const CIRCLES = 4;

const lines: string[] = [];
const report = (line = '') => {
	console.log(line);
	lines.push(line);
};
const quantile = (sorted: number[], q: number) =>
	sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const ms = (value: number) => value.toFixed(1);

/** German sentences of the kind a circle writes, recombined so the texts differ. */
const words = [
	'Batteriezellen',
	'Wasserstoff',
	'Brennstoffzelle',
	'Leistungselektronik',
	'Thermomanagement',
	'Prüfstand',
	'Fachkräfte',
	'Ausbildung',
	'Lieferkette',
	'Datenraum',
	'Leichtbau',
	'Recycling',
	'Förderprogramm',
	'Werkzeugbau',
	'Elektromotoren',
	'Tankstellen',
	'Nutzfahrzeuge',
	'Qualifizierung',
	'Digitalisierung',
	'Kunststoffe'
];
const verbs = ['besprechen', 'planen', 'prüfen', 'vergleichen', 'berichten über', 'bewerten'];
function sentence(seed: number) {
	const a = words[seed % words.length]!;
	const b = words[(seed * 7 + 3) % words.length]!;
	const verb = verbs[seed % verbs.length]!;
	return `Wir ${verb} ${a} und ${b} in der Region, Beitrag ${seed}. Nächste Schritte zu ${b} folgen.`;
}

async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>, size = 1000) {
	for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** One circle filled with POSTS posts in POSTS/10 threads, minutes, agenda items and documents. */
async function fillCircle(db: Database, networkId: string, circleId: string, userId: string) {
	const threads = await db
		.insert(schema.circleThreads)
		.values(
			Array.from({ length: POSTS / 10 }, (_, i) => ({
				networkId,
				circleId,
				title: `Thema ${i}: ${words[i % words.length]} und ${words[(i + 5) % words.length]}`,
				authorUserId: userId
			}))
		)
		.returning({ id: schema.circleThreads.id });
	await insertInBatches(
		Array.from({ length: POSTS }, (_, i) => ({
			networkId,
			circleId,
			threadId: threads[i % threads.length]!.id,
			authorUserId: userId,
			body: `${sentence(i)} ${sentence(i + 11)}`,
			isOpening: i < threads.length
		})),
		(batch) => db.insert(schema.circlePosts).values(batch)
	);
	const file = await db
		.insert(schema.storedFiles)
		.values({
			networkId,
			purpose: 'circle_document',
			contentType: 'application/pdf',
			byteSize: 5,
			sha256: '0',
			content: new TextEncoder().encode('%PDF-')
		})
		.returning({ id: schema.storedFiles.id });
	const documents = await db
		.insert(schema.circleDocuments)
		.values(
			Array.from({ length: POSTS / 10 }, (_, i) => ({
				networkId,
				circleId,
				name: `Studie ${words[i % words.length]} ${i}.pdf`,
				createdBy: userId
			}))
		)
		.returning({ id: schema.circleDocuments.id });
	await insertInBatches(
		documents.map((document) => ({
			networkId,
			documentId: document.id,
			version: 1,
			fileId: file[0]!.id,
			fileName: 'studie.pdf',
			contentType: 'application/pdf',
			byteSize: 5
		})),
		(batch) => db.insert(schema.circleDocumentVersions).values(batch)
	);
	for (let m = 0; m < 20; m++) {
		const meeting = await createCircleMeeting(db, networkId, circleId, {
			startsAt: new Date(Date.now() - (m + 1) * 30 * 86_400_000)
		});
		await db.insert(schema.circleMinutes).values({
			networkId,
			circleId,
			eventId: meeting.id,
			body: Array.from({ length: 30 }, (_, i) => sentence(m * 100 + i)).join('\n\n'),
			status: 'approved'
		});
		await db.insert(schema.circleAgendaItems).values(
			Array.from({ length: POSTS / 200 }, (_, i) => ({
				networkId,
				circleId,
				eventId: meeting.id,
				position: i,
				title: `TOP ${i + 1}: ${words[(m + i) % words.length]}`,
				notes: sentence(m * 1000 + i)
			}))
		);
	}
}

async function timeIt(run: () => Promise<unknown>) {
	const started = performance.now();
	await run();
	return performance.now() - started;
}

async function benchSearch(db: Database) {
	const network = await createNetwork(db);
	const [person] = await db
		.insert(schema.user)
		.values({
			id: crypto.randomUUID(),
			email: 'bench-lead@example.test',
			name: 'Bench Lead',
			emailVerified: true
		})
		.returning();
	const circles = [];
	const fillStarted = performance.now();
	for (let c = 0; c < CIRCLES; c++) {
		const circle = await createCircle(db, network.id);
		await fillCircle(db, network.id, circle.id, person!.id);
		circles.push(circle);
	}
	const fillMs = performance.now() - fillStarted;
	await db.execute(sql`analyze`);
	const target = circles[0]!;
	const queries = [
		'Batterie',
		'Wasserstoff Tankstellen',
		'Fachkräfte -Ausbildung',
		'"Beitrag 4711"',
		'Prüfstände',
		'Quantencomputer'
	];
	const baseline: number[] = [];
	for (let i = 0; i < REPEAT; i++) baseline.push(await timeIt(() => db.execute(sql`select 1`)));
	baseline.sort((a, b) => a - b);
	const rows: string[] = [];
	for (const query of queries) {
		let hits = 0;
		const times: number[] = [];
		for (let i = 0; i < REPEAT; i++)
			times.push(
				await timeIt(async () => {
					hits = (
						await searchCircle({ networkId: network.id, circleId: target.id, query, includeDrafts: false })
					).length;
				})
			);
		times.sort((a, b) => a - b);
		rows.push(`| \`${query}\` | ${hits} | ${ms(quantile(times, 0.5))} | ${ms(quantile(times, 0.95))} |`);
	}
	return { fillMs, baselineP50: quantile(baseline, 0.5), rows };
}

async function benchNotifications(db: Database) {
	const network = await createNetwork(db);
	const circle = await createCircle(db, network.id);
	const people: { id: string }[] = [];
	for (let i = 0; i < MEMBERS; i += 1000) {
		const batch = await db
			.insert(schema.user)
			.values(
				Array.from({ length: Math.min(1000, MEMBERS - i) }, (_, j) => ({
					id: crypto.randomUUID(),
					email: `bench-${i + j}@example.test`,
					name: `Bench ${i + j}`,
					emailVerified: true
				}))
			)
			.returning({ id: schema.user.id });
		people.push(...batch);
	}
	await insertInBatches(people, (batch) =>
		db.insert(schema.circleMemberships).values(
			batch.map((p) => ({
				networkId: network.id,
				circleId: circle.id,
				userId: p.id,
				role: 'member' as const
			}))
		)
	);
	for (const p of people.slice(0, 1)) await grantNetworkRole(db, network.id, p.id, 'member');
	const fanOut: number[] = [];
	for (let a = 0; a < ACTIVITIES; a++)
		fanOut.push(
			await timeIt(() =>
				db.transaction((tx) =>
					recordCircleActivity(tx, {
						networkId: network.id,
						circleId: circle.id,
						kind: 'thread_created',
						subjectId: crypto.randomUUID(),
						actorUserId: people[0]!.id,
						title: `Thema ${a}`,
						path: `/circles/${circle.slug}/threads/${a}`
					})
				)
			)
		);
	fanOut.sort((a, b) => a - b);
	const now = new Date(Date.now() + 1000);
	let sent = 0;
	const digestMs = await timeIt(async () => {
		sent = await sendDueDigests(db, now);
	});
	let again = 0;
	const againMs = await timeIt(async () => {
		again = await sendDueDigests(db, now);
	});
	const [mails] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(schema.mailMessages)
		.where(eq(schema.mailMessages.networkId, network.id));
	return { fanOut, digestMs, sent, againMs, again, mails: Number(mails!.n) };
}

report(
	`### Circles (${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, Node ${process.version})`
);
report();
report(
	`Search: ${CIRCLES} circles with ${POSTS.toLocaleString('en')} posts, ${(POSTS / 10).toLocaleString('en')} threads, ${(POSTS / 10).toLocaleString('en')} documents, 20 minutes and ${(POSTS / 10).toLocaleString('en')} agenda items each; searching one circle, ${REPEAT} runs per query. Notifications: a circle of ${MEMBERS.toLocaleString('en')} members, ${ACTIVITIES} activities.`
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
			const search = await benchSearch(db);
			report();
			report(
				`**${backend === 'postgres' ? `PostgreSQL ${version}` : 'PGlite'}** — filled in ${ms(search.fillMs / 1000)} s; \`select 1\` p50 ${ms(search.baselineP50)} ms`
			);
			report();
			report('| query | hits | p50 ms | p95 ms |');
			report('|---|---|---|---|');
			for (const row of search.rows) report(row);
			const notes = await benchNotifications(db);
			report();
			report(
				`Fan-out of one activity to ${MEMBERS.toLocaleString('en')} members: p50 ${ms(quantile(notes.fanOut, 0.5))} ms, p95 ${ms(quantile(notes.fanOut, 0.95))} ms. Daily digest: ${notes.sent} digests (${(notes.sent * ACTIVITIES).toLocaleString('en')} items) in ${ms(notes.digestMs)} ms (${Math.round((notes.sent / notes.digestMs) * 1000)} digests/s); second run the same day: ${notes.again} digests in ${ms(notes.againMs)} ms; mails stored: ${notes.mails}.`
			);
		} finally {
			await bench.dispose();
		}
	}
} finally {
	await dropLeftovers(adminUrl);
}
mkdirSync('test-results', { recursive: true });
writeFileSync('test-results/circles-benchmark.md', `${lines.join('\n')}\n`);
process.exit(0);
