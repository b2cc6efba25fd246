import type { Pool } from 'pg';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../helpers/database.ts';
import { testJobSettings, waitFor } from '../helpers/mail.ts';
import { openDatabase, type DatabaseHandle } from '../../src/lib/server/db/client.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import {
	auditLog,
	cooperationDigests,
	cooperationMatches,
	cooperationMatchNotifications,
	cooperationMatchPreferences,
	cooperationProfiles,
	mailMessages,
	organisationMemberships,
	people,
	type MatchReasons
} from '../../src/lib/server/db/schema/index.ts';
import {
	addToOrganisation,
	createNetwork,
	createOrganisation,
	createPerson,
	createUser,
	grantNetworkRole
} from '../../src/lib/server/testing/factories.ts';
import { createProfile } from '../../src/lib/server/testing/cooperation-factories.ts';
import type { ContactFunction } from '../../src/lib/directory/vocabulary.ts';
import type { MatchNotificationMode, ProfileType } from '../../src/lib/cooperation/vocabulary.ts';
import { notifyMatches } from '../../src/lib/server/cooperation/notifications/index.ts';
import {
	deliverMatchMails,
	sendDueDigests
} from '../../src/lib/server/cooperation/notifications/mutations.ts';
import { berlinIsoWeek } from '../../src/lib/server/cooperation/notifications/week.ts';
import { startJobs, stopJobs } from '../../src/lib/server/jobs/boss.ts';
import {
	COOPERATION_DIGESTS_JOB,
	COOPERATION_EXPIRY_REMINDERS_JOB
} from '../../src/lib/server/cooperation/jobs.ts';
import { loadActor } from '../../src/lib/server/policy/queries.ts';
import { anonymousActor, type Actor } from '../../src/lib/server/policy/actor.ts';
import {
	actions as accountActions,
	load as loadAccountPage
} from '../../src/routes/(account)/account/notifications/+page.server.ts';
import { load as loadNotificationsLayout } from '../../src/routes/(account)/account/notifications/+layout.server.ts';

const DAY = 24 * 60 * 60 * 1000;
const ORIGIN = 'https://boerse.example.test';

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let db: Database;
/** A second connection pool on the same PostgreSQL database, as a second server process has. */
let secondHandle: DatabaseHandle | undefined;
let networkId: string;

type Organisation = Awaited<ReturnType<typeof createOrganisation>>;
type Person = { id: string; email: string; name: string };

beforeAll(async () => {
	database = await useFreshDatabase();
	db = database.db;
	if (database.handle.driver === 'pg') {
		const url = (database.handle.client as Pool).options.connectionString!;
		secondHandle = await openDatabase({ url });
	}
	networkId = (await createNetwork(db, { hosts: ['boerse.example.test'] })).id;
});

afterAll(async () => {
	await stopJobs();
	await secondHandle?.close();
	await database?.close();
});

let counter = 0;
async function user(options: { locale?: 'de' | 'en'; role?: 'member' | 'partner' | 'office' | null } = {}) {
	counter++;
	const row = await createUser(db, { name: `Person ${counter}`, locale: options.locale ?? 'de' });
	const role = options.role === undefined ? 'member' : options.role;
	if (role) await grantNetworkRole(db, networkId, row.id, role);
	return { id: row.id, email: row.email, name: row.name } satisfies Person;
}

async function orgAdmin(organisation: Organisation, options: Parameters<typeof user>[0] = {}) {
	const who = await user(options);
	await addToOrganisation(db, networkId, organisation.id, who.id, 'org_admin');
	return who;
}

/** A person of the organisation with an account and a contact function (not an org admin). */
async function contact(organisation: Organisation, contactFunction: ContactFunction) {
	const who = await user();
	await createPerson(db, networkId, { organisationId: organisation.id, userId: who.id, contactFunction });
	return who;
}

