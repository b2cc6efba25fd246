/**
 * `npm run bench:events`: (a) 300 members registering at once for an event with 50 seats, through
 * the registration core (`registerMember`) and the application's own connection pool on
 * PostgreSQL — throughput, p50/p95/p99 latency, a check for overbooking and for seats going to the
 * first arrivals, and how long the background job takes to render every mail, five rounds; (b) the
 * calendar page `/events` under load from the built app next to a bare node:http server answering
 * with the same bytes. Writes a markdown block to test-results/events-benchmark.md.
 *
 * Overrides: BENCH_DATABASE_URL (admin URL; a database is created and dropped), BENCH_ROUNDS=5,
 * BENCH_REGISTRATIONS=300, BENCH_SEATS=50, BENCH_PAGES=0 to skip (b), BENCH_REUSE_BUILD=1.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../src/lib/server/db/index.ts';
import type { Actor } from '../src/lib/server/policy/actor.ts';
import type { Pool } from 'pg';

// Each registration logs its queued mails at info level; the application code reads this at import.
process.env.LOG_LEVEL ??= 'warn';
const { useDatabaseForTests } = await import('../src/lib/server/db/index.ts');
const { eventRegistrations, events, mailMessages, user } =
	await import('../src/lib/server/db/schema/index.ts');
const { startJobs, stopJobs } = await import('../src/lib/server/jobs/boss.ts');
const { registerMember } = await import('../src/lib/server/events/registration/index.ts');
const { createEvent } = await import('../src/lib/server/testing/event-factories.ts');
const { addToOrganisation, createNetwork, createOrganisation, grantNetworkRole } =
	await import('../src/lib/server/testing/factories.ts');
const { ensureBuild, measurePages } = await import('./directory/atlas.ts');
const { dropLeftovers, openBenchDatabase, postgresVersion } = await import('./directory/databases.ts');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const env = process.env;
const adminUrl = env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ROUNDS = Number(env.BENCH_ROUNDS ?? 5);
const REGISTRATIONS = Number(env.BENCH_REGISTRATIONS ?? 300);
const SEATS = Number(env.BENCH_SEATS ?? 50);
const PAGES = env.BENCH_PAGES !== '0';
const TARGET_P95_MS = 200;
const PAGE_CONNECTIONS = 10;
const STEADY_CLIENTS = Number(env.BENCH_CLIENTS ?? 10);

const lines: string[] = [];
const report = (line = '') => {
	console.log(line);
	lines.push(line);
};
const quantile = (sorted: number[], q: number) =>
	sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const ms = (value: number) => value.toFixed(1);

type Round = {
	round: number | string;
	wallMs: number;
	perSecond: number;
	p50: number;
	p95: number;
	p99: number;
	max: number;
	seatHolders: number;
	seatsTaken: number;
	waitlisted: number;
	failures: number;
	/** The seats went to the first arrivals (lowest seq): the waitlist holds only later ones. */
	inOrder: boolean;
	/** From the start until the background job had stored every mail of the round. */
	mailsMs: number;
};

async function mailCount(db: Database, networkId: string) {
	const [row] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(mailMessages)
		.where(eq(mailMessages.networkId, networkId));
	return Number(row!.n);
}

