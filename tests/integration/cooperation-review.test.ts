import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { useFreshDatabase } from '../helpers/database.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import {
	auditLog,
	cooperationMatches,
	cooperationProfiles,
	cooperationSteps,
	mailMessages
} from '../../src/lib/server/db/schema/index.ts';
import {
	addToOrganisation,
	assignCompetencies,
	createCompetence,
	createNetwork,
	createOrganisation,
	createUser,
	grantNetworkRole
} from '../../src/lib/server/testing/factories.ts';
import { createInterest, createProfile } from '../../src/lib/server/testing/cooperation-factories.ts';
import { anonymousActor, type Actor } from '../../src/lib/server/policy/actor.ts';
import { loadActor } from '../../src/lib/server/policy/queries.ts';
import type { NetworkRole } from '../../src/lib/server/db/schema/roles.ts';
import { PROFILE_RUNTIME_DAYS } from '../../src/lib/cooperation/vocabulary.ts';
import { AppError } from '../../src/lib/server/errors.ts';
import { approveProfile } from '../../src/lib/server/cooperation/review/mutations.ts';
import { approvalExpiry } from '../../src/lib/server/cooperation/review/expiry.ts';
import { listTimeline } from '../../src/lib/server/cooperation/review/queries.ts';
import { load as listLoad } from '../../src/routes/(office)/office/cooperation/+page.server.ts';
import {
	actions as detailActions,
	load as detailLoad
} from '../../src/routes/(office)/office/cooperation/[id]/+page.server.ts';

/**
 * The office's review of cooperation profiles: approve (with the owner's chosen expiry, matches
 * recorded in the same transaction), ask for changes and reject with a reason, each mailed to the
 * owner's admins in their language; stale states, who may read and act, foreign and malformed ids.
 */
const DAY = 86_400_000;
const origin = 'http://knotenpunkt.test';
let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let db: Database;
let networkId: string;
let otherNetworkId: string;
let owner: { id: string; name: string };
let partner: { id: string; name: string };
let competence: { id: string };
const actors: Record<string, Actor> = {};
const users: Record<string, { id: string; email: string }> = {};

let counter = 0;
async function make(
	key: string,
	roles: NetworkRole[],
	organisation?: { id: string; role: 'org_admin' | 'org_member' },
	locale: 'de' | 'en' = 'de'
) {
	counter += 1;
	const created = await createUser(db, {
		email: `${key}-${counter}@review.test`,
		name: `${key} Person`,
		locale
	});
	for (const role of roles) await grantNetworkRole(db, networkId, created.id, role);
	if (organisation) await addToOrganisation(db, networkId, organisation.id, created.id, organisation.role);
	users[key] = created;
	actors[key] = await loadActor(networkId, created);
}

function request(actor: Actor, path: string, params: Record<string, string>, form?: FormData) {
	const url = new URL(`${origin}${path}`);
	return {
		params,
		url,
		request: new Request(url, { method: form ? 'POST' : 'GET', body: form }),
		locals: {
			actor,
			locale: 'de',
			network: { id: networkId, name: 'Testnetz', shortName: 'TN' },
			origin,
			clientAddress: '127.0.0.1'
		}
	} as never;
}

async function outcome<T>(run: () => Promise<T>) {
	try {
		const data = await run();
		const status = (data as { status?: number } | undefined)?.status ?? 200;
		return { status, data: data as Record<string, unknown> & { data?: Record<string, unknown> } };
	} catch (thrown) {
		if (isRedirect(thrown)) return { status: thrown.status, data: undefined };
		if (isHttpError(thrown)) return { status: thrown.status, data: undefined };
		throw thrown;
	}
}

const form = (values: Record<string, string> = {}) => {
	const data = new FormData();
	for (const [key, value] of Object.entries(values)) data.set(key, value);
	return data;
};

type ActionName = keyof typeof detailActions;
const act = (actor: Actor, id: string, action: ActionName, values: Record<string, string> = {}) =>
	outcome(() =>
		(detailActions[action] as (event: never) => Promise<unknown>)(
			request(actor, `/office/cooperation/${id}`, { id }, form(values))
		)
	);