async function setPreference(who: Person, mode: MatchNotificationMode) {
	await db
		.insert(cooperationMatchPreferences)
		.values({ networkId, userId: who.id, mode })
		.onConflictDoUpdate({
			target: [cooperationMatchPreferences.networkId, cooperationMatchPreferences.userId],
			set: { mode }
		});
}

const reasons = (competence: string): MatchReasons => ({
	competencies: [
		{ id: crypto.randomUUID(), nameDe: competence, nameEn: `${competence} (en)`, viaChild: false }
	],
	drivetrains: ['hydrogen'],
	textSimilarity: 0,
	direction: 'organisation'
});

/** A published profile of `owner` matched (as recordMatches would) with the organisations, then notified. */
async function publish(
	owner: Organisation,
	matched: Organisation[],
	options: { type?: ProfileType; title?: string; anonymous?: boolean; competence?: string } = {}
) {
	const profile = await createProfile(db, networkId, owner.id, {
		type: options.type ?? 'technology_request',
		title: options.title ?? `Profil ${++counter}`,
		summary: `Kurzfassung ${counter}`,
		visibility: options.anonymous ? 'public_anonymous' : 'members'
	});
	const count = await db.transaction(async (tx) => {
		await tx.insert(cooperationMatches).values(
			matched.map((organisation, index) => ({
				networkId,
				profileId: profile.id,
				organisationId: organisation.id,
				score: 1 - index / 10,
				rank: index + 1,
				reasons: reasons(options.competence ?? 'Leichtbau')
			}))
		);
		return notifyMatches(tx, networkId, profile.id);
	});
	return { profile, count };
}

const notified = (profileId: string) =>
	db
		.select({ userId: cooperationMatchNotifications.userId })
		.from(cooperationMatchNotifications)
		.where(eq(cooperationMatchNotifications.profileId, profileId))
		.then((rows) => rows.map((row) => row.userId).sort());

const mailsTo = (who: Person, kind?: string) =>
	db
		.select()
		.from(mailMessages)
		.where(and(eq(mailMessages.toAddress, who.email), kind ? eq(mailMessages.kind, kind) : undefined));

/** 10:00 UTC on a Monday at least `weeksAhead` weeks after today, so the runs' weeks are fixed. */
function mondayAhead(weeksAhead: number) {
	const base = new Date(Date.now() + weeksAhead * 7 * DAY);
	const daysToMonday = (8 - base.getUTCDay()) % 7;
	const monday = new Date(base.getTime() + daysToMonday * DAY);
	return new Date(`${monday.toISOString().slice(0, 10)}T10:00:00Z`);
}

