import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { useFreshDatabase } from '../helpers/database.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import {
	auditLog,
	circleActivities,
	circleAdmissions,
	circleMemberships,
	mailMessages
} from '../../src/lib/server/db/schema/index.ts';
import {
	addToCircle,
	addToOrganisation,
	createCircle,
	createNetwork,
	createOrganisation,
	createUser,
	grantNetworkRole
} from '../../src/lib/server/testing/factories.ts';
import { loadActor } from '../../src/lib/server/policy/queries.ts';
import type { Actor } from '../../src/lib/server/policy/actor.ts';
import type { NetworkRole } from '../../src/lib/server/db/schema/roles.ts';
import type { CircleRow } from '../../src/lib/server/circles/scope.ts';
import {
	answerInvitation,
	decideRequest,
	inviteMember,
	joinCircle,
	leaveCircle,
	removeMember,
	requestAdmission,
	setCircleRole,
	withdrawInvitation,
	withdrawRequest
} from '../../src/lib/server/circles/membership/mutations.ts';
import { searchInviteCandidates } from '../../src/lib/server/circles/membership/queries.ts';
import {
	actions as overviewActions,
	load as overviewLoad
} from '../../src/routes/circles/[slug]/+page.server.ts';
import {
	actions as membersActions,
	load as membersLoad
} from '../../src/routes/circles/[slug]/members/+page.server.ts';

/**
 * Joining and leaving circles: the open, request and invitation flows, the leads' decisions,
 * last-lead protection, races decided by the database, foreign ids, and the mails each step
 * queues — to the right people, in their language.
 */
let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let db: Database;
let networkId: string;
let otherNetworkId: string;
const network = { name: 'Testnetz', origin: 'http://knotenpunkt.test' };

let open: CircleRow;
let onRequest: CircleRow;
let invitationOnly: CircleRow;
let other: CircleRow;

let counter = 0;
async function person(
	roles: NetworkRole[] = ['member'],
	options: { locale?: 'de' | 'en'; name?: string; organisation?: string } = {}
) {
	counter += 1;
	const u = await createUser(db, {
		email: `person-${counter}@circles.test`,
		name: options.name ?? `Person ${counter}`,
		locale: options.locale ?? 'de'
	});
	for (const role of roles) await grantNetworkRole(db, networkId, u.id, role);
	if (options.organisation) {
		const org = await createOrganisation(db, networkId, { name: options.organisation });
		await addToOrganisation(db, networkId, org.id, u.id, 'org_member');
	}
	return u;
}

const actorOf = (u: { id: string; email: string; name: string; emailVerified: boolean }) =>
	loadActor(networkId, u);

async function membership(circleId: string, userId: string) {
	const [row] = await db
		.select()
		.from(circleMemberships)
		.where(and(eq(circleMemberships.circleId, circleId), eq(circleMemberships.userId, userId)));
	return row ?? null;
}

async function admissions(circleId: string, userId: string) {
	return db
		.select()
		.from(circleAdmissions)
		.where(and(eq(circleAdmissions.circleId, circleId), eq(circleAdmissions.userId, userId)));
}

async function mailsTo(email: string) {
	return db.select().from(mailMessages).where(eq(mailMessages.toAddress, email));
}

async function auditActions(circleId: string) {
	const rows = await db.select().from(auditLog).where(eq(auditLog.targetId, circleId));
	return rows.map((row) => row.action);
}

const change = (actor: Actor, circle: CircleRow) => ({ actor, circle, network });

/** A form post to a page action, as SvelteKit calls it. */
function post(actor: Actor, path: string, slug: string, fields: Record<string, string> = {}) {
	const body = new FormData();
	for (const [key, value] of Object.entries(fields)) body.set(key, value);
	const url = new URL(`http://knotenpunkt.test${path}`);
	return {
		params: { slug },
		url,
		request: new Request(url, { method: 'POST', body }),
		locals: {
			actor,
			locale: 'de',
			network: { id: networkId, name: 'Testnetz', shortName: 'TN' },
			origin: 'http://knotenpunkt.test',
			clientAddress: '127.0.0.1'
		}
	} as never;
}

