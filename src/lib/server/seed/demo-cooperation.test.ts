import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, useFreshDatabase } from '../../../../tests/helpers/database.ts';
import type { Database } from '../db/index.ts';
import {
	competencies,
	cooperationInterests,
	cooperationMatches,
	cooperationMatchNotifications,
	cooperationProfileCompetencies,
	cooperationProfiles,
	cooperationProfileViews,
	cooperationSteps,
	events,
	mailMessages,
	organisationMemberships,
	organisations,
	user
} from '../db/schema/index.ts';
import {
	EXPIRY_REMINDER_DAYS,
	interestOutcomes,
	interestStatuses,
	profileTypes,
	typesWithTrl
} from '../../cooperation/vocabulary.ts';
import { sweepExpiryReminders } from '../cooperation/authoring/expiry.ts';
import { findProposableEvent } from '../cooperation/brokering/queries.ts';
import { sendDueDigests } from '../cooperation/notifications/mutations.ts';
import { DEMO_LEAD_ORGANISATION, DEMO_SHARED_ORGANISATION } from './demo-accounts.ts';
import { demoCooperationIds, demoCooperationPlans } from './demo-cooperation.ts';
import { flattenTaxonomy } from './demo-taxonomy.ts';
import { seedDemoData } from './demo.ts';