describe('who hears of a new matching profile', () => {
	it('org admins and contacts with the matching function of members and partners, never the owner', async () => {
		const owner = await createOrganisation(db, networkId, { name: 'Eigentümer GmbH' });
		const matched = await createOrganisation(db, networkId, { name: 'Passend AG' });
		const ownerAdmin = await orgAdmin(owner);
		const ownerResearcher = await contact(owner, 'rnd');
		const admin = await orgAdmin(matched);
		const partnerAdmin = await orgAdmin(matched, { role: 'partner' });
		const researcher = await contact(matched, 'rnd');
		const recruiter = await contact(matched, 'hr');
		const silent = await orgAdmin(matched);
		await setPreference(silent, 'off');
		const withoutRole = await orgAdmin(matched, { role: null });
		// An admin of the matched organisation who also belongs to the owner's: one of the owner's people.
		const both = await orgAdmin(matched);
		await addToOrganisation(db, networkId, owner.id, both.id, 'org_member');
		// A plain member of the matched organisation without a matching function hears nothing.
		const plain = await user();
		await addToOrganisation(db, networkId, matched.id, plain.id, 'org_member');

		// Even a match row for the owner's own organisation notifies none of its people.
		const { profile, count } = await publish(owner, [matched, owner], { type: 'technology_offer' });
		const expected = [admin.id, partnerAdmin.id, researcher.id].sort();
		expect(await notified(profile.id)).toEqual(expected);
		expect(count).toBe(3);
		for (const nobody of [ownerAdmin, ownerResearcher, recruiter, silent, withoutRole, both, plain])
			expect((await notified(profile.id)).includes(nobody.id)).toBe(false);

		// A renewal matches again: nobody is notified twice.
		expect(await db.transaction((tx) => notifyMatches(tx, networkId, profile.id))).toBe(0);
		expect(await notified(profile.id)).toEqual(expected);

		// For a student project, the HR contact hears of it (and R&D still does).
		const thesis = await publish(owner, [matched], { type: 'student_project' });
		expect(await notified(thesis.profile.id)).toEqual(
			[admin.id, partnerAdmin.id, researcher.id, recruiter.id].sort()
		);
		// A business offer is for sales and purchasing: the R&D contact does not hear of it.
		const sales = await contact(matched, 'sales');
		const business = await publish(owner, [matched], { type: 'business_offer' });
		expect(await notified(business.profile.id)).toEqual([admin.id, partnerAdmin.id, sales.id].sort());
	});

	it('a person of two matched organisations hears once; another network hears nothing', async () => {
		const owner = await createOrganisation(db, networkId);
		const first = await createOrganisation(db, networkId);
		const second = await createOrganisation(db, networkId);
		const twice = await orgAdmin(first);
		await addToOrganisation(db, networkId, second.id, twice.id, 'org_admin');
		const { profile, count } = await publish(owner, [first, second]);
		expect(count).toBe(1);
		const [row] = await db
			.select()
			.from(cooperationMatchNotifications)
			.where(eq(cooperationMatchNotifications.profileId, profile.id));
		// For the better-ranked organisation.
		expect(row!.organisationId).toBe(first.id);
		// The profile id in another network: nothing.
		const otherNetwork = (await createNetwork(db)).id;
		expect(await db.transaction((tx) => notifyMatches(tx, otherNetwork, profile.id))).toBe(0);
	});
});