async function outcome(run: () => Promise<unknown>) {
	try {
		const data = await run();
		const status = (data as { status?: number } | undefined)?.status ?? 200;
		return {
			status,
			data: data as Record<string, unknown> | undefined,
			location: undefined as string | undefined
		};
	} catch (thrown) {
		if (isRedirect(thrown)) return { status: thrown.status, data: undefined, location: thrown.location };
		if (isHttpError(thrown)) return { status: thrown.status, data: undefined, location: undefined };
		throw thrown;
	}
}

beforeAll(async () => {
	database = await useFreshDatabase();
	db = database.db;
	networkId = (await createNetwork(db)).id;
	otherNetworkId = (await createNetwork(db)).id;
	open = await createCircle(db, networkId, { slug: 'offen', nameDe: 'Offener Kreis', joinPolicy: 'open' });
	onRequest = await createCircle(db, networkId, {
		slug: 'anfrage',
		nameDe: 'Wasserstoff',
		nameEn: 'Hydrogen',
		joinPolicy: 'request'
	});
	invitationOnly = await createCircle(db, networkId, {
		slug: 'einladung',
		nameDe: 'Vorstandsrunde',
		nameEn: 'Board round',
		joinPolicy: 'invitation',
		confidential: true
	});
	other = await createCircle(db, networkId, { slug: 'anderer', joinPolicy: 'request' });
});
afterAll(() => database.close());

describe('an open circle', () => {
	it('takes a member person in at once, with the digest as notification mode, activity and audit', async () => {
		const joiner = await person(['member'], { name: 'Jana Join' });
		const result = await joinCircle(change(await actorOf(joiner), open));
		expect(result).toEqual({ ok: true });
		const row = await membership(open.id, joiner.id);
		expect(row).toMatchObject({ role: 'member', notificationMode: 'digest', networkId });
		const activity = await db.select().from(circleActivities).where(eq(circleActivities.circleId, open.id));
		expect(activity.map((a) => [a.kind, a.title, a.actorUserId])).toContainEqual([
			'member_joined',
			'Jana Join',
			joiner.id
		]);
		expect(await auditActions(open.id)).toContain('circle.member_joined');
		expect(await joinCircle(change(await actorOf(joiner), open))).toEqual({
			ok: false,
			reason: 'ALREADY_MEMBER'
		});
	});

	it('decides a double click in the database: two joins at once make one membership', async () => {
		const joiner = await person();
		const actor = await actorOf(joiner);
		const results = await Promise.all([joinCircle(change(actor, open)), joinCircle(change(actor, open))]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'ALREADY_MEMBER' }]);
		const rows = await db
			.select()
			.from(circleMemberships)
			.where(and(eq(circleMemberships.circleId, open.id), eq(circleMemberships.userId, joiner.id)));
		expect(rows).toHaveLength(1);
	});

	it('is joined through the page action, which redirects to the overview with a notice', async () => {
		const joiner = await person();
		const result = await outcome(async () =>
			overviewActions.join(post(await actorOf(joiner), '/circles/offen', 'offen'))
		);
		expect(result).toMatchObject({ status: 303, location: '/circles/offen?notice=joined' });
		expect(await membership(open.id, joiner.id)).not.toBeNull();
	});

	it('refuses the office (no member role), partners may join', async () => {
		const office = await person(['office']);
		const refused = await outcome(async () =>
			overviewActions.join(post(await actorOf(office), '/circles/offen', 'offen'))
		);
		expect(refused.status).toBe(403);
		expect(await membership(open.id, office.id)).toBeNull();
		const partner = await person(['partner']);
		const joined = await outcome(async () =>
			overviewActions.join(post(await actorOf(partner), '/circles/offen', 'offen'))
		);
		expect(joined.status).toBe(303);
		expect(await membership(open.id, partner.id)).not.toBeNull();
	});

	it('cannot be "joined" when the circle is on request or by invitation', async () => {
		const joiner = await person();
		const actor = await actorOf(joiner);
		expect(await joinCircle(change(actor, onRequest))).toEqual({ ok: false, reason: 'NOT_ALLOWED' });
		expect(await joinCircle(change(actor, invitationOnly))).toEqual({ ok: false, reason: 'NOT_ALLOWED' });
		const viaPage = await outcome(async () =>
			overviewActions.join(post(actor, '/circles/einladung', 'einladung'))
		);
		expect(viaPage.status).toBe(403);
		expect(await membership(invitationOnly.id, joiner.id)).toBeNull();
		expect(await membership(onRequest.id, joiner.id)).toBeNull();
	});
});