const show = (actor: Actor, id: string) =>
	outcome(() => detailLoad(request(actor, `/office/cooperation/${id}`, { id })) as Promise<unknown>);

const mailsTo = (email: string) => db.select().from(mailMessages).where(eq(mailMessages.toAddress, email));
const stepsOf = (profileId: string) =>
	db.select().from(cooperationSteps).where(eq(cooperationSteps.profileId, profileId));
const profileRow = async (id: string) =>
	(await db.select().from(cooperationProfiles).where(eq(cooperationProfiles.id, id)))[0]!;

async function inReview(
	overrides: Partial<typeof cooperationProfiles.$inferInsert> & { competenceIds?: string[] } = {}
) {
	return createProfile(db, networkId, owner.id, {
		status: 'in_review',
		submittedAt: new Date(Date.now() - DAY),
		title: `Leichtbau-Prüfstand gesucht ${++counter}`,
		...overrides
	});
}

beforeAll(async () => {
	database = await useFreshDatabase();
	db = database.db;
	networkId = (await createNetwork(db, { name: 'Automotive Prüfnetz' })).id;
	otherNetworkId = (await createNetwork(db)).id;
	owner = await createOrganisation(db, networkId, { name: 'Alpha Leichtbau GmbH' });
	partner = await createOrganisation(db, networkId, { name: 'Beta Prüftechnik AG' });
	competence = await createCompetence(db, networkId, { slug: 'leichtbau', nameDe: 'Leichtbau' });
	await assignCompetencies(db, networkId, partner.id, [competence.id]);
	await make('office', ['office']);
	await make('board', ['board']);
	await make('ownerAdmin', ['member'], { id: owner.id, role: 'org_admin' }, 'en');
	await make('ownerAdminDe', ['member'], { id: owner.id, role: 'org_admin' }, 'de');
	await make('ownerMember', ['member'], { id: owner.id, role: 'org_member' });
	await make('partnerAdmin', ['member'], { id: partner.id, role: 'org_admin' });
	await make('partnerPerson', ['partner']);
});
afterAll(() => database.close());