describe('immediate mails', () => {
	it('go out at once, in the reader’s language, and never again in the digest', async () => {
		const owner = await createOrganisation(db, networkId, { name: 'Offen Leichtbau GmbH' });
		const matched = await createOrganisation(db, networkId, { name: 'Schnell AG' });
		const quick = await orgAdmin(matched);
		const quickEn = await orgAdmin(matched, { locale: 'en' });
		const weekly = await orgAdmin(matched);
		await setPreference(quick, 'immediate');
		await setPreference(quickEn, 'immediate');

		const { profile } = await publish(owner, [matched], { title: 'CFK-Prüfstand gesucht' });
		// Without a job runner (as here) the mails are queued in the publishing transaction.
		const [mail] = await mailsTo(quick, 'cooperation-match');
		expect(mail!.subject).toBe('Neues passendes Kooperationsprofil: CFK-Prüfstand gesucht');
		const text = mail!.textBody;
		expect(text).toContain(`Guten Tag ${quick.name},`);
		expect(text).toContain('Technologiegesuch: CFK-Prüfstand gesucht');
		expect(text).toContain(`Kurzfassung`);
		expect(text).toContain('Eingestellt von: Offen Leichtbau GmbH');
		expect(text).toMatch(/Warum es passt: .*Leichtbau/);
		expect(text).toContain(`${ORIGIN}/cooperation/${profile.id}`);
		expect(text).toContain(`${ORIGIN}/account/notifications`);

		const [english] = await mailsTo(quickEn, 'cooperation-match');
		expect(english!.subject).toBe('New matching cooperation profile: CFK-Prüfstand gesucht');
		expect(english!.textBody).toContain(`Hello ${quickEn.name},`);
		expect(english!.textBody).toContain('Technology request: CFK-Prüfstand gesucht');
		expect(english!.textBody).toMatch(/Why it matches: .*Leichtbau \(en\)/);
		expect(english!.textBody).not.toContain('Warum');
		expect(await mailsTo(weekly)).toHaveLength(0);

		// A retried or doubled delivery sends nothing more; nor does the digest.
		expect(
			await Promise.all([
				deliverMatchMails(db, networkId, profile.id),
				deliverMatchMails(secondHandle?.db ?? db, networkId, profile.id)
			])
		).toEqual([0, 0]);
		await sendDueDigests(db, mondayAhead(1));
		expect(await mailsTo(quick)).toHaveLength(1);
		expect(await mailsTo(quickEn)).toHaveLength(1);
		expect(await mailsTo(weekly, 'cooperation-digest')).toHaveLength(1);
	});

	it('are a job enqueued in the publishing transaction when a job runner runs', async () => {
		const owner = await createOrganisation(db, networkId);
		const matched = await createOrganisation(db, networkId);
		const quick = await orgAdmin(matched);
		await setPreference(quick, 'immediate');
		const weekly = await orgAdmin(matched);
		const runner = await startJobs(database.handle, testJobSettings);
		try {
			const schedules = await runner.boss.getSchedules();
			expect(
				schedules
					.filter((schedule) => schedule.name.startsWith('cooperation-'))
					.map((schedule) => [schedule.name, schedule.cron])
					.sort()
			).toEqual([
				[COOPERATION_DIGESTS_JOB, '0 6 * * 1'],
				[COOPERATION_EXPIRY_REMINDERS_JOB, '30 5 * * *']
			]);
			// A rolled-back publication leaves neither a notification nor a job nor a mail behind.
			const rolledBack = await createProfile(db, networkId, owner.id, { title: 'Zurückgerollt' });
			await expect(
				db.transaction(async (tx) => {
					await tx.insert(cooperationMatches).values({
						networkId,
						profileId: rolledBack.id,
						organisationId: matched.id,
						score: 1,
						rank: 1,
						reasons: reasons('Sensorik')
					});
					await notifyMatches(tx, networkId, rolledBack.id);
					throw new Error('rollback');
				})
			).rejects.toThrow('rollback');
			const { profile } = await publish(owner, [matched], { title: 'Mit Job' });
			const [mail] = await waitFor(
				() => mailsTo(quick),
				(mails) => mails.length > 0,
				'the immediate mail is queued by the job'
			);
			expect(mail!.subject).toContain('Mit Job');
			const [row] = await db
				.select()
				.from(cooperationMatchNotifications)
				.where(
					and(
						eq(cooperationMatchNotifications.profileId, profile.id),
						eq(cooperationMatchNotifications.userId, quick.id)
					)
				);
			expect(row!.emailedAt).not.toBeNull();
			expect(await notified(rolledBack.id)).toEqual([]);

			// The digest job (as its schedule sends it) mails the weekly reader, not the quick one.
			await runner.send(COOPERATION_DIGESTS_JOB, {});
			const [digest] = await waitFor(
				() => mailsTo(weekly, 'cooperation-digest'),
				(mails) => mails.length > 0,
				'the digest job sends the weekly digest'
			);
			expect(digest!.textBody).toContain(`${ORIGIN}/cooperation/${profile.id}`);
			expect(await mailsTo(quick, 'cooperation-digest')).toHaveLength(0);
		} finally {
			await stopJobs();
		}
		expect(await mailsTo(quick)).toHaveLength(1);
	});
});

