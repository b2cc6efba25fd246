import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { useFreshDatabase } from '../helpers/database.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import {
	auditLog,
	cooperationInterests,
	cooperationSteps,
	mailMessages
} from '../../src/lib/server/db/schema/index.ts';
import {
	addToOrganisation,
	createCircle,
	createNetwork,
	createOrganisation,
	createUser,
	grantNetworkRole
} from '../../src/lib/server/testing/factories.ts';
import { createInterest, createProfile } from '../../src/lib/server/testing/cooperation-factories.ts';
import { createEvent } from '../../src/lib/server/testing/event-factories.ts';
import type { Actor } from '../../src/lib/server/policy/actor.ts';
import { loadActor } from '../../src/lib/server/policy/queries.ts';
import type { NetworkRole } from '../../src/lib/server/db/schema/roles.ts';
import { localToUtc } from '../../src/lib/events/time.ts';
import { formatEventRange } from '../../src/lib/events/format.ts';
import { listTimeline } from '../../src/lib/server/cooperation/review/queries.ts';
import { cooperationFigures } from '../../src/lib/server/cooperation/reports/queries.ts';
import {
	actions as detailActions,
	load as detailLoad
} from '../../src/routes/(office)/office/cooperation/[id]/+page.server.ts';
import { load as listLoad } from '../../src/routes/(office)/office/cooperation/+page.server.ts';
import { load as ownerPageLoad } from '../../src/routes/cooperation/[id]/+page.server.ts';

/**
 * The office's brokering: internal notes the owner never sees, meetings and event slots suggested
 * for accepted expressions of interest (mailed to both parties in their languages), interests of
 * another profile refused; and the exchange's figures for the network's reports.
 */
const DAY = 86_400_000;
const origin = 'http://knotenpunkt.test';
let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let db: Database;
let networkId: string;
let otherNetworkId: string;
let owner: { id: string; name: string };
let partner: { id: string; name: string };
let third: { id: string; name: string };
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
		email: `${key}-${counter}@broker.test`,
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
		cookies: { get: () => undefined, set: () => undefined },
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

type ActionName = keyof typeof detailActions;
const act = (actor: Actor, id: string, action: ActionName, values: Record<string, string> = {}) => {
	const form = new FormData();
	for (const [key, value] of Object.entries(values)) form.set(key, value);
	return outcome(() =>
		(detailActions[action] as (event: never) => Promise<unknown>)(
			request(actor, `/office/cooperation/${id}`, { id }, form)
		)
	);
};
const errorsOf = (result: Awaited<ReturnType<typeof act>>) =>
	(result.data!.data as { errors: Record<string, string> }).errors;

const mailsTo = (email: string) => db.select().from(mailMessages).where(eq(mailMessages.toAddress, email));
const stepsOf = (profileId: string) =>
	db.select().from(cooperationSteps).where(eq(cooperationSteps.profileId, profileId));

/** A local Berlin date two weeks ahead, as the form sends it. */
function futureDate(days = 14) {
	return new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
}

/** A published profile of `owner` with an accepted interest of `partner` and a pending one of `third`. */
async function brokerable() {
	const profile = await createProfile(db, networkId, owner.id, {
		title: `Batteriegehäuse aus Aluminium ${++counter}`,
		visibility: 'public_anonymous'
	});
	const accepted = await createInterest(db, networkId, profile.id, partner.id, users.partnerSender!.id, {
		status: 'accepted',
		decidedAt: new Date()
	});
	const pending = await createInterest(db, networkId, profile.id, third.id, users.thirdSender!.id);
	return { profile, accepted, pending };
}