const now = new Date('2026-11-24T09:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
let fresh: Awaited<ReturnType<typeof useFreshDatabase>>;
let db: Database;
let summary: Awaited<ReturnType<typeof seedDemoData>>;

beforeAll(async () => {
	fresh = await useFreshDatabase();
	db = fresh.db;
	summary = await seedDemoData(db, { now });
});

afterAll(async () => {
	await fresh?.close();
});

type Profile = typeof cooperationProfiles.$inferSelect;
const live = (p: Profile) => p.status === 'published' && p.expiresAt!.getTime() > now.getTime();
const expired = (p: Profile) => p.status === 'published' && p.expiresAt!.getTime() <= now.getTime();

async function profiles() {
	return db.select().from(cooperationProfiles).orderBy(asc(cooperationProfiles.title));
}

async function organisationId(name: string) {
	const [row] = await db
		.select({ id: organisations.id })
		.from(organisations)
		.where(eq(organisations.name, name));
	return row!.id;
}

async function userId(email: string) {
	const [row] = await db.select({ id: user.id }).from(user).where(eq(user.email, email));
	return row!.id;
}

describe('the demo cooperation exchange', () => {
	it('has profiles in every state: live (some anonymous), expired, in review, changes requested, draft, withdrawn', async () => {
		const rows = await profiles();
		expect(rows).toHaveLength(demoCooperationPlans.length);
		expect(summary).toMatchObject({ cooperationProfiles: rows.length });
		const liveRows = rows.filter(live);
		expect(liveRows.length).toBeGreaterThanOrEqual(9);
		expect(liveRows.filter((p) => p.visibility === 'members').length).toBeGreaterThanOrEqual(3);
		expect(liveRows.filter((p) => p.visibility === 'public_anonymous').length).toBeGreaterThanOrEqual(3);
		expect(rows.filter(expired)).toHaveLength(2);
		const byStatus = (status: Profile['status']) => rows.filter((p) => p.status === status);
		expect(byStatus('in_review')).toHaveLength(1);
		expect(byStatus('in_review')[0]!.submittedAt).not.toBeNull();
		expect(byStatus('changes_requested')).toHaveLength(1);
		expect(byStatus('changes_requested')[0]!.reviewNote.length).toBeGreaterThan(20);
		expect(byStatus('draft')).toHaveLength(1);
		expect(byStatus('withdrawn')).toHaveLength(1);
		// Every type is live somewhere.
		expect(new Set(liveRows.map((p) => p.type))).toEqual(new Set(profileTypes));
		for (const p of rows.filter((p) => p.status === 'published')) {
			expect(p.publishedAt! < now, p.title).toBe(true);
			expect(p.submittedAt! <= p.publishedAt!, p.title).toBe(true);
			expect(p.reviewedAt).toEqual(p.publishedAt);
		}
	});

	it('describes every profile in German and English, with real competencies, keywords and a TRL only where it applies', async () => {
		const rows = await profiles();
		const paths = new Set(flattenTaxonomy().map((r) => r.path));
		const named = await db
			.select({ profileId: cooperationProfileCompetencies.profileId, path: competencies.path })
			.from(cooperationProfileCompetencies)
			.innerJoin(competencies, eq(competencies.id, cooperationProfileCompetencies.competenceId));
		for (const p of rows) {
			expect(p.descriptionDe.length, p.title).toBeGreaterThan(150);
			expect(p.descriptionEn.length, p.title).toBeGreaterThan(150);
			expect(p.summary.length, p.title).toBeGreaterThan(40);
			expect(p.keywords.length, p.title).toBeGreaterThanOrEqual(4);
			expect(p.partnershipKinds.length, p.title).toBeGreaterThanOrEqual(1);
			const own = named.filter((n) => n.profileId === p.id).map((n) => n.path);
			expect(own.length, p.title).toBeGreaterThanOrEqual(2);
			for (const path of own) expect(paths.has(path)).toBe(true);
			if (typesWithTrl.includes(p.type)) expect(p.trl, p.title).toBeGreaterThanOrEqual(1);
			else expect(p.trl, p.title).toBeNull();
		}
		// The generated search finds a profile by its own words.
		const found = await db
			.select({ title: cooperationProfiles.title })
			.from(cooperationProfiles)
			.where(sql`${cooperationProfiles.search} @@ websearch_to_tsquery('german', 'Langdrehautomaten')`);
		expect(found.map((f) => f.title)).toContain(
			'Zustandsüberwachung für Langdrehautomaten: Sensorik und Auswertung gesucht'
		);
	});

	it('gives Hasetal (orgadmin@, member@) a request with interests, a draft and an anonymous capacity offer', async () => {
		const hasetal = await organisationId(DEMO_SHARED_ORGANISATION);
		const own = (await profiles()).filter((p) => p.organisationId === hasetal);
		const request = own.find((p) => p.type === 'technology_request')!;
		expect(live(request)).toBe(true);
		expect(request.visibility).toBe('members');
		expect(request.createdBy).toBe(await userId('orgadmin@demo.example'));
		expect(own.find((p) => p.status === 'draft')).toBeDefined();
		const offer = own.find((p) => p.type === 'capacity_offer')!;
		expect(live(offer)).toBe(true);
		expect(offer.visibility).toBe('public_anonymous');
		expect(offer.anonymousViews).toBeGreaterThan(0);

		const interests = await db
			.select()
			.from(cooperationInterests)
			.where(eq(cooperationInterests.profileId, request.id));
		expect(interests.filter((i) => i.status === 'pending')).toHaveLength(1);
		const accepted = interests.filter((i) => i.status === 'accepted');
		expect(accepted.map((i) => i.outcome)).toEqual(['in_talks']);
		expect(accepted[0]!.decidedBy).toBe(await userId('orgadmin@demo.example'));

		const matched = await db
			.select({ organisationId: cooperationMatches.organisationId })
			.from(cooperationMatches)
			.where(eq(cooperationMatches.profileId, request.id));
		expect(matched.length).toBeGreaterThan(0);
		expect(matched.map((m) => m.organisationId)).toContain(await organisationId(DEMO_LEAD_ORGANISATION));
		expect(matched.map((m) => m.organisationId)).not.toContain(hasetal);
	});

	it("gives lead@'s organisation a live profile that matches Hasetal, with member@'s pending interest", async () => {
		const piesberg = await organisationId(DEMO_LEAD_ORGANISATION);
		const hasetal = await organisationId(DEMO_SHARED_ORGANISATION);
		const [profile] = (await profiles()).filter((p) => p.organisationId === piesberg && live(p));
		expect(profile).toBeDefined();
		const matched = await db
			.select({ organisationId: cooperationMatches.organisationId })
			.from(cooperationMatches)
			.where(eq(cooperationMatches.profileId, profile!.id));
		expect(matched.map((m) => m.organisationId)).toContain(hasetal);
		const [interest] = await db
			.select()
			.from(cooperationInterests)
			.where(
				and(eq(cooperationInterests.profileId, profile!.id), eq(cooperationInterests.organisationId, hasetal))
			);
		expect(interest).toMatchObject({ status: 'pending', userId: await userId('member@demo.example') });
	});

	it('records matches for every published profile, and none for the others', async () => {
		const rows = await profiles();
		const counts = await db
			.select({ profileId: cooperationMatches.profileId, n: sql<number>`count(*)::int` })
			.from(cooperationMatches)
			.groupBy(cooperationMatches.profileId);
		const countOf = new Map(counts.map((c) => [c.profileId, c.n]));
		for (const p of rows.filter(live)) expect(countOf.get(p.id) ?? 0, p.title).toBeGreaterThan(0);
		for (const p of rows.filter((p) => p.status !== 'published'))
			expect(countOf.get(p.id), p.title).toBeUndefined();
		// Recorded as on publication (or renewal), not on the seed's wall clock.
		const matches = await db
			.select({ createdAt: cooperationMatches.createdAt, organisationId: cooperationMatches.organisationId })
			.from(cooperationMatches)
			.innerJoin(cooperationProfiles, eq(cooperationProfiles.id, cooperationMatches.profileId));
		for (const m of matches) expect(m.createdAt < now).toBe(true);
	});

	it('has expressions of interest in every status and outcome, one success story the network may publish', async () => {
		const rows = await db.select().from(cooperationInterests);
		expect(summary).toMatchObject({ cooperationInterests: rows.length });
		expect(rows.length).toBeGreaterThanOrEqual(10);
		expect(new Set(rows.map((i) => i.status))).toEqual(new Set(interestStatuses));
		expect(new Set(rows.map((i) => i.outcome).filter(Boolean))).toEqual(new Set(interestOutcomes));
		const agreed = rows.filter((i) => i.outcome === 'agreed');
		expect(agreed.some((i) => i.successStoryPublishable && i.successStory.length > 50)).toBe(true);
		for (const i of rows) {
			if (i.status === 'pending') expect(i.decidedAt).toBeNull();
			else expect(i.decidedAt! > i.createdAt).toBe(true);
			if (i.outcome) {
				expect(i.status).toBe('accepted');
				expect(i.outcomeAt! > i.decidedAt!).toBe(true);
			}
			expect(i.createdAt < now).toBe(true);
		}
		// Interests go to live or once-live profiles, never from the owner itself.
		const profileById = new Map((await profiles()).map((p) => [p.id, p]));
		for (const i of rows) {
			const profile = profileById.get(i.profileId)!;
			expect(profile.publishedAt! < i.createdAt).toBe(true);
			expect(profile.organisationId).not.toBe(i.organisationId);
		}
	});

	it('tells every profile’s history, with the office’s review and brokering', async () => {
		const steps = await db.select().from(cooperationSteps).orderBy(asc(cooperationSteps.createdAt));
		const office = await userId('office@demo.example');
		for (const p of await profiles()) {
			const own = steps.filter((s) => s.profileId === p.id);
			expect(own[0]!.kind, p.title).toBe('created');
			if (p.status !== 'draft')
				expect(
					own.map((s) => s.kind),
					p.title
				).toContain('submitted');
			if (p.publishedAt) {
				const approved = own.find((s) => s.kind === 'approved')!;
				expect(approved.actorUserId).toBe(office);
				expect(approved.createdAt).toEqual(p.publishedAt);
			}
			if (p.status === 'changes_requested')
				expect(own.find((s) => s.kind === 'changes_requested')!.note).toBe(p.reviewNote);
			if (p.status === 'withdrawn') expect(own.at(-1)!.kind).toBe('withdrawn');
			for (const s of own) expect(s.createdAt <= now).toBe(true);
		}
		const interests = await db.select().from(cooperationInterests);
		for (const i of interests) {
			const own = steps.filter((s) => s.interestId === i.id).map((s) => s.kind);
			expect(own[0]).toBe('interest_sent');
			if (i.outcome) expect(own).toContain('outcome_recorded');
		}
		const kinds = new Set(steps.map((s) => s.kind));
		for (const kind of [
			'changes_requested',
			'renewed',
			'withdrawn',
			'interest_accepted',
			'interest_declined',
			'interest_withdrawn',
			'outcome_recorded',
			'office_note',
			'meeting_suggested',
			'event_slot_proposed'
		] as const)
			expect(kinds.has(kind), kind).toBe(true);
		// Meetings and event slots are suggested to both parties of an accepted interest.
		for (const s of steps.filter((s) => s.kind === 'meeting_suggested' || s.kind === 'event_slot_proposed'))
			expect(interests.find((i) => i.id === s.interestId)?.status).toBe('accepted');
		const meeting = steps.find((s) => s.kind === 'meeting_suggested')!;
		expect(meeting.meetingAt! > now).toBe(true);
		expect(meeting.meetingPlace).toBeTruthy();
		const slot = steps.find((s) => s.kind === 'event_slot_proposed')!;
		const [event] = await db.select().from(events).where(eq(events.id, slot.eventId!));
		expect(event!.startsAt > now).toBe(true);
		expect(await findProposableEvent(db, event!.networkId, event!.id, now)).not.toBeNull();
		expect(steps.filter((s) => s.kind === 'office_note').every((s) => s.actorUserId === office)).toBe(true);
	});

	it('counts views of signed-in people (never by the owner’s own people) and of visitors on anonymous profiles', async () => {
		const views = await db
			.select({
				profileId: cooperationProfileViews.profileId,
				userId: cooperationProfileViews.userId,
				at: cooperationProfileViews.firstViewedAt,
				owner: cooperationProfiles.organisationId,
				publishedAt: cooperationProfiles.publishedAt
			})
			.from(cooperationProfileViews)
			.innerJoin(cooperationProfiles, eq(cooperationProfiles.id, cooperationProfileViews.profileId));
		expect(views.length).toBeGreaterThan(50);
		const memberships = await db.select().from(organisationMemberships);
		for (const v of views) {
			expect(v.at > v.publishedAt! && v.at < now).toBe(true);
			expect(memberships.some((m) => m.userId === v.userId && m.organisationId === v.owner)).toBe(false);
		}
		const lead = await userId('lead@demo.example');
		expect(views.some((v) => v.userId === lead)).toBe(true);
		const rows = await profiles();
		for (const p of rows.filter((p) => p.publishedAt && p.visibility === 'public_anonymous'))
			expect(p.anonymousViews, p.title).toBeGreaterThan(0);
		for (const p of rows.filter((p) => p.visibility === 'members')) expect(p.anonymousViews).toBe(0);
	});

	it('leaves no match notification or expiry reminder to send, and queues no mail', async () => {
		const orgadmin = await userId('orgadmin@demo.example');
		const hasetal = await organisationId(DEMO_SHARED_ORGANISATION);
		const notifications = await db.select().from(cooperationMatchNotifications);
		expect(notifications.filter((n) => n.emailedAt === null)).toHaveLength(0);
		// Hasetal's admin heard of every profile that matched Hasetal.
		const hasetalMatches = await db
			.select({ profileId: cooperationMatches.profileId })
			.from(cooperationMatches)
			.where(eq(cooperationMatches.organisationId, hasetal));
		expect(hasetalMatches.length).toBeGreaterThanOrEqual(2);
		expect(
			notifications
				.filter((n) => n.userId === orgadmin)
				.map((n) => n.profileId)
				.sort()
		).toEqual(hasetalMatches.map((m) => m.profileId).sort());
		for (const n of notifications) expect(n.emailedAt! <= now && n.emailedAt! >= n.createdAt).toBe(true);

		const horizon = new Date(now.getTime() + EXPIRY_REMINDER_DAYS * DAY);
		const due = await db
			.select()
			.from(cooperationProfiles)
			.where(
				and(
					eq(cooperationProfiles.status, 'published'),
					sql`${cooperationProfiles.expiresAt} <= ${horizon.toISOString()}`
				)
			);
		// One live profile runs out soon (its owner sees the reminder), two have expired.
		expect(due.filter(live)).toHaveLength(1);
		expect(due.filter(expired)).toHaveLength(2);
		for (const p of due) expect(p.expiryRemindedAt! <= now, p.title).toBe(true);
		const unreminded = await db
			.select({ id: cooperationProfiles.id })
			.from(cooperationProfiles)
			.where(
				and(
					sql`${cooperationProfiles.expiresAt} <= ${horizon.toISOString()}`,
					eq(cooperationProfiles.status, 'published'),
					isNull(cooperationProfiles.expiryRemindedAt)
				)
			);
		expect(unreminded).toHaveLength(0);
		// The jobs' first runs find nothing to send.
		expect(await sendDueDigests(db, now)).toBe(0);
		expect(await sweepExpiryReminders(db, now)).toBe(0);
		expect(await db.select().from(mailMessages)).toHaveLength(0);
	});

	it('uses stable ids that tests and links can name', async () => {
		const ids = demoCooperationPlans.map((p) => demoCooperationIds.profile(p.key));
		const rows = await db
			.select({ id: cooperationProfiles.id })
			.from(cooperationProfiles)
			.where(inArray(cooperationProfiles.id, ids));
		expect(rows).toHaveLength(ids.length);
	});
});

/** The exchange's rows without what differs between databases (random ids of organisations and accounts). */
async function snapshot(database: Database) {
	const names = new Map(
		(await database.select({ id: organisations.id, name: organisations.name }).from(organisations)).map(
			(o) => [o.id, o.name]
		)
	);
	const emails = new Map(
		(await database.select({ id: user.id, email: user.email }).from(user)).map((u) => [u.id, u.email])
	);
	const profileRows = await database.select().from(cooperationProfiles).orderBy(asc(cooperationProfiles.id));
	const interestRows = await database
		.select()
		.from(cooperationInterests)
		.orderBy(asc(cooperationInterests.id));
	const stepRows = await database.select().from(cooperationSteps).orderBy(asc(cooperationSteps.id));
	const viewRows = await database.select().from(cooperationProfileViews);
	return {
		profiles: profileRows.map(({ networkId: _n, search: _s, ...p }) => ({
			...p,
			organisationId: names.get(p.organisationId),
			createdBy: p.createdBy && emails.get(p.createdBy),
			reviewedBy: p.reviewedBy && emails.get(p.reviewedBy)
		})),
		interests: interestRows.map(({ networkId: _n, ...i }) => ({
			...i,
			organisationId: names.get(i.organisationId),
			userId: i.userId && emails.get(i.userId),
			decidedBy: i.decidedBy && emails.get(i.decidedBy),
			outcomeBy: i.outcomeBy && emails.get(i.outcomeBy)
		})),
		steps: stepRows.map(({ networkId: _n, ...s }) => ({
			...s,
			actorUserId: s.actorUserId && emails.get(s.actorUserId)
		})),
		views: viewRows
			.map((v) => `${v.profileId}:${emails.get(v.userId)}:${v.firstViewedAt.toISOString()}`)
			.sort()
	};
}

describe('seeding the demo exchange', () => {
	it('gives the same profiles, interests, history and views on every seed', async () => {
		const second = await createTestDatabase();
		try {
			await seedDemoData(second.db, { now });
			expect(await snapshot(second.db)).toEqual(await snapshot(db));
		} finally {
			await second.close();
			await second.drop();
		}
	});

	it('is skipped with the rest of the demo when the database is already seeded', async () => {
		const before = await snapshot(db);
		const again = await seedDemoData(db, { now });
		expect(again).toMatchObject({ skipped: true, cooperationProfiles: 0, cooperationInterests: 0 });
		expect(await snapshot(db)).toEqual(before);
	});
});