describe('weekly digests', () => {
	it('once a week per person, only the unmailed items, the next week the new ones', async () => {
		const owner = await createOrganisation(db, networkId, { name: 'Wochen Eigentümer GmbH' });
		const matched = await createOrganisation(db, networkId, { name: 'Wochen AG' });
		const other = await createOrganisation(db, networkId, { name: 'Zweite KG' });
		const reader = await orgAdmin(matched);
		await addToOrganisation(db, networkId, other.id, reader.id, 'org_admin');
		const researcher = await contact(matched, 'rnd');
		const english = await orgAdmin(other, { locale: 'en' });
		const leaver = await orgAdmin(matched);
		const leavingContact = await contact(matched, 'rnd');
		const switcher = await orgAdmin(matched);

		const first = await publish(owner, [matched], { title: 'Wasserstofftank', competence: 'Wasserstoff' });
		const second = await publish(owner, [other], { title: 'Prüfstand frei', type: 'capacity_offer' });
		const expired = await publish(owner, [matched], { title: 'Abgelaufen' });
		await db
			.update(cooperationProfiles)
			.set({ expiresAt: new Date(Date.now() - 1000) })
			.where(eq(cooperationProfiles.id, expired.profile.id));
		// One leaves as org admin, one's person is moved to another organisation; one switches off.
		await db
			.delete(organisationMemberships)
			.where(
				and(
					eq(organisationMemberships.organisationId, matched.id),
					eq(organisationMemberships.userId, leaver.id)
				)
			);
		await db.update(people).set({ organisationId: other.id }).where(eq(people.userId, leavingContact.id));
		await setPreference(switcher, 'off');

		const week1 = mondayAhead(1);
		const digestRows = (week: Date) =>
			db
				.select()
				.from(cooperationDigests)
				.where(eq(cooperationDigests.week, berlinIsoWeek(week)));
		const before = (await digestRows(week1)).length;
		const pools = [db, secondHandle?.db ?? db];
		// Concurrent runs, on two pools where there is PostgreSQL: one digest each, whoever sends it.
		const counts = await Promise.all([0, 1, 2, 3].map((i) => sendDueDigests(pools[i % 2]!, week1)));
		const sentWeek1 = await digestRows(week1);
		expect(counts.reduce((a, b) => a + b, 0)).toBe(sentWeek1.length - before);
		const ours = [reader.id, researcher.id, english.id, leaver.id, leavingContact.id, switcher.id];
		expect(
			sentWeek1
				.filter((row) => ours.includes(row.userId))
				.map((row) => row.userId)
				.sort()
		).toEqual([reader.id, researcher.id, english.id].sort());

		const digests = await mailsTo(reader, 'cooperation-digest');
		expect(digests).toHaveLength(1);
		expect(digests[0]!.subject).toBe('Kooperationsbörse: 2 neue passende Profile');
		const text = digests[0]!.textBody;
		expect(text).toContain('Technologiegesuch: Wasserstofftank');
		expect(text).toContain(`${ORIGIN}/cooperation/${first.profile.id}`);
		expect(text).toContain(`${ORIGIN}/cooperation/${second.profile.id}`);
		expect(text).toContain('Eingestellt von: Wochen Eigentümer GmbH');
		expect(text).toMatch(/Warum es passt: .*Wasserstoff/);
		// The reader is in both matched organisations: each item says which one it matches.
		expect(text).toContain('Passend für: Wochen AG');
		expect(text).toContain('Passend für: Zweite KG');
		expect(text).not.toContain('Abgelaufen');
		expect(text).toContain(`${ORIGIN}/account/notifications`);
		const [researcherDigest] = await mailsTo(researcher, 'cooperation-digest');
		expect(researcherDigest!.textBody).toContain('Wasserstofftank');
		expect(researcherDigest!.textBody).not.toContain('Prüfstand frei');
		const [englishDigest] = await mailsTo(english, 'cooperation-digest');
		expect(englishDigest!.subject).toBe('Cooperation exchange: 1 new matching profiles');
		expect(englishDigest!.textBody).toContain('Free capacity: Prüfstand frei');
		for (const nobody of [leaver, leavingContact, switcher]) expect(await mailsTo(nobody)).toHaveLength(0);
		const [row] = sentWeek1.filter((entry) => entry.userId === reader.id);
		expect(row!.itemCount).toBe(2);

		// A second run the same week sends nothing, even with a new item (it waits for next week).
		const late = await publish(owner, [matched], { title: 'Nachzügler' });
		expect(await sendDueDigests(db, new Date(week1.getTime() + 2 * DAY))).toBe(0);
		expect(await mailsTo(reader, 'cooperation-digest')).toHaveLength(1);

		// Next week's run sends only the new one.
		const week2 = new Date(week1.getTime() + 7 * DAY);
		await sendDueDigests(db, week2);
		const readerDigests = await mailsTo(reader, 'cooperation-digest');
		expect(readerDigests).toHaveLength(2);
		const next = readerDigests.find((mail) => mail.id !== digests[0]!.id)!;
		expect(next.subject).toBe('Kooperationsbörse: 1 neue passende Profile');
		expect(next.textBody).toContain(`${ORIGIN}/cooperation/${late.profile.id}`);
		expect(next.textBody).not.toContain('Wasserstofftank');
		expect(await mailsTo(english, 'cooperation-digest')).toHaveLength(1);

		// Nothing new: no row, no mail.
		await sendDueDigests(db, new Date(week2.getTime() + 7 * DAY));
		const rows = await db.select().from(cooperationDigests).where(eq(cooperationDigests.userId, reader.id));
		expect(rows.map((entry) => entry.week).sort()).toEqual(
			[berlinIsoWeek(week1), berlinIsoWeek(week2)].sort()
		);
	});

	it('know the ISO week in Berlin', () => {
		expect(berlinIsoWeek(new Date('2026-01-01T12:00:00Z'))).toBe('2026-W01');
		expect(berlinIsoWeek(new Date('2027-01-03T12:00:00Z'))).toBe('2026-W53');
		expect(berlinIsoWeek(new Date('2026-11-30T06:00:00Z'))).toBe('2026-W49');
		// Sunday 23:30 UTC is Monday in Berlin.
		expect(berlinIsoWeek(new Date('2026-11-29T23:30:00Z'))).toBe('2026-W49');
		expect(berlinIsoWeek(new Date('2026-11-29T22:30:00Z'))).toBe('2026-W48');
	});
});