describe('approving', () => {
	it('publishes a profile in review until the owner’s chosen date, records its matches and mails the owner’s admins in their language', async () => {
		const chosen = new Date(Date.now() + 40 * DAY);
		const profile = await inReview({ expiresAt: chosen, competenceIds: [competence.id] });
		const result = await act(actors.office!, profile.id, 'approve');
		expect(result.status).toBe(200);
		expect(result.data).toMatchObject({ form: 'review' });
		expect(String(result.data!.success)).toContain('freigegeben');

		const row = await profileRow(profile.id);
		expect(row.status).toBe('published');
		expect(row.publishedAt).not.toBeNull();
		expect(row.reviewedBy).toBe(users.office!.id);
		expect(row.reviewedAt).not.toBeNull();
		expect(row.reviewNote).toBe('');
		expect(row.expiresAt!.getTime()).toBe(chosen.getTime());

		const steps = await stepsOf(profile.id);
		expect(steps.map((step) => [step.kind, step.actorUserId])).toEqual([['approved', users.office!.id]]);

		// Matching ran in the same transaction: the partner shares the profile's competence.
		const matches = await db
			.select()
			.from(cooperationMatches)
			.where(eq(cooperationMatches.profileId, profile.id));
		expect(matches.map((match) => match.organisationId)).toContain(partner.id);

		const [english] = await mailsTo(users.ownerAdmin!.email);
		expect(english!.subject).toBe(`Your cooperation profile is published: ${profile.title}`);
		expect(english!.textBody).toContain(`${origin}/cooperation/${profile.id}`);
		expect(english!.textBody).toContain(
			new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/Berlin' }).format(chosen)
		);
		const [german] = await mailsTo(users.ownerAdminDe!.email);
		expect(german!.subject).toBe(`Ihr Kooperationsprofil ist veröffentlicht: ${profile.title}`);
		expect(await mailsTo(users.ownerMember!.email)).toHaveLength(0);

		const audit = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'cooperation.profile.approved'), eq(auditLog.targetId, profile.id)));
		expect(audit).toHaveLength(1);
	});

	it('runs for the standard time when the chosen date has passed or lies beyond the longest runtime', async () => {
		const now = new Date();
		expect(approvalExpiry(null, now).getTime()).toBe(now.getTime() + PROFILE_RUNTIME_DAYS * DAY);
		expect(approvalExpiry(new Date(now.getTime() - DAY), now).getTime()).toBe(
			now.getTime() + PROFILE_RUNTIME_DAYS * DAY
		);
		expect(approvalExpiry(new Date(now.getTime() + 400 * DAY), now).getTime()).toBe(
			now.getTime() + PROFILE_RUNTIME_DAYS * DAY
		);

		const late = await inReview({ expiresAt: new Date(Date.now() + 500 * DAY) });
		const before = Date.now();
		expect((await act(actors.office!, late.id, 'approve')).status).toBe(200);
		const expiresAt = (await profileRow(late.id)).expiresAt!.getTime();
		expect(expiresAt).toBeGreaterThanOrEqual(before + PROFILE_RUNTIME_DAYS * DAY);
		expect(expiresAt).toBeLessThanOrEqual(Date.now() + PROFILE_RUNTIME_DAYS * DAY);

		const past = await inReview({ expiresAt: new Date(Date.now() - DAY) });
		expect((await act(actors.office!, past.id, 'approve')).status).toBe(200);
		expect((await profileRow(past.id)).expiresAt!.getTime()).toBeGreaterThan(Date.now() + 170 * DAY);
	});

	it('refuses a profile that left review meanwhile with a clear message, changing and mailing nothing', async () => {
		const withdrawn = await inReview({ status: 'withdrawn' });
		const result = await act(actors.office!, withdrawn.id, 'approve');
		expect(result.status).toBe(409);
		const errors = (result.data!.data as { errors: Record<string, string> }).errors;
		expect(errors._form).toBe(
			'Das Profil wartet nicht mehr auf eine Prüfung (jetzt: Zurückgezogen). Bitte laden Sie die Seite neu.'
		);
		expect((await profileRow(withdrawn.id)).status).toBe('withdrawn');
		expect(await stepsOf(withdrawn.id)).toHaveLength(0);

		// Approving twice: the second finds it published.
		const twice = await inReview();
		expect((await act(actors.office!, twice.id, 'approve')).status).toBe(200);
		const again = await act(actors.office!, twice.id, 'reject', { reason: 'Doch nicht.' });
		expect(again.status).toBe(409);
		expect((await profileRow(twice.id)).status).toBe('published');
		expect((await stepsOf(twice.id)).map((step) => step.kind)).toEqual(['approved']);
	});

	it('the domain refuses anyone but the office', async () => {
		const profile = await inReview();
		for (const key of ['board', 'ownerAdmin']) {
			await expect(
				approveProfile({ actor: actors[key]!, networkId, profileId: profile.id, origin })
			).rejects.toBeInstanceOf(AppError);
		}
		expect((await profileRow(profile.id)).status).toBe('in_review');
	});
});