/** The confirmation and waitlist mails are rendered by the job runner after the answers. */
async function waitForMails(db: Database, networkId: string, expected: number) {
	const deadline = Date.now() + 120_000;
	while ((await mailCount(db, networkId)) < expected) {
		if (Date.now() > deadline) {
			const states = await db.execute(
				sql`select state, count(*)::int as n, max(output::text) as output from pgboss.job where name = 'event-registration-mail' group by state`
			);
			console.error('registration mail jobs by state:', states.rows);
			throw new Error(`only ${await mailCount(db, networkId)} of ${expected} mails`);
		}
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

async function members(db: Database, count: number) {
	const network = await createNetwork(db);
	const organisation = await createOrganisation(db, network.id);
	const rows = await db
		.insert(user)
		.values(
			Array.from({ length: count }, (_, i) => ({
				id: crypto.randomUUID(),
				email: `bench-member-${i}@example.test`,
				name: `Bench Member ${i}`,
				emailVerified: true
			}))
		)
		.returning();
	for (const row of rows) {
		await grantNetworkRole(db, network.id, row.id, 'member');
		await addToOrganisation(db, network.id, organisation.id, row.id, 'org_member');
	}
	const actors: Actor[] = rows.map((row) => ({
		networkId: network.id,
		userId: row.id,
		email: row.email,
		name: row.name,
		emailVerified: true,
		twoFactorEnabled: false,
		networkRoles: ['member'],
		organisations: [{ organisationId: organisation.id, role: 'org_member' }],
		circles: []
	}));
	return { networkId: network.id, actors };
}

/**
 * One event, every actor registers once. clients = 0: all at the same moment (a burst; latency
 * includes the wait for the pool); otherwise that many clients, each registering one after another.
 */
async function registrationRound(
	db: Database,
	networkId: string,
	actors: Actor[],
	round: number | string,
	clients = 0
): Promise<Round> {
	const event = await createEvent(db, networkId, { capacity: SEATS, audience: 'members' });
	const mailsBefore = await mailCount(db, networkId);
	const latencies: number[] = [];
	let failures = 0;
	// Everyone starts together: the seats are contested, not handed out one after another.
	const started = performance.now();
	const one = async (actor: Actor) => {
		const t0 = performance.now();
		try {
			return await registerMember({
				actor,
				eventId: event.id,
				answers: {},
				locale: 'de',
				origin: 'http://127.0.0.1'
			});
		} catch (error) {
			failures++;
			if (failures === 1) console.error('  first failure:', error);
			return null;
		} finally {
			latencies.push(performance.now() - t0);
		}
	};
	let next = 0;
	const results =
		clients > 0
			? (
					await Promise.all(
						Array.from({ length: clients }, async () => {
							const mine = [];
							while (next < actors.length) mine.push(await one(actors[next++]!));
							return mine;
						})
					)
				).flat()
			: await Promise.all(actors.map(one));
	const wallMs = performance.now() - started;
	await waitForMails(db, networkId, mailsBefore + actors.length);
	const mailsMs = performance.now() - started;
	failures += results.filter((result) => result && !result.ok).length;
	latencies.sort((a, b) => a - b);
	const rows = await db
		.select({ status: eventRegistrations.status, seq: eventRegistrations.seq })
		.from(eventRegistrations)
		.where(eq(eventRegistrations.eventId, event.id))
		.orderBy(asc(eventRegistrations.seq));
	const [stored] = await db
		.select({ seatsTaken: events.seatsTaken })
		.from(events)
		.where(eq(events.id, event.id));
	const seatHolders = rows.filter((row) => row.status === 'registered').length;
	// Arrival order: every seat holder arrived before every waitlisted person.
	const firstWaiting = rows.findIndex((row) => row.status === 'waitlisted');
	const inOrder = firstWaiting === -1 || rows.slice(firstWaiting).every((row) => row.status === 'waitlisted');
	const [duplicates] = await db
		.select({ n: sql<number>`count(*) - count(distinct ${eventRegistrations.userId})` })
		.from(eventRegistrations)
		.where(and(eq(eventRegistrations.eventId, event.id)));
	if (Number(duplicates!.n) !== 0) throw new Error(`round ${round}: duplicate registrations`);
	return {
		round,
		wallMs,
		perSecond: (actors.length / wallMs) * 1000,
		p50: quantile(latencies, 0.5),
		p95: quantile(latencies, 0.95),
		p99: quantile(latencies, 0.99),
		max: latencies.at(-1) ?? NaN,
		seatHolders,
		seatsTaken: stored!.seatsTaken,
		waitlisted: rows.filter((row) => row.status === 'waitlisted').length,
		failures,
		inOrder,
		mailsMs
	};
}

const runStarted = performance.now();
process.once('SIGINT', () => {
	void dropLeftovers(adminUrl).finally(() => process.exit(130));
});

const pgVersion = await postgresVersion(adminUrl);
if (!pgVersion) {
	console.error(`No PostgreSQL at ${adminUrl}: set BENCH_DATABASE_URL.`);
	process.exit(1);
}
const cpus = os.cpus();
const rounds: Round[] = [];
let steady: Round | undefined;
let pages: Awaited<ReturnType<typeof measurePages>> | undefined;
let buildNote = '';

try {
	const database = await openBenchDatabase('postgres', adminUrl);
	try {
		// registerMember opens its transactions on the application's database handle: this pool.
		useDatabaseForTests(database.handle);
		// As in the server: a job runner in the process renders the mails in the background.
		await startJobs(database.handle, { pollingIntervalSeconds: 1 });
		// Dropping the database at the end ends connections the pool may still be closing.
		(database.handle.client as Pool).on('error', () => undefined);
		const db = database.handle.db;
		console.log(`Creating ${REGISTRATIONS} members…`);
		const { networkId, actors } = await members(db, REGISTRATIONS);
		// A warm-up round (not reported) fills the pool and the statement caches.
		await registrationRound(db, networkId, actors.slice(0, 20), 0);
		for (let round = 1; round <= ROUNDS; round++) {
			const result = await registrationRound(db, networkId, actors, round);
			rounds.push(result);
			console.log(
				`  round ${round}: ${Math.round(result.perSecond)} registrations/s, p95 ${ms(result.p95)} ms, ` +
					`${result.seatHolders} seats, ${result.waitlisted} waitlisted`
			);
		}
		// The same work from a steady number of clients: latency without the queue of a burst.
		steady = await registrationRound(db, networkId, actors, `${STEADY_CLIENTS} clients`, STEADY_CLIENTS);
		console.log(
			`  ${STEADY_CLIENTS} clients: ${Math.round(steady.perSecond)} registrations/s, p95 ${ms(steady.p95)} ms`
		);
	} finally {
		await stopJobs();
		await database.dispose();
	}

	if (PAGES) {
		const pageDatabase = await openBenchDatabase('postgres', adminUrl);
		try {
			const build = ensureBuild(root, env.BENCH_REUSE_BUILD === '1');
			buildNote = `build-bench/ ${build === 'reused' ? 'reused (stale)' : build === 'fresh' ? 'fresh' : 'built for this run'} from the working tree`;
			// The server seeds the demo network (with its events) into the empty database at start.
			(pageDatabase.handle.client as Pool).on('error', () => undefined);
			await pageDatabase.handle.close();
			console.log('Calendar page under load (PostgreSQL, demo data)…');
			pages = await measurePages(pageDatabase.url!, ['/events', '/events?view=month'], {
				connections: PAGE_CONNECTIONS,
				seconds: 10,
				warmup: 2
			});
		} finally {
			await pageDatabase.dispose();
		}
	}

	const worstP95 = Math.max(...rounds.map((r) => r.p95));
	const overbooked = [...rounds, ...(steady ? [steady] : [])].some(
		(r) => r.seatHolders > SEATS || r.seatsTaken !== r.seatHolders
	);
	report(
		`### Events, ${new Date().toISOString().slice(0, 10)}: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, ` +
			`${Math.round(os.totalmem() / 2 ** 30)} GiB`
	);
	report();
	report(
		`Node ${process.versions.node}, PostgreSQL ${pgVersion}; ${REGISTRATIONS} members call \`registerMember\` at the same moment ` +
			`for one event with ${SEATS} seats, in-process, through the application's pool (10 connections). Each registration's ` +
			`transaction stores a job; the job runner in the same process (pg-boss, 2 workers) renders the confirmation and ` +
			`waitlist mails (.ics, QR code) in the background — "mails done" is when the round's last mail was stored. ` +
			`${ROUNDS} rounds after a warm-up.`
	);
	report();
	report(
		'| round | registrations/s | p50 ms | p95 ms | p99 ms | max ms | seats held | seats_taken | waitlisted | seats to first arrivals | mails done ms | failures |'
	);
	report('|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|---:|---:|');
	for (const r of [...rounds, ...(steady ? [steady] : [])])
		report(
			`| ${r.round} | ${Math.round(r.perSecond)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${ms(r.max)} | ${r.seatHolders} | ${r.seatsTaken} | ${r.waitlisted} | ${r.inOrder ? 'yes' : 'NO'} | ${Math.round(r.mailsMs)} | ${r.failures} |`
		);
	report();
	report(
		`Rounds 1–${ROUNDS} are bursts: all ${REGISTRATIONS} calls start in the same millisecond, so their latency is mostly the ` +
			`wait for one of the pool's 10 connections (p95 ≈ 0.95 × ${REGISTRATIONS} ÷ throughput). The last row spreads the ` +
			`same ${REGISTRATIONS} registrations over ${STEADY_CLIENTS} clients that register one after another.`
	);
	report();
	report(
		`Target p95 ≤ ${TARGET_P95_MS} ms with zero overbooking: worst burst p95 ${ms(worstP95)} ms — ` +
			`${worstP95 <= TARGET_P95_MS ? 'met' : 'missed'}` +
			(steady
				? `; ${STEADY_CLIENTS} clients p95 ${ms(steady.p95)} ms — ${steady.p95 <= TARGET_P95_MS ? 'met' : 'missed'}`
				: '') +
			`; overbooking: ${overbooked ? 'FOUND' : 'none'} ` +
			`(exactly ${SEATS} seat holders in every round: ${rounds.every((r) => r.seatHolders === SEATS) ? 'yes' : 'NO'}).`
	);
	if (pages) {
		report();
		report(
			`**Calendar page, built app on PostgreSQL with the demo data, ${PAGE_CONNECTIONS} connections, 10 s after 2 s warm-up**`
		);
		report();
		report('| page | req/s | p50 ms | p95 ms | KiB | non-2xx | errors |');
		report('|---|---:|---:|---:|---:|---:|---:|');
		for (const page of pages.pages)
			report(
				`| \`${page.path}\` | ${Math.round(page.requestsPerSecond)} | ${ms(page.p50)} | ${ms(page.p95)} | ${Math.round(page.bytes / 1024)} | ${page.non2xx} | ${page.errors} |`
			);
		if (pages.bare)
			report(
				`| bare node:http, same bytes | ${Math.round(pages.bare.requestsPerSecond)} | ${ms(pages.bare.p50)} | ${ms(pages.bare.p95)} | ${Math.round(pages.bareBytes / 1024)} | ${pages.bare.non2xx} | ${pages.bare.errors} |`
			);
		for (const skipped of pages.skipped)
			report(`| \`${skipped.path}\` | answered ${skipped.status}, not measured | | | | | |`);
		report();
		report(`Server RSS after the load: ${pages.rssMiB} MiB; ${buildNote}.`);
	}
	mkdirSync('test-results', { recursive: true });
	writeFileSync('test-results/events-benchmark.md', lines.join('\n') + '\n');
	console.log(
		`\nWritten to test-results/events-benchmark.md in ${Math.round((performance.now() - runStarted) / 1000)} s.`
	);
	if (overbooked) process.exitCode = 1;
} finally {
	await dropLeftovers(adminUrl);
}