describe('a circle on request', () => {
	let leadDe: Awaited<ReturnType<typeof person>>;
	let leadEn: Awaited<ReturnType<typeof person>>;

	beforeAll(async () => {
		leadDe = await person(['member'], { name: 'Lea Leitung', locale: 'de' });
		leadEn = await person(['member'], { name: 'Liam Lead', locale: 'en' });
		await addToCircle(db, networkId, onRequest.id, leadDe.id, 'lead');
		await addToCircle(db, networkId, onRequest.id, leadEn.id, 'lead');
	});

	it('creates a pending request and mails every lead in their language', async () => {
		const asker = await person(['member'], { name: 'Anna Anfrage', organisation: 'Anfrage GmbH' });
		const direct = await requestAdmission({
			...change(await actorOf(asker), onRequest),
			message: 'Ich bringe Wasserstoff mit.'
		});
		expect(direct).toEqual({ ok: true });
		const rows = await admissions(onRequest.id, asker.id);
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			kind: 'request',
			status: 'pending',
			message: 'Ich bringe Wasserstoff mit.'
		});
		const [toDe] = await mailsTo(leadDe.email);
		expect(toDe!.kind).toBe('circle-admission-request');
		expect(toDe!.subject).toContain('Aufnahmeanfrage');
		expect(toDe!.subject).toContain('Wasserstoff');
		expect(toDe!.textBody).toContain('Anna Anfrage (Anfrage GmbH)');
		expect(toDe!.textBody).toContain('Ich bringe Wasserstoff mit.');
		expect(toDe!.textBody).toContain('http://knotenpunkt.test/circles/anfrage/members');
		const [toEn] = await mailsTo(leadEn.email);
		expect(toEn!.subject).toBe('Request to join the circle “Hydrogen”');
		expect(toEn!.textBody).toContain('Hello Liam Lead');
		expect(await mailsTo(asker.email)).toHaveLength(0);
		expect(await auditActions(onRequest.id)).toContain('circle.admission_requested');
	});

	it('mails the office while a circle has no lead, so a request never goes unseen', async () => {
		const leaderless = await createCircle(db, networkId, { slug: 'ohne-sprecher', joinPolicy: 'request' });
		const office = await person(['office'], { name: 'Gabi Geschäftsstelle' });
		const asker = await person();
		expect(await requestAdmission({ ...change(await actorOf(asker), leaderless), message: '' })).toEqual({
			ok: true
		});
		const [toOffice] = await mailsTo(office.email);
		expect(toOffice!.kind).toBe('circle-admission-request');
		expect(toOffice!.textBody).toContain('/circles/ohne-sprecher/members');
		// With leads, the office is not bothered.
		const before = (await mailsTo(office.email)).length;
		await requestAdmission({ ...change(await actorOf(await person()), onRequest), message: '' });
		expect(await mailsTo(office.email)).toHaveLength(before);
	});

	it('asks through the page action; a second request while one is pending changes nothing', async () => {
		const asker = await person();
		const actor = await actorOf(asker);
		const first = await outcome(async () =>
			overviewActions.request(post(actor, '/circles/anfrage', 'anfrage', { message: '' }))
		);
		expect(first).toMatchObject({ status: 303, location: '/circles/anfrage?notice=requested' });
		const second = await outcome(async () =>
			overviewActions.request(post(actor, '/circles/anfrage', 'anfrage', { message: 'nochmal' }))
		);
		expect(second.status).toBe(409);
		const both = await Promise.all([
			requestAdmission({ ...change(actor, onRequest), message: '' }),
			requestAdmission({ ...change(actor, onRequest), message: '' })
		]);
		expect(both).toEqual([
			{ ok: false, reason: 'ALREADY_PENDING' },
			{ ok: false, reason: 'ALREADY_PENDING' }
		]);
		expect(await admissions(onRequest.id, asker.id)).toHaveLength(1);
		const tooLong = await outcome(async () =>
			overviewActions.request(post(actor, '/circles/anfrage', 'anfrage', { message: 'x'.repeat(1001) }))
		);
		expect(tooLong.status).toBe(400);
		expect((tooLong.data as { data: { errors: Record<string, string> } }).data.errors.message).toBeTruthy();
	});

	it('lets the requester withdraw; then a new request is possible', async () => {
		const asker = await person();
		const actor = await actorOf(asker);
		await requestAdmission({ ...change(actor, onRequest), message: '' });
		expect(await withdrawRequest(change(actor, onRequest))).toEqual({ ok: true });
		expect((await admissions(onRequest.id, asker.id))[0]!.status).toBe('withdrawn');
		expect(await withdrawRequest(change(actor, onRequest))).toEqual({ ok: false, reason: 'NOT_FOUND' });
		expect(await requestAdmission({ ...change(actor, onRequest), message: '' })).toEqual({ ok: true });
	});

	it('approved by a lead: membership, activity, and a mail to the requester in their language', async () => {
		const asker = await person(['member'], { locale: 'en', name: 'Erin English' });
		await requestAdmission({ ...change(await actorOf(asker), onRequest), message: '' });
		const [pending] = await admissions(onRequest.id, asker.id);
		const lead = await actorOf(leadDe);
		const result = await outcome(async () =>
			membersActions.approve(post(lead, '/circles/anfrage/members', 'anfrage', { admissionId: pending!.id }))
		);
		expect(result.status).toBe(200);
		expect(await membership(onRequest.id, asker.id)).toMatchObject({
			role: 'member',
			notificationMode: 'digest'
		});
		expect((await admissions(onRequest.id, asker.id))[0]).toMatchObject({
			status: 'accepted',
			decidedBy: leadDe.id
		});
		const [mail] = await mailsTo(asker.email);
		expect(mail!.kind).toBe('circle-admission-approved');
		expect(mail!.subject).toBe('Welcome to the circle “Hydrogen”');
		expect(mail!.textBody).toContain('http://knotenpunkt.test/circles/anfrage');
		// Deciding again (a double click) finds no pending request and changes nothing.
		const again = await decideRequest({
			...change(lead, onRequest),
			admissionId: pending!.id,
			approve: false
		});
		expect(again).toEqual({ ok: false, reason: 'NOT_FOUND' });
		expect(await mailsTo(asker.email)).toHaveLength(1);
		expect(await auditActions(onRequest.id)).toContain('circle.admission_approved');
	});

	it('declined by a lead: no membership, a mail in German', async () => {
		const asker = await person(['member'], { locale: 'de' });
		await requestAdmission({ ...change(await actorOf(asker), onRequest), message: '' });
		const [pending] = await admissions(onRequest.id, asker.id);
		const result = await decideRequest({
			...change(await actorOf(leadEn), onRequest),
			admissionId: pending!.id,
			approve: false
		});
		expect(result).toEqual({ ok: true });
		expect(await membership(onRequest.id, asker.id)).toBeNull();
		const [mail] = await mailsTo(asker.email);
		expect(mail!.kind).toBe('circle-admission-declined');
		expect(mail!.subject).toBe('Ihre Anfrage für den Kreis „Wasserstoff“');
	});

	it("another circle's admission id is not found and decides nothing", async () => {
		const asker = await person();
		await requestAdmission({ ...change(await actorOf(asker), other), message: '' });
		const [foreign] = await admissions(other.id, asker.id);
		const lead = await actorOf(leadDe);
		const result = await outcome(async () =>
			membersActions.approve(post(lead, '/circles/anfrage/members', 'anfrage', { admissionId: foreign!.id }))
		);
		expect(result.status).toBe(404);
		expect((await admissions(other.id, asker.id))[0]!.status).toBe('pending');
		expect(await membership(other.id, asker.id)).toBeNull();
		const malformed = await outcome(async () =>
			membersActions.approve(post(lead, '/circles/anfrage/members', 'anfrage', { admissionId: 'nope' }))
		);
		expect(malformed.status).toBe(400);
	});

	it('leaves the decisions to leads and the office: a member gets 403', async () => {
		const asker = await person();
		await requestAdmission({ ...change(await actorOf(asker), onRequest), message: '' });
		const [pending] = await admissions(onRequest.id, asker.id);
		const plain = await person();
		await addToCircle(db, networkId, onRequest.id, plain.id, 'member');
		const refused = await outcome(async () =>
			membersActions.approve(
				post(await actorOf(plain), '/circles/anfrage/members', 'anfrage', { admissionId: pending!.id })
			)
		);
		expect(refused.status).toBe(403);
		expect(await membership(onRequest.id, asker.id)).toBeNull();
		const office = await person(['office']);
		const byOffice = await outcome(async () =>
			membersActions.decline(
				post(await actorOf(office), '/circles/anfrage/members', 'anfrage', { admissionId: pending!.id })
			)
		);
		expect(byOffice.status).toBe(200);
		expect((await admissions(onRequest.id, asker.id))[0]!.status).toBe('declined');
	});
});