describe('an anonymous profile in the mails', () => {
	it('shows only kind, size class and district, never the owner', async () => {
		const owner = await createOrganisation(db, networkId, {
			name: 'Verdeckte Carbon GmbH',
			slug: 'verdeckte-carbon',
			website: 'https://verdeckt.example',
			email: 'kontakt@verdeckt.example',
			employees: 30,
			district: 'Kreis Steinfurt',
			kind: 'member_company'
		});
		const ownerAdmin = await orgAdmin(owner);
		const matched = await createOrganisation(db, networkId);
		const quick = await orgAdmin(matched);
		await setPreference(quick, 'immediate');
		const weekly = await orgAdmin(matched, { locale: 'en' });
		await publish(owner, [matched], { title: 'Anonymes Gesuch', anonymous: true });
		await sendDueDigests(db, mondayAhead(4));
		const mails = [
			...(await mailsTo(quick, 'cooperation-match')),
			...(await mailsTo(weekly, 'cooperation-digest'))
		];
		expect(mails).toHaveLength(2);
		for (const mail of mails) {
			const whole = `${mail.subject}\n${mail.textBody}\n${mail.htmlBody ?? ''}`;
			expect(whole).toContain('Anonymes Gesuch');
			for (const secret of [
				'Verdeckte',
				'verdeckte-carbon',
				'verdeckt.example',
				'kontakt@verdeckt',
				owner.id,
				ownerAdmin.email,
				ownerAdmin.name
			])
				expect(whole).not.toContain(secret);
		}
		expect(mails[0]!.textBody).toContain(
			'Eingestellt von: Anonymes Profil: Unternehmen, Klein (10–49), Kreis Steinfurt'
		);
		expect(mails[1]!.textBody).toContain('Posted by: Anonymous profile:');
	});
});