beforeAll(async () => {
	database = await useFreshDatabase();
	db = database.db;
	networkId = (await createNetwork(db, { name: 'Automotive Vermittlungsnetz' })).id;
	otherNetworkId = (await createNetwork(db)).id;
	owner = await createOrganisation(db, networkId, { name: 'Alpha Gehäusebau GmbH' });
	partner = await createOrganisation(db, networkId, { name: 'Beta Leichtmetall AG' });
	third = await createOrganisation(db, networkId, { name: 'Gamma Guss KG' });
	await make('office', ['office']);
	await make('board', ['board']);
	await make('ownerAdmin', ['member'], { id: owner.id, role: 'org_admin' }, 'en');
	await make('ownerAdminDe', ['member'], { id: owner.id, role: 'org_admin' });
	await make('ownerMember', ['member'], { id: owner.id, role: 'org_member' });
	await make('partnerSender', ['member'], { id: partner.id, role: 'org_member' });
	await make('partnerAdmin', ['member'], { id: partner.id, role: 'org_admin' });
	await make('thirdSender', ['member'], { id: third.id, role: 'org_member' });
});
afterAll(() => database.close());

describe('office notes', () => {
	it('are on the office’s timeline, never on the owner’s', async () => {
		const { profile } = await brokerable();
		const note = 'Intern: Ansprechpartner wirkt zögerlich, im März nachfassen.';
		const result = await act(actors.office!, profile.id, 'note', { note });
		expect(result.status).toBe(200);
		expect(result.data).toMatchObject({ form: 'note' });
		const steps = await stepsOf(profile.id);
		expect(steps.map((step) => [step.kind, step.note, step.actorUserId])).toEqual([
			['office_note', note, users.office!.id]
		]);

		expect(
			(await listTimeline(networkId, profile.id, { includeOfficeNotes: true })).map((s) => s.note)
		).toEqual([note]);
		expect(await listTimeline(networkId, profile.id, { includeOfficeNotes: false })).toEqual([]);

		// The owner's profile page shows its timeline without the note; the office's page with it.
		const ownerPage = await ownerPageLoad(
			request(actors.ownerAdmin!, `/cooperation/${profile.id}`, { id: profile.id })
		);
		expect(ownerPage.ownerPanel).not.toBeNull();
		expect(JSON.stringify(ownerPage)).not.toContain('zögerlich');
		const officePage = await detailLoad(
			request(actors.office!, `/office/cooperation/${profile.id}`, { id: profile.id })
		);
		expect(officePage.timeline.map((step) => step.note)).toContain(note);
		// A note is nobody's mail.
		expect(await mailsTo(users.ownerAdmin!.email)).toHaveLength(0);
	});

	it('need text', async () => {
		const { profile } = await brokerable();
		const result = await act(actors.office!, profile.id, 'note', { note: '' });
		expect(result.status).toBe(400);
		expect(errorsOf(result).note).toBe('Bitte füllen Sie dieses Feld aus.');
		expect(await stepsOf(profile.id)).toHaveLength(0);
	});
});