describe('invitations', () => {
	let lead: Awaited<ReturnType<typeof person>>;

	beforeAll(async () => {
		lead = await person(['member'], { name: 'Ines Invite' });
		await addToCircle(db, networkId, invitationOnly.id, lead.id, 'lead');
	});

	it('a lead invites a member person: pending invitation and a mail with the circle link in their language', async () => {
		const invitee = await person(['member'], { locale: 'en', name: 'Ivo Invitee' });
		const leadActor = await actorOf(lead);
		const found = await searchInviteCandidates(networkId, invitationOnly.id, 'Ivo');
		expect(found.map((c) => c.userId)).toEqual([invitee.id]);
		const result = await outcome(async () =>
			membersActions.invite(
				post(leadActor, '/circles/einladung/members', 'einladung', { userId: invitee.id })
			)
		);
		expect(result.status).toBe(200);
		expect((await admissions(invitationOnly.id, invitee.id))[0]).toMatchObject({
			kind: 'invitation',
			status: 'pending',
			createdBy: lead.id
		});
		const [mail] = await mailsTo(invitee.email);
		expect(mail!.kind).toBe('circle-invitation');
		expect(mail!.subject).toBe('Invitation to the circle “Board round”');
		expect(mail!.textBody).toContain('Ines Invite invites you');
		expect(mail!.textBody).toContain('http://knotenpunkt.test/circles/einladung');
		// Already invited: neither found again nor invited twice.
		expect(await searchInviteCandidates(networkId, invitationOnly.id, 'Ivo')).toEqual([]);
		expect(await inviteMember({ ...change(leadActor, invitationOnly), userId: invitee.id })).toEqual({
			ok: false,
			reason: 'ALREADY_PENDING'
		});
		expect(await mailsTo(invitee.email)).toHaveLength(1);
	});

	it('the invitee sees the invitation on the overview and accepts it once, even on a double click', async () => {
		const invitee = await person();
		await inviteMember({ ...change(await actorOf(lead), invitationOnly), userId: invitee.id });
		const actor = await actorOf(invitee);
		const page = (await overviewLoad(post(actor, '/circles/einladung', 'einladung'))) as {
			join: { pending: { kind: string } | null };
			content: unknown;
		};
		expect(page.join.pending?.kind).toBe('invitation');
		expect(page.content).toBeNull();
		const results = await Promise.all([
			answerInvitation({ ...change(actor, invitationOnly), accept: true }),
			answerInvitation({ ...change(actor, invitationOnly), accept: true })
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'NOT_FOUND' }]);
		expect(await membership(invitationOnly.id, invitee.id)).toMatchObject({
			role: 'member',
			notificationMode: 'digest'
		});
		expect((await admissions(invitationOnly.id, invitee.id))[0]!.status).toBe('accepted');
		const joined = await db
			.select()
			.from(circleActivities)
			.where(
				and(eq(circleActivities.circleId, invitationOnly.id), eq(circleActivities.actorUserId, invitee.id))
			);
		expect(joined.map((a) => a.kind)).toEqual(['member_joined']);
	});

	it('the invitee may decline; a lead may withdraw an invitation', async () => {
		const decliner = await person();
		const leadActor = await actorOf(lead);
		await inviteMember({ ...change(leadActor, invitationOnly), userId: decliner.id });
		const declined = await outcome(async () =>
			overviewActions.decline(post(actorOfPlain(decliner), '/circles/einladung', 'einladung'))
		);
		expect(declined).toMatchObject({ status: 303, location: '/circles/einladung?notice=declined' });
		expect(await membership(invitationOnly.id, decliner.id)).toBeNull();
		expect((await admissions(invitationOnly.id, decliner.id))[0]!.status).toBe('declined');

		const withdrawn = await person();
		await inviteMember({ ...change(leadActor, invitationOnly), userId: withdrawn.id });
		const [pending] = await admissions(invitationOnly.id, withdrawn.id);
		expect(await withdrawInvitation({ ...change(leadActor, onRequest), admissionId: pending!.id })).toEqual({
			ok: false,
			reason: 'NOT_FOUND'
		});
		expect(
			await withdrawInvitation({ ...change(leadActor, invitationOnly), admissionId: pending!.id })
		).toEqual({
			ok: true
		});
		expect(
			await answerInvitation({ ...change(await actorOf(withdrawn), invitationOnly), accept: true })
		).toEqual({ ok: false, reason: 'NOT_FOUND' });
		expect(await membership(invitationOnly.id, withdrawn.id)).toBeNull();
		expect(await auditActions(invitationOnly.id)).toEqual(
			expect.arrayContaining([
				'circle.member_invited',
				'circle.invitation_declined',
				'circle.invitation_withdrawn'
			])
		);
	});

	it('invites only member persons of this network who are not in the circle', async () => {
		const leadActor = await actorOf(lead);
		const officeOnly = await person(['office']);
		expect(await inviteMember({ ...change(leadActor, invitationOnly), userId: officeOnly.id })).toEqual({
			ok: false,
			reason: 'NOT_ELIGIBLE'
		});
		const stranger = await createUser(db, { email: 'stranger@elsewhere.test' });
		await grantNetworkRole(db, otherNetworkId, stranger.id, 'member');
		expect(await inviteMember({ ...change(leadActor, invitationOnly), userId: stranger.id })).toEqual({
			ok: false,
			reason: 'NOT_ELIGIBLE'
		});
		expect(await inviteMember({ ...change(leadActor, invitationOnly), userId: lead.id })).toEqual({
			ok: false,
			reason: 'ALREADY_MEMBER'
		});
		expect(await mailsTo('stranger@elsewhere.test')).toHaveLength(0);
	});

	it('a member who is not a lead cannot invite', async () => {
		const plain = await person();
		await addToCircle(db, networkId, invitationOnly.id, plain.id, 'member');
		const target = await person();
		const refused = await outcome(async () =>
			membersActions.invite(
				post(await actorOf(plain), '/circles/einladung/members', 'einladung', { userId: target.id })
			)
		);
		expect(refused.status).toBe(403);
		expect(await admissions(invitationOnly.id, target.id)).toHaveLength(0);
	});
});