describe('asking for changes and rejecting', () => {
	it('need a reason: without one, 400 with the field error and nothing written', async () => {
		const profile = await inReview();
		for (const action of ['requestChanges', 'reject'] as const) {
			const result = await act(actors.office!, profile.id, action, { reason: '   ' });
			expect(result.status).toBe(400);
			const data = result.data!.data as { form: string; errors: Record<string, string> };
			expect(data.form).toBe('review');
			expect(data.errors.reason).toBe('Bitte füllen Sie dieses Feld aus.');
		}
		expect((await profileRow(profile.id)).status).toBe('in_review');
		expect(await stepsOf(profile.id)).toHaveLength(0);
	});

	it('ask for changes: the reason in review_note, on the step and in the mail with a link to edit', async () => {
		const profile = await inReview();
		const reason = 'Bitte beschreiben Sie den Prüfstand genauer (Lasten, Maße).';
		const result = await act(actors.office!, profile.id, 'requestChanges', { reason });
		expect(result.status).toBe(200);
		const row = await profileRow(profile.id);
		expect(row.status).toBe('changes_requested');
		expect(row.reviewNote).toBe(reason);
		expect(row.reviewedBy).toBe(users.office!.id);
		const steps = await stepsOf(profile.id);
		expect(steps.map((step) => [step.kind, step.note])).toEqual([['changes_requested', reason]]);

		const english = (await mailsTo(users.ownerAdmin!.email)).find((mail) =>
			mail.subject.includes(profile.title)
		);
		expect(english!.subject).toBe(`Please revise your cooperation profile: ${profile.title}`);
		expect(english!.textBody).toContain(`Reason:\n${reason}`);
		expect(english!.textBody).toContain(`${origin}/cooperation/${profile.id}/edit`);
		const german = (await mailsTo(users.ownerAdminDe!.email)).find((mail) =>
			mail.subject.includes(profile.title)
		);
		expect(german!.subject).toBe(`Bitte überarbeiten Sie Ihr Kooperationsprofil: ${profile.title}`);
		expect(german!.textBody).toContain(`Begründung:\n${reason}`);
	});

	it('reject: status, reason, step, audit and mail', async () => {
		const profile = await inReview();
		const reason = 'Das Angebot richtet sich nicht an Mitglieder des Netzwerks.';
		expect((await act(actors.office!, profile.id, 'reject', { reason })).status).toBe(200);
		const row = await profileRow(profile.id);
		expect(row.status).toBe('rejected');
		expect(row.reviewNote).toBe(reason);
		expect((await stepsOf(profile.id)).map((step) => [step.kind, step.note])).toEqual([['rejected', reason]]);
		const mail = (await mailsTo(users.ownerAdminDe!.email)).find((m) => m.subject.includes(profile.title));
		expect(mail!.subject).toBe(`Ihr Kooperationsprofil wurde nicht freigegeben: ${profile.title}`);
		expect(mail!.textBody).toContain(reason);
		expect(mail!.textBody).toContain(`${origin}/cooperation/${profile.id}/edit`);
		const audit = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'cooperation.profile.rejected'), eq(auditLog.targetId, profile.id)));
		expect(audit[0]!.details).toMatchObject({ reason });
	});
});

describe('who may read and act', () => {
	it('office and board read the list and the profile; org admins, members and partners get 403; visitors sign in', async () => {
		const profile = await inReview();
		for (const key of ['office', 'board']) {
			expect((await outcome(() => listLoad(request(actors[key]!, '/office/cooperation', {})))).status).toBe(
				200
			);
			expect((await show(actors[key]!, profile.id)).status).toBe(200);
		}
		for (const key of ['ownerAdmin', 'ownerMember', 'partnerAdmin', 'partnerPerson']) {
			expect((await outcome(() => listLoad(request(actors[key]!, '/office/cooperation', {})))).status).toBe(
				403
			);
			expect((await show(actors[key]!, profile.id)).status).toBe(403);
		}
		expect((await show(anonymousActor(networkId), profile.id)).status).toBe(303);
	});

	it('the board reads but cannot act; the owner’s admin cannot review its own profile', async () => {
		const profile = await inReview();
		const board = await show(actors.board!, profile.id);
		expect(board.data).toMatchObject({ canReview: false, canBroker: false });
		for (const key of ['board', 'ownerAdmin', 'partnerAdmin']) {
			expect((await act(actors[key]!, profile.id, 'approve')).status).toBe(403);
			expect((await act(actors[key]!, profile.id, 'reject', { reason: 'Nein.' })).status).toBe(403);
			expect((await act(actors[key]!, profile.id, 'requestChanges', { reason: 'Bitte.' })).status).toBe(403);
		}
		expect((await profileRow(profile.id)).status).toBe('in_review');
		expect(await stepsOf(profile.id)).toHaveLength(0);
	});

	it('unknown, malformed and other network’s ids are 404 for the page and every action', async () => {
		const foreign = await createProfile(
			db,
			otherNetworkId,
			(await createOrganisation(db, otherNetworkId)).id,
			{
				status: 'in_review'
			}
		);
		for (const id of [crypto.randomUUID(), 'not-a-uuid', foreign.id]) {
			expect((await show(actors.office!, id)).status).toBe(404);
			expect((await act(actors.office!, id, 'approve')).status).toBe(404);
			expect((await act(actors.office!, id, 'reject', { reason: 'Nein.' })).status).toBe(404);
			expect((await act(actors.office!, id, 'requestChanges', { reason: 'Bitte.' })).status).toBe(404);
		}
		expect((await profileRow(foreign.id)).status).toBe('in_review');
	});
});