describe('the preference on /account/notifications', () => {
	const actors: Record<string, { actor: Actor; user: Person | null }> = {};

	beforeAll(async () => {
		for (const [name, role] of [
			['member', 'member'],
			['partner', 'partner'],
			['office', 'office'],
			['noRole', null]
		] as const) {
			const who = await user({ role });
			const row = { id: who.id, email: who.email, name: who.name };
			actors[name] = { actor: await loadActor(networkId, row as never), user: who };
		}
		actors.visitor = { actor: anonymousActor(networkId), user: null };
	});

	function request(name: string, form?: Record<string, string>) {
		const { actor, user: who } = actors[name]!;
		const url = new URL(`${ORIGIN}/account/notifications`);
		const body = new FormData();
		for (const [key, value] of Object.entries(form ?? {})) body.append(key, value);
		return {
			params: {},
			url,
			request: new Request(url, form ? { method: 'POST', body } : undefined),
			locals: {
				actor,
				user: who ? { ...who, emailVerified: true, locale: 'de' } : null,
				locale: 'de',
				network: { id: networkId },
				origin: ORIGIN,
				clientAddress: '127.0.0.1'
			}
		} as never;
	}

	async function status(run: () => Promise<unknown> | unknown) {
		try {
			await run();
			return 200;
		} catch (error) {
			return (error as { status: number }).status;
		}
	}

	const save = (name: string, mode: string) =>
		accountActions.default(request(name, { section: 'cooperation', cooperationMode: mode }));

	it('is shown to members and partners with the weekly digest as default, not to others', async () => {
		for (const name of ['member', 'partner', 'office'])
			expect(await loadNotificationsLayout(request(name))).toEqual({
				cooperationNotifications: { mode: 'weekly' }
			});
		expect(await loadNotificationsLayout(request('noRole'))).toEqual({ cooperationNotifications: null });
		expect(await status(() => loadNotificationsLayout(request('visitor')))).toBe(303);
		// The circles' part of the page is unchanged.
		expect(await loadAccountPage(request('member'))).toEqual({ circles: [] });
	});

	it('is saved, audited and read back; refuses values that are not a mode', async () => {
		expect(await save('member', 'immediate')).toEqual({
			cooperationSaved: true,
			cooperationMode: 'immediate'
		});
		expect(await loadNotificationsLayout(request('member'))).toEqual({
			cooperationNotifications: { mode: 'immediate' }
		});
		expect(await save('member', 'off')).toEqual({ cooperationSaved: true, cooperationMode: 'off' });
		const audits = await db
			.select()
			.from(auditLog)
			.where(
				and(
					eq(auditLog.action, 'cooperation.notification_mode.changed'),
					eq(auditLog.actorUserId, actors.member!.user!.id)
				)
			);
		expect(audits.map((row) => row.details)).toEqual([
			{ from: 'weekly', to: 'immediate' },
			{ from: 'immediate', to: 'off' }
		]);

		for (const wrong of ['daily', '', 'digest']) {
			const invalid = (await save('member', wrong)) as {
				status: number;
				data: { cooperationErrors: Record<string, string> };
			};
			expect(invalid.status).toBe(400);
			expect(invalid.data.cooperationErrors.cooperationMode).toBe(
				'Bitte wählen Sie einen der angebotenen Werte.'
			);
		}
		const missing = (await accountActions.default(request('member', { section: 'cooperation' }))) as {
			status: number;
		};
		expect(missing.status).toBe(400);
		const [row] = await db
			.select()
			.from(cooperationMatchPreferences)
			.where(eq(cooperationMatchPreferences.userId, actors.member!.user!.id));
		expect(row!.mode).toBe('off');
	});

	it('refuses people without a network role and visitors', async () => {
		expect(await status(() => save('noRole', 'off'))).toBe(403);
		expect(await status(() => save('visitor', 'off'))).toBe(303);
		const rows = await db
			.select()
			.from(cooperationMatchPreferences)
			.where(eq(cooperationMatchPreferences.userId, actors.noRole!.user!.id));
		expect(rows).toEqual([]);
	});
});