function actorOfPlain(u: { id: string; email: string; name: string }): Actor {
	return {
		networkId,
		userId: u.id,
		email: u.email,
		name: u.name,
		emailVerified: true,
		twoFactorEnabled: false,
		networkRoles: ['member'],
		organisations: [],
		circles: []
	};
}

describe('leaving and the last lead', () => {
	let circle: CircleRow;
	let soleLead: Awaited<ReturnType<typeof person>>;

	beforeAll(async () => {
		circle = await createCircle(db, networkId, { slug: 'verlassen', joinPolicy: 'open' });
		soleLead = await person();
		await addToCircle(db, networkId, circle.id, soleLead.id, 'lead');
	});

	it('a member leaves; leaving twice is refused', async () => {
		const leaver = await person();
		await addToCircle(db, networkId, circle.id, leaver.id, 'member');
		const actor = await actorOf(leaver);
		const result = await outcome(async () =>
			overviewActions.leave(post(actor, '/circles/verlassen', 'verlassen'))
		);
		expect(result).toMatchObject({ status: 303, location: '/circles/verlassen?notice=left' });
		expect(await membership(circle.id, leaver.id)).toBeNull();
		expect(await leaveCircle(change(actor, circle))).toEqual({ ok: false, reason: 'NOT_MEMBER' });
		expect(await auditActions(circle.id)).toContain('circle.member_left');
	});

	it('the last lead cannot leave nor be removed nor unmade; with a second lead they can', async () => {
		const actor = await actorOf(soleLead);
		const refused = await outcome(async () =>
			overviewActions.leave(post(actor, '/circles/verlassen', 'verlassen'))
		);
		expect(refused.status).toBe(409);
		expect(JSON.stringify(refused.data)).toContain('mindestens eine Sprecherin');
		const office = await actorOf(await person(['office']));
		expect(await removeMember({ ...change(office, circle), userId: soleLead.id })).toEqual({
			ok: false,
			reason: 'LAST_LEAD'
		});
		expect(await setCircleRole({ ...change(office, circle), userId: soleLead.id, role: 'member' })).toEqual({
			ok: false,
			reason: 'LAST_LEAD'
		});
		expect(await membership(circle.id, soleLead.id)).toMatchObject({ role: 'lead' });

		const second = await person();
		await addToCircle(db, networkId, circle.id, second.id, 'member');
		const promoted = await outcome(async () =>
			membersActions.setRole(
				post(office, '/circles/verlassen/members', 'verlassen', { userId: second.id, role: 'lead' })
			)
		);
		expect(promoted.status).toBe(200);
		expect(await membership(circle.id, second.id)).toMatchObject({ role: 'lead' });
		// Both leads leave at once: the lead rows are locked, so exactly one of them goes.
		const results = await Promise.all([
			leaveCircle(change(actor, circle)),
			leaveCircle(change(await actorOf(second), circle))
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'LAST_LEAD' }]);
		const leads = await db
			.select()
			.from(circleMemberships)
			.where(and(eq(circleMemberships.circleId, circle.id), eq(circleMemberships.role, 'lead')));
		expect(leads).toHaveLength(1);
		expect(await auditActions(circle.id)).toContain('circle.role_changed');
	});

	it('only the office makes leads; a lead removes members', async () => {
		const [remaining] = await db
			.select()
			.from(circleMemberships)
			.where(and(eq(circleMemberships.circleId, circle.id), eq(circleMemberships.role, 'lead')));
		const leadActor = await loadActor(networkId, {
			id: remaining!.userId,
			email: 'x@circles.test',
			name: 'Lead',
			emailVerified: true
		});
		const member = await person();
		await addToCircle(db, networkId, circle.id, member.id, 'member');
		const byLead = await outcome(async () =>
			membersActions.setRole(
				post(leadActor, '/circles/verlassen/members', 'verlassen', { userId: member.id, role: 'lead' })
			)
		);
		expect(byLead.status).toBe(403);
		const removed = await outcome(async () =>
			membersActions.remove(post(leadActor, '/circles/verlassen/members', 'verlassen', { userId: member.id }))
		);
		expect(removed.status).toBe(200);
		expect(await membership(circle.id, member.id)).toBeNull();
		expect(await auditActions(circle.id)).toContain('circle.member_removed');
		// A member who left no longer reads a confidential circle's members.
		const page = await outcome(async () =>
			membersLoad(post(actorOfPlain(member), '/circles/einladung/members', 'einladung'))
		);
		expect(page.status).toBe(403);
	});
});