describe('the office’s lists', () => {
	it('the queue holds profiles in review, oldest first; the list filters by status (expired too), type and organisation', async () => {
		const gamma = await createOrganisation(db, networkId, { name: 'Gamma 100% Guss KG' });
		const oldest = await createProfile(db, networkId, gamma.id, {
			status: 'in_review',
			submittedAt: new Date(Date.now() - 30 * DAY),
			title: 'Ältestes Gesuch'
		});
		const expired = await createProfile(db, networkId, gamma.id, {
			type: 'capacity_offer',
			title: 'Abgelaufene Kapazität',
			publishedAt: new Date(Date.now() - 200 * DAY),
			expiresAt: new Date(Date.now() - DAY)
		});
		const live = await createProfile(db, networkId, gamma.id, {
			type: 'capacity_offer',
			title: 'Freie Fräse'
		});
		await createInterest(db, networkId, live.id, partner.id, users.partnerAdmin!.id);
		await createInterest(db, networkId, live.id, owner.id, users.ownerAdmin!.id, { status: 'declined' });

		const load = async (query = '') =>
			(await listLoad(request(actors.office!, `/office/cooperation${query}`, {}))) as Awaited<
				ReturnType<typeof listLoad>
			>;
		const all = await load();
		expect(all.queue[0]!.id).toBe(oldest.id);
		expect(all.queue.every((row) => row.status === 'in_review')).toBe(true);
		const submitted = all.queue.map((row) => row.submittedAt!.getTime());
		expect(submitted).toEqual([...submitted].sort((a, b) => a - b));

		const expiredOnly = await load('?status=expired');
		expect(expiredOnly.profiles.map((row) => row.id)).toEqual([expired.id]);
		expect(expiredOnly.profiles[0]!.status).toBe('expired');

		const gammaCapacity = await load('?type=capacity_offer&organisation=100%25 guss');
		expect(gammaCapacity.profiles.map((row) => row.id).sort()).toEqual([expired.id, live.id].sort());
		const liveRow = gammaCapacity.profiles.find((row) => row.id === live.id)!;
		expect(liveRow).toMatchObject({
			organisationName: 'Gamma 100% Guss KG',
			interestCount: 2,
			status: 'published'
		});

		const published = await load('?status=published&organisation=Gamma');
		expect(published.profiles.map((row) => row.id)).toEqual([live.id]);
		expect((await load('?organisation=Niemand')).total).toBe(0);
	});
});

describe('the timeline', () => {
	it('listTimeline hides the office’s notes unless asked for them', async () => {
		const profile = await inReview();
		await db.insert(cooperationSteps).values([
			{ networkId, profileId: profile.id, kind: 'submitted', actorUserId: users.ownerAdmin!.id },
			{ networkId, profileId: profile.id, kind: 'office_note', actorUserId: users.office!.id, note: 'Intern' }
		]);
		const forOwner = await listTimeline(networkId, profile.id, { includeOfficeNotes: false });
		expect(forOwner.map((step) => step.kind)).toEqual(['submitted']);
		const forOffice = await listTimeline(networkId, profile.id, { includeOfficeNotes: true });
		expect(forOffice.map((step) => step.kind).sort()).toEqual(['office_note', 'submitted']);
		expect(forOffice.find((step) => step.kind === 'office_note')!.actorName).toBe('office Person');
		// Another network sees no steps of it.
		expect(await listTimeline(otherNetworkId, profile.id, { includeOfficeNotes: true })).toEqual([]);
	});
});