describe('suggesting a meeting', () => {
	it('on an accepted interest: a step with the Berlin time and place, mailed to both parties in their languages', async () => {
		const { profile, accepted } = await brokerable();
		const date = futureDate();
		const result = await act(actors.office!, profile.id, 'suggestMeeting', {
			interestId: accepted.id,
			date,
			time: '10:30',
			place: 'Geschäftsstelle, Raum 2',
			message: 'Bringen Sie bitte Musterteile mit.'
		});
		expect(result.status).toBe(200);
		const expected = localToUtc({ date, time: '10:30' });
		if (!expected.ok) throw new Error('test date');
		const [step] = await stepsOf(profile.id);
		expect(step).toMatchObject({
			kind: 'meeting_suggested',
			interestId: accepted.id,
			meetingPlace: 'Geschäftsstelle, Raum 2',
			note: 'Bringen Sie bitte Musterteile mit.',
			actorUserId: users.office!.id
		});
		expect(step!.meetingAt!.getTime()).toBe(expected.value.getTime());

		const english = (await mailsTo(users.ownerAdmin!.email)).find((m) => m.subject.includes(profile.title))!;
		expect(english.subject).toBe(`Suggested meeting: ${profile.title}`);
		expect(english.textBody).toContain('between Alpha Gehäusebau GmbH and Beta Leichtmetall AG');
		expect(english.textBody).toContain('10:30');
		expect(english.textBody).toContain('Where: Geschäftsstelle, Raum 2');
		expect(english.textBody).toContain('Bringen Sie bitte Musterteile mit.');
		const german = (await mailsTo(users.ownerAdminDe!.email)).find((m) => m.subject.includes(profile.title))!;
		expect(german.subject).toBe(`Vorschlag für ein Treffen: ${profile.title}`);
		const sender = (await mailsTo(users.partnerSender!.email)).find((m) =>
			m.subject.includes(profile.title)
		)!;
		expect(sender.textBody).toContain('Wo: Geschäftsstelle, Raum 2');
		// Only the two parties: not the owner's plain members, not the pending third party.
		expect(await mailsTo(users.ownerMember!.email)).toHaveLength(0);
		expect(await mailsTo(users.thirdSender!.email)).toHaveLength(0);

		const audit = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'cooperation.meeting_suggested'), eq(auditLog.targetId, accepted.id)));
		expect(audit).toHaveLength(1);
	});

	it('refuses a pending interest (409), another profile’s interest (404), and bad or past times (400)', async () => {
		const { profile, pending } = await brokerable();
		const other = await brokerable();
		const base = { date: futureDate(), time: '09:00', place: 'Online', message: '' };

		const notAccepted = await act(actors.office!, profile.id, 'suggestMeeting', {
			...base,
			interestId: pending.id
		});
		expect(notAccepted.status).toBe(409);
		expect(errorsOf(notAccepted)._form).toBe(
			'Vermitteln lässt sich nur eine angenommene Interessenbekundung.'
		);

		for (const interestId of [other.accepted.id, crypto.randomUUID()]) {
			const foreign = await act(actors.office!, profile.id, 'suggestMeeting', { ...base, interestId });
			expect(foreign.status).toBe(404);
		}
		const malformed = await act(actors.office!, profile.id, 'suggestMeeting', { ...base, interestId: 'x' });
		expect(malformed.status).toBe(400);

		const accepted = (
			await db
				.select()
				.from(cooperationInterests)
				.where(
					and(eq(cooperationInterests.profileId, profile.id), eq(cooperationInterests.status, 'accepted'))
				)
		)[0]!;
		const bad = await act(actors.office!, profile.id, 'suggestMeeting', {
			...base,
			interestId: accepted.id,
			date: '2026-02-30'
		});
		expect(bad.status).toBe(400);
		expect(errorsOf(bad).date).toBe('Bitte geben Sie ein gültiges Datum und eine Uhrzeit an.');
		const past = await act(actors.office!, profile.id, 'suggestMeeting', {
			...base,
			interestId: accepted.id,
			date: '2020-01-10'
		});
		expect(past.status).toBe(400);
		expect(errorsOf(past).date).toBe('Bitte wählen Sie einen Zeitpunkt in der Zukunft.');
		const noPlace = await act(actors.office!, profile.id, 'suggestMeeting', {
			...base,
			interestId: accepted.id,
			place: ''
		});
		expect(errorsOf(noPlace).place).toBe('Bitte füllen Sie dieses Feld aus.');

		expect(await stepsOf(profile.id)).toHaveLength(0);
		expect(await stepsOf(other.profile.id)).toHaveLength(0);
		expect(await mailsTo(users.thirdSender!.email)).toHaveLength(0);
	});
});

describe('proposing an event slot', () => {
	it('names an upcoming network event: step with the event, mail with its title, date and link to both', async () => {
		const { profile, accepted } = await brokerable();
		const event = await createEvent(db, networkId, {
			titleDe: 'Netzwerktreffen Leichtbau',
			titleEn: 'Lightweight network meeting'
		});
		const result = await act(actors.office!, profile.id, 'proposeEventSlot', {
			interestId: accepted.id,
			eventId: event.id,
			message: 'Am Stand der Geschäftsstelle.'
		});
		expect(result.status).toBe(200);
		const [step] = await stepsOf(profile.id);
		expect(step).toMatchObject({ kind: 'event_slot_proposed', interestId: accepted.id, eventId: event.id });

		const english = (await mailsTo(users.ownerAdmin!.email)).find((m) => m.subject.includes('Lightweight'))!;
		expect(english.subject).toBe('Suggestion: meet at "Lightweight network meeting"');
		expect(english.textBody).toContain(`${origin}/events/${event.id}`);
		expect(english.textBody).toContain(formatEventRange(event.startsAt, event.endsAt, 'en'));
		const german = (await mailsTo(users.partnerSender!.email)).find((m) => m.subject.includes('Leichtbau'))!;
		expect(german.subject).toBe('Vorschlag: Treffen bei „Netzwerktreffen Leichtbau“');
		expect(german.textBody).toContain('Am Stand der Geschäftsstelle.');
		expect(german.textBody).toContain(`${origin}/events/${event.id}`);
	});

	it('refuses past, draft, circle-only and other networks’ events with a field error', async () => {
		const { profile, accepted } = await brokerable();
		const refused = [
			await createEvent(db, networkId, { startsAt: new Date(Date.now() - 2 * DAY) }),
			await createEvent(db, networkId, { status: 'draft' }),
			await createEvent(db, networkId, {
				audience: 'circle',
				audienceCircleId: (await createCircle(db, networkId)).id
			}),
			await createEvent(db, otherNetworkId)
		];
		for (const event of refused) {
			const result = await act(actors.office!, profile.id, 'proposeEventSlot', {
				interestId: accepted.id,
				eventId: event.id
			});
			expect(result.status).toBe(400);
			expect(errorsOf(result).eventId).toBe('Bitte wählen Sie eine kommende Veranstaltung des Netzwerks.');
		}
		const page = await detailLoad(
			request(actors.office!, `/office/cooperation/${profile.id}`, { id: profile.id })
		);
		expect(page.events.some((event) => refused.some((r) => r.id === event.id))).toBe(false);
		expect(await stepsOf(profile.id)).toHaveLength(0);
	});
});

describe('who may broker', () => {
	it('only the office: the board, org admins and members get 403; foreign profiles 404', async () => {
		const { profile, accepted } = await brokerable();
		const event = await createEvent(db, networkId);
		for (const key of ['board', 'ownerAdmin', 'partnerAdmin', 'ownerMember']) {
			expect((await act(actors[key]!, profile.id, 'note', { note: 'Hallo' })).status).toBe(403);
			expect(
				(
					await act(actors[key]!, profile.id, 'suggestMeeting', {
						interestId: accepted.id,
						date: futureDate(),
						time: '10:00',
						place: 'Online'
					})
				).status
			).toBe(403);
			expect(
				(
					await act(actors[key]!, profile.id, 'proposeEventSlot', {
						interestId: accepted.id,
						eventId: event.id
					})
				).status
			).toBe(403);
		}
		const foreign = await createProfile(
			db,
			otherNetworkId,
			(await createOrganisation(db, otherNetworkId)).id
		);
		for (const id of [foreign.id, crypto.randomUUID(), 'kein-profil']) {
			expect((await act(actors.office!, id, 'note', { note: 'Hallo' })).status).toBe(404);
			expect(
				(await act(actors.office!, id, 'proposeEventSlot', { interestId: accepted.id, eventId: event.id }))
					.status
			).toBe(404);
		}
		expect(await stepsOf(profile.id)).toHaveLength(0);
		expect(await stepsOf(foreign.id)).toHaveLength(0);
	});
});

describe('the figures for the network’s reports', () => {
	it('count profiles, interests and the latest outcome per accepted interest, in the network and period', async () => {
		const network = (await createNetwork(db)).id;
		const other = (await createNetwork(db)).id;
		const a = await createOrganisation(db, network, { name: 'Figur Alpha GmbH' });
		const orgs = await Promise.all(
			Array.from({ length: 7 }, (_, i) => createOrganisation(db, network, { name: `Figur Partner ${i}` }))
		);
		const offer = await createProfile(db, network, a.id, { type: 'technology_offer', title: 'Sensorik' });
		await createProfile(db, network, a.id, { type: 'technology_offer' });
		await createProfile(db, network, a.id, { type: 'capacity_request' });
		await createProfile(db, network, a.id, {
			type: 'business_offer',
			publishedAt: new Date(Date.now() - 300 * DAY),
			expiresAt: new Date(Date.now() - 10 * DAY)
		});
		await createProfile(db, network, a.id, { status: 'in_review', type: 'technology_offer' });
		await createProfile(db, network, a.id, { status: 'draft' });
		// Another network's profile and interest count nowhere here.
		const foreignProfile = await createProfile(db, other, (await createOrganisation(db, other)).id);
		await createInterest(db, other, foreignProfile.id, (await createOrganisation(db, other)).id, null, {
			status: 'accepted',
			outcome: 'agreed',
			outcomeAt: new Date()
		});

		const outcomes = ['agreed', 'agreed', 'agreed', 'in_talks', 'no_match', 'no_match'] as const;
		const interests = [];
		for (const [index, outcome] of outcomes.entries()) {
			interests.push(
				await createInterest(db, network, offer.id, orgs[index]!.id, null, {
					status: 'accepted',
					outcome: index === 0 ? 'in_talks' : outcome,
					outcomeAt: new Date(),
					successStory: index < 2 ? `Gemeinsam entwickelt ${index}` : '',
					successStoryPublishable: index === 0
				})
			);
		}
		// The first went from 'in_talks' to 'agreed': it counts once, with its latest outcome.
		await db
			.update(cooperationInterests)
			.set({ outcome: 'agreed', outcomeAt: new Date() })
			.where(eq(cooperationInterests.id, interests[0]!.id));
		await createInterest(db, network, offer.id, orgs[6]!.id, null);
		// A declined interest with a stale outcome is no accepted introduction.
		await createInterest(db, network, offer.id, orgs[6]!.id, null, { status: 'declined', outcome: 'agreed' });

		const figures = await cooperationFigures(network);
		expect(figures.published).toMatchObject({ technology_offer: 2, capacity_request: 1, business_offer: 1 });
		expect(figures.publishedTotal).toBe(4);
		expect(figures.liveNow).toBe(3);
		expect(figures.expired).toBe(1);
		expect(figures.interestsSent).toBe(8);
		expect(figures.interestsAccepted).toBe(6);
		expect(figures.outcomes).toEqual({ agreed: 3, in_talks: 1, no_match: 2 });
		expect(figures.successStories).toEqual([
			expect.objectContaining({
				title: 'Sensorik',
				story: 'Gemeinsam entwickelt 0',
				organisations: ['Figur Alpha GmbH', 'Figur Partner 0']
			})
		]);

		// A period before any of it counts nothing that happened in it; live profiles stay live.
		const past = await cooperationFigures(network, {
			from: new Date(Date.now() - 1000 * DAY),
			to: new Date(Date.now() - 900 * DAY)
		});
		expect(past.publishedTotal).toBe(0);
		expect(past.interestsSent).toBe(0);
		expect(past.outcomes).toEqual({ agreed: 0, in_talks: 0, no_match: 0 });
		expect(past.successStories).toEqual([]);
		expect(past.liveNow).toBe(3);
		// The business offer was published ~300 days ago: a period around it finds it alone.
		const then = await cooperationFigures(network, {
			from: new Date(Date.now() - 301 * DAY),
			to: new Date(Date.now() - 299 * DAY)
		});
		expect(then.published.business_offer).toBe(1);
		expect(then.publishedTotal).toBe(1);
	});

	it('the office page shows the network’s figures', async () => {
		const page = await listLoad(request(actors.office!, '/office/cooperation', {}));
		expect(page.figures).toEqual(await cooperationFigures(networkId));
		expect(page.figures.interestsAccepted).toBeGreaterThan(0);
	});
});
