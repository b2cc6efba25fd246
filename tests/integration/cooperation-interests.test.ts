import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { useFreshDatabase } from '../helpers/database.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import {
	auditLog,
	cooperationInterests,
	cooperationSteps,
	cooperationProfiles,
	mailMessages,
	networkRoleAssignments,
	organisationMemberships,
	user
} from '../../src/lib/server/db/schema/index.ts';
import {
	addToOrganisation,
	createNetwork,
	createOrganisation,
	createUser,
	grantNetworkRole
} from '../../src/lib/server/testing/factories.ts';
import { createInterest, createProfile } from '../../src/lib/server/testing/cooperation-factories.ts';
import { createServer } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { xssPayloads } from '../../src/lib/server/testing/xss.ts';
import { loadActor } from '../../src/lib/server/policy/queries.ts';
import type { Actor } from '../../src/lib/server/policy/actor.ts';
import type { NetworkRole, OrganisationRole } from '../../src/lib/server/db/schema/roles.ts';
import type { ProfileRow } from '../../src/lib/server/cooperation/scope.ts';
import {
	countInterests,
	listProfileInterests,
	listSentInterests
} from '../../src/lib/server/cooperation/interests/queries.ts';
import { sendInterest } from '../../src/lib/server/cooperation/interests/mutations.ts';
import { interestRefused } from '../../src/lib/server/cooperation/interests/outcomes.ts';
import type { InterestInput } from '../../src/lib/server/cooperation/interests/schemas.ts';
import {
	actions as sendActions,
	load as sendLoad
} from '../../src/routes/cooperation/[id]/interest/+page.server.ts';
import {
	actions as ownerActions,
	load as ownerLoad
} from '../../src/routes/cooperation/[id]/interests/+page.server.ts';
import {
	actions as sentActions,
	load as sentLoad
} from '../../src/routes/cooperation/interests/+page.server.ts';

/**
 * Expressions of interest and the brokered introduction: sending (validation, own organisation,
 * drafts and expired profiles, duplicates, partners), the owner's decision with the mails both
 * sides receive, the anonymity of the owner until it accepts, foreign ids, races, outcomes,
 * withdrawal and inert user text.
 */
let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let db: Database;
let networkId: string;
const origin = 'http://knotenpunkt.test';

type Person = { id: string; email: string; name: string; emailVerified: boolean };
type Org = Awaited<ReturnType<typeof createOrganisation>>;

let owner: Org;
let interested: Org;
let third: Org;
let partnerOrg: Org;
const people: Record<string, Person> = {};

let anonymous: ProfileRow;
let membersOnly: ProfileRow;
let draft: ProfileRow;
let expired: ProfileRow;
let foreign: ProfileRow;

let counter = 0;
async function person(
	key: string,
	options: {
		roles?: NetworkRole[];
		organisation?: Org;
		role?: OrganisationRole;
		locale?: 'de' | 'en';
		name?: string;
	} = {}
) {
	counter += 1;
	const u = await createUser(db, {
		email: `${key.toLowerCase()}-${counter}@interests.test`,
		name: options.name ?? `${key} Beispiel`,
		locale: options.locale ?? 'de'
	});
	for (const role of options.roles ?? ['member']) await grantNetworkRole(db, networkId, u.id, role);
	if (options.organisation)
		await addToOrganisation(db, networkId, options.organisation.id, u.id, options.role ?? 'org_member');
	people[key] = u;
	return u;
}

const actorOf = (key: string) => loadActor(networkId, people[key]!);
const visitor = (): Actor => ({
	networkId,
	userId: null,
	email: null,
	name: null,
	emailVerified: false,
	twoFactorEnabled: false,
	networkRoles: [],
	organisations: [],
	circles: []
});

function requestEvent(actor: Actor, path: string, id: string | undefined, fields?: Record<string, string>) {
	const url = new URL(`${origin}${path}`);
	let body: FormData | undefined;
	if (fields) {
		body = new FormData();
		for (const [key, value] of Object.entries(fields)) body.set(key, value);
	}
	return {
		params: id === undefined ? {} : { id },
		url,
		request: new Request(url, body ? { method: 'POST', body } : {}),
		locals: {
			actor,
			locale: 'de',
			network: { id: networkId, name: 'Autonetz', shortName: 'AN' },
			origin,
			clientAddress: '127.0.0.1'
		}
	} as never;
}

type Outcome = { status: number; data: Record<string, unknown> | undefined; location?: string };
async function outcome(run: () => Promise<unknown>): Promise<Outcome> {
	try {
		const data = (await run()) as { status?: number; data?: Record<string, unknown> } | undefined;
		if (data && typeof data.status === 'number' && 'data' in data)
			return { status: data.status, data: data.data };
		return { status: 200, data: data as Record<string, unknown> | undefined };
	} catch (thrown) {
		if (isRedirect(thrown)) return { status: thrown.status, data: undefined, location: thrown.location };
		if (isHttpError(thrown)) return { status: thrown.status, data: undefined };
		throw thrown;
	}
}

const answers = {
	message: 'Wir fertigen CFK-Bauteile und würden gern sprechen.',
	contribution: 'Autoklav, Prüfstand für Biegeversuche',
	partnershipKind: 'joint_development',
	timeframe: 'three_months'
};

const send = async (key: string, profile: ProfileRow, fields: Record<string, string>) =>
	outcome(async () =>
		sendActions.default(
			requestEvent(await actorOf(key), `/cooperation/${profile.id}/interest`, profile.id, fields)
		)
	);
const loadSend = async (key: string | Actor, profile: ProfileRow) =>
	outcome(async () =>
		sendLoad(
			requestEvent(
				typeof key === 'string' ? await actorOf(key) : key,
				`/cooperation/${profile.id}/interest`,
				profile.id
			)
		)
	);
const loadOwner = async (key: string, id: string) =>
	outcome(async () => ownerLoad(requestEvent(await actorOf(key), `/cooperation/${id}/interests`, id)));
const ownerAction = async (
	key: string,
	action: 'accept' | 'decline' | 'outcome',
	profileId: string,
	fields: Record<string, string>
) =>
	outcome(async () =>
		ownerActions[action](
			requestEvent(await actorOf(key), `/cooperation/${profileId}/interests?/${action}`, profileId, fields)
		)
	);
const loadSent = async (key: string) =>
	outcome(async () => sentLoad(requestEvent(await actorOf(key), '/cooperation/interests', undefined)));
const withdraw = async (key: string, interestId: string) =>
	outcome(async () =>
		sentActions.withdraw(
			requestEvent(await actorOf(key), '/cooperation/interests?/withdraw', undefined, { interestId })
		)
	);

async function mailsTo(key: string) {
	return db
		.select()
		.from(mailMessages)
		.where(eq(mailMessages.toAddress, people[key]!.email))
		.orderBy(asc(mailMessages.createdAt));
}
async function mailsAt(address: string) {
	return db.select().from(mailMessages).where(eq(mailMessages.toAddress, address));
}
async function mailsOfKind(key: string, kind: string) {
	return (await mailsTo(key)).filter((mail) => mail.kind === kind);
}

async function interestRow(id: string) {
	const [row] = await db.select().from(cooperationInterests).where(eq(cooperationInterests.id, id));
	return row!;
}
async function stepsOf(interestId: string) {
	const rows = await db
		.select()
		.from(cooperationSteps)
		.where(eq(cooperationSteps.interestId, interestId))
		.orderBy(asc(cooperationSteps.createdAt));
	return rows.map((row) => row.kind);
}
async function interestsOf(profileId: string, organisationId: string) {
	return db
		.select()
		.from(cooperationInterests)
		.where(
			and(
				eq(cooperationInterests.profileId, profileId),
				eq(cooperationInterests.organisationId, organisationId)
			)
		);
}

/** Everything that would reveal the anonymous owner. */
const ownerSecrets = () => [
	owner.name,
	owner.slug,
	owner.id,
	owner.website!,
	owner.email!,
	owner.phone!,
	people.Ada!.name,
	people.Ada!.email
];
function expectNoOwnerSecrets(text: string) {
	for (const secret of ownerSecrets()) expect(text, `leaks ${secret}`).not.toContain(secret);
}

const decodeText = (html: string) =>
	html
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&');

/** The owner list as the server renders it (Svelte's SSR through Vite, as the app builds it). */
async function renderOwnerList(data: object): Promise<string> {
	const server = await createServer({
		configFile: false,
		root: process.cwd(),
		logLevel: 'silent',
		plugins: [svelte()],
		optimizeDeps: { noDiscovery: true },
		server: { middlewareMode: true, hmr: false, watch: null },
		appType: 'custom'
	});
	try {
		const page = await server.ssrLoadModule('/src/routes/cooperation/[id]/interests/+page.svelte');
		const { render } = (await server.ssrLoadModule('svelte/server')) as typeof import('svelte/server');
		const props = {
			data: { ...data, locale: 'de', network: { name: 'Autonetz', shortName: 'AN' } },
			form: null
		};
		return render(page.default, { props }).body;
	} finally {
		await server.close();
	}
}

beforeAll(async () => {
	database = await useFreshDatabase();
	db = database.db;
	networkId = (await createNetwork(db, { name: 'Autonetz' })).id;
	const otherNetworkId = (await createNetwork(db)).id;
	owner = await createOrganisation(db, networkId, {
		name: 'Geheimwerk Leichtbau GmbH',
		slug: 'geheimwerk-leichtbau',
		website: 'https://geheimwerk.example',
		email: 'info@geheimwerk.example',
		phone: '+49 541 111111',
		street: 'Hafenstraße 1',
		postalCode: '49074',
		city: 'Osnabrück',
		district: 'Stadt Osnabrück',
		employees: 120
	});
	interested = await createOrganisation(db, networkId, {
		name: 'Faserform Bramsche AG',
		website: 'https://faserform.example',
		phone: '+49 5461 22222',
		street: 'Mühlenweg 7',
		postalCode: '49565',
		city: 'Bramsche'
	});
	third = await createOrganisation(db, networkId, { name: 'Drittfirma KG' });
	partnerOrg = await createOrganisation(db, networkId, {
		name: 'Wirtschaftsförderung',
		kind: 'support_agency'
	});
	await person('Ada', { organisation: owner, role: 'org_admin', name: 'Ada Eigner' });
	await person('Alf', { organisation: owner, role: 'org_admin', name: 'Alf Zweitadmin', locale: 'en' });
	await person('Mia', { organisation: owner, role: 'org_member' });
	await person('Ben', { organisation: interested, role: 'org_admin', name: 'Ben Faser' });
	await person('Bea', { organisation: interested, role: 'org_member', name: 'Bea Sender', locale: 'en' });
	await person('Carl', { organisation: third, role: 'org_admin' });
	await person('Pia', { roles: ['partner'], organisation: partnerOrg, role: 'org_member' });
	await person('Otto', { roles: ['office'] });
	await person('Bo', { roles: ['board'] });
	await person('Multi', { organisation: interested, role: 'org_member' });
	await addToOrganisation(db, networkId, third.id, people.Multi!.id, 'org_member');

	anonymous = await createProfile(db, networkId, owner.id, {
		title: 'Partner für CFK-Crashstrukturen gesucht',
		visibility: 'public_anonymous',
		partnershipKinds: ['joint_development']
	});
	membersOnly = await createProfile(db, networkId, owner.id, { title: 'Prüfstandkapazität frei' });
	draft = await createProfile(db, networkId, owner.id, { status: 'draft', title: 'Entwurf' });
	expired = await createProfile(db, networkId, owner.id, {
		title: 'Abgelaufen',
		expiresAt: new Date(Date.now() - 86_400_000)
	});
	foreign = await createProfile(db, networkId, third.id, {
		title: 'Fremdes Profil',
		visibility: 'public_anonymous'
	});
	const otherOrg = await createOrganisation(db, otherNetworkId);
	const elsewhere = await createProfile(db, otherNetworkId, otherOrg.id);
	// Kept for the foreign-network check below.
	(globalThis as { __elsewhere?: ProfileRow }).__elsewhere = elsewhere;
});
afterAll(() => database.close());

describe('sending an expression of interest', () => {
	it('answers invalid forms with field errors and writes nothing', async () => {
		const empty = await send('Ben', anonymous, { organisationId: interested.id });
		expect(empty.status).toBe(400);
		const errors = empty.data!.errors as Record<string, string>;
		expect(Object.keys(errors).sort()).toEqual(['contribution', 'message', 'partnershipKind', 'timeframe']);
		const tooLong = await send('Ben', anonymous, {
			...answers,
			organisationId: interested.id,
			message: 'x'.repeat(2001)
		});
		expect(tooLong.status).toBe(400);
		expect((tooLong.data!.errors as Record<string, string>).message).toBeTruthy();
		expect((tooLong.data!.values as Record<string, string>).contribution).toBe(answers.contribution);
		const badChoice = await send('Ben', anonymous, {
			...answers,
			organisationId: interested.id,
			timeframe: 'someday'
		});
		expect(Object.keys(badChoice.data!.errors as object)).toEqual(['timeframe']);
		expect(await interestsOf(anonymous.id, interested.id)).toHaveLength(0);
	});

	it('refuses the owner organisation itself, on the page and in the action', async () => {
		expect((await loadSend('Ada', anonymous)).status).toBe(403);
		expect((await send('Ada', anonymous, { ...answers, organisationId: owner.id })).status).toBe(403);
		// Another organisation's id is no way around it: the actor does not belong to it.
		expect((await send('Ada', anonymous, { ...answers, organisationId: interested.id })).status).toBe(403);
		expect(await interestsOf(anonymous.id, owner.id)).toHaveLength(0);
		expect(await interestsOf(anonymous.id, interested.id)).toHaveLength(0);
	});

	it('refuses drafts and expired profiles (not found), unknown and malformed ids, another network', async () => {
		for (const profile of [draft, expired]) {
			expect((await loadSend('Ben', profile)).status).toBe(404);
			expect((await send('Ben', profile, { ...answers, organisationId: interested.id })).status).toBe(404);
		}
		const elsewhere = (globalThis as { __elsewhere?: ProfileRow }).__elsewhere!;
		expect((await send('Ben', elsewhere, { ...answers, organisationId: interested.id })).status).toBe(404);
		const unknown = { ...anonymous, id: crypto.randomUUID() };
		expect((await loadSend('Ben', unknown)).status).toBe(404);
		expect((await loadSend('Ben', { ...anonymous, id: 'not-a-uuid' })).status).toBe(404);
		expect(await db.select().from(cooperationInterests)).toHaveLength(0);
	});

	it('sends visitors to sign in and refuses the office (no organisation to send for)', async () => {
		const anonymousVisitor = await loadSend(visitor(), anonymous);
		expect(anonymousVisitor.status).toBe(303);
		expect(anonymousVisitor.location).toContain('/sign-in?next=');
		expect((await loadSend('Otto', anonymous)).status).toBe(403);
	});

	it('shows the form without anything that names an anonymous owner', async () => {
		const page = await loadSend('Bea', anonymous);
		expect(page.status).toBe(200);
		const data = page.data as { owner: { anonymous: boolean }; organisations: { id: string }[] };
		expect(data.owner.anonymous).toBe(true);
		expect(data.organisations.map((org) => org.id)).toEqual([interested.id]);
		expectNoOwnerSecrets(JSON.stringify(data));
		// Someone in two organisations chooses among them.
		const multi = (await loadSend('Multi', anonymous)).data as { organisations: { name: string }[] };
		expect(multi.organisations.map((org) => org.name)).toEqual(['Drittfirma KG', 'Faserform Bramsche AG']);
	});

	it('stores the interest with its step, tells the owner admins who asks and confirms without naming the owner', async () => {
		const sent = await send('Bea', anonymous, { ...answers, organisationId: interested.id });
		expect(sent).toMatchObject({
			status: 303,
			location: `/cooperation/${anonymous.id}?notice=interest_sent`
		});
		const [row] = await interestsOf(anonymous.id, interested.id);
		expect(row).toMatchObject({
			networkId,
			userId: people.Bea!.id,
			status: 'pending',
			message: answers.message,
			contribution: answers.contribution,
			partnershipKind: 'joint_development',
			timeframe: 'three_months'
		});
		expect(await stepsOf(row!.id)).toEqual(['interest_sent']);
		const audit = await db.select().from(auditLog).where(eq(auditLog.targetId, anonymous.id));
		expect(audit.map((entry) => entry.action)).toContain('cooperation.interest_sent');

		const [received] = await mailsOfKind('Ada', 'cooperation-interest-received');
		expect(received!.subject).toContain(anonymous.title);
		for (const part of [
			answers.message,
			answers.contribution,
			'Gemeinsame Entwicklung',
			'Bea Sender',
			'Faserform Bramsche AG',
			`${origin}/cooperation/${anonymous.id}/interests`,
			'Ihr Profil ist anonym'
		])
			expect(received!.textBody).toContain(part);
		const [english] = await mailsOfKind('Alf', 'cooperation-interest-received');
		expect(english!.textBody).toContain('has expressed interest');
		expect(await mailsTo('Mia')).toHaveLength(0);

		const confirmations = await mailsTo('Bea');
		expect(confirmations.map((mail) => mail.kind)).toEqual(['cooperation-interest-sent']);
		const confirmation = confirmations[0]!;
		expect(confirmation.textBody).toContain(anonymous.title);
		expect(confirmation.textBody).toContain('Faserform Bramsche AG');
		expect(confirmation.textBody).toContain('Stadt Osnabrück');
		expectNoOwnerSecrets(`${confirmation.subject}\n${confirmation.textBody}`);
	});

	it('refuses a second open interest of the same organisation, also two at once', async () => {
		const again = await send('Ben', anonymous, { ...answers, organisationId: interested.id });
		expect(again.status).toBe(409);
		expect((again.data!.errors as Record<string, string>)._form).toBe(
			'Ihre Organisation hat bereits Interesse bekundet.'
		);
		expect((again.data!.values as Record<string, string>).message).toBe(answers.message);
		expect(await interestsOf(anonymous.id, interested.id)).toHaveLength(1);

		const both = await Promise.all([
			send('Ben', membersOnly, { ...answers, organisationId: interested.id }),
			send('Bea', membersOnly, { ...answers, organisationId: interested.id })
		]);
		expect(both.map((result) => result.status).sort()).toEqual([303, 409]);
		expect(await interestsOf(membersOnly.id, interested.id)).toHaveLength(1);
	});

	it('lets a partner organisation send', async () => {
		const sent = await send('Pia', anonymous, { ...answers, organisationId: partnerOrg.id });
		expect(sent.status).toBe(303);
		expect(await interestsOf(anonymous.id, partnerOrg.id)).toHaveLength(1);
	});
});

describe('the owner list and its foreign ids', () => {
	it('lists interests newest first with organisation, person and answers for the owner organisation, office and board', async () => {
		for (const key of ['Ada', 'Mia', 'Otto', 'Bo']) {
			const page = await loadOwner(key, anonymous.id);
			expect(page.status, key).toBe(200);
			const data = page.data as {
				interests: { organisation: { name: string }; person: { name: string; email: string } }[];
				counts: Record<string, number>;
				canDecide: boolean;
				canRecordOutcome: boolean;
			};
			expect(data.interests.map((interest) => interest.organisation.name)).toEqual([
				'Wirtschaftsförderung',
				'Faserform Bramsche AG'
			]);
			expect(data.interests[1]!.person).toEqual({ name: 'Bea Sender', email: people.Bea!.email });
			expect(data.counts).toMatchObject({ pending: 2, accepted: 0 });
			expect([key, data.canDecide, data.canRecordOutcome]).toEqual([
				key,
				key === 'Ada',
				key === 'Ada' || key === 'Otto'
			]);
		}
	});

	it('refuses other organisations: 403 on a live profile they may view, 404 on a draft', async () => {
		expect((await loadOwner('Carl', anonymous.id)).status).toBe(403);
		expect((await loadOwner('Bea', anonymous.id)).status).toBe(403);
		expect((await loadOwner('Carl', draft.id)).status).toBe(404);
		expect((await loadOwner('Ada', crypto.randomUUID())).status).toBe(404);
	});

	it('refuses deciding to anyone but the owner admins', async () => {
		const [interest] = await interestsOf(anonymous.id, interested.id);
		for (const key of ['Carl', 'Mia', 'Bea', 'Otto', 'Bo']) {
			const refused = await ownerAction(key, 'accept', anonymous.id, { interestId: interest!.id });
			expect(refused.status, key).toBe(403);
		}
		// Carl's own profile as the address does not help him either.
		const viaOwnProfile = await ownerAction('Carl', 'accept', foreign.id, { interestId: interest!.id });
		expect(viaOwnProfile.status).toBe(404);
		expect((await interestRow(interest!.id)).status).toBe('pending');
	});

	it('answers 404 for an interest id of another profile, even of the same owner', async () => {
		const [interest] = await interestsOf(anonymous.id, interested.id);
		const elsewhere = await ownerAction('Ada', 'accept', membersOnly.id, { interestId: interest!.id });
		expect(elsewhere.status).toBe(404);
		const decline = await ownerAction('Ada', 'decline', membersOnly.id, { interestId: interest!.id });
		expect(decline.status).toBe(404);
		expect((await interestRow(interest!.id)).status).toBe('pending');
		const malformed = await ownerAction('Ada', 'accept', anonymous.id, { interestId: 'nope' });
		expect(malformed.status).toBe(400);
	});
});

describe('anonymity before acceptance', () => {
	it('gives the sender no page data and no mail that names the owner', async () => {
		const sent = await loadSent('Bea');
		expect(sent.status).toBe(200);
		const data = sent.data as { interests: { owner: { anonymous: boolean }; profile: { title: string } }[] };
		const row = data.interests.find((interest) => interest.profile.title === anonymous.title)!;
		expect(row.owner).toEqual({
			anonymous: true,
			kind: 'member_company',
			sizeClass: 'medium',
			district: 'Stadt Osnabrück'
		});
		expectNoOwnerSecrets(JSON.stringify(row));
		// The members' profile of the same owner names it, as it should.
		const named = data.interests.find((interest) => interest.profile.title === membersOnly.title);
		expect(named?.owner).toMatchObject({ anonymous: false, name: owner.name });
		const aboutAnonymous = (await mailsTo('Bea')).filter((mail) => mail.subject.includes(anonymous.title));
		expect(aboutAnonymous.map((mail) => mail.kind)).toEqual(['cooperation-interest-sent']);
		for (const mail of aboutAnonymous) expectNoOwnerSecrets(`${mail.subject}\n${mail.textBody}`);
		expectNoOwnerSecrets(JSON.stringify((await loadSend('Bea', anonymous)).data));
	});
});

describe('accepting: the introduction', () => {
	it('sends both sides each other’s contact details, once, even for two accepts at once', async () => {
		const [interest] = await interestsOf(anonymous.id, interested.id);
		const mailsBefore = (await mailsTo('Bea')).length;
		const results = await Promise.all([
			ownerAction('Ada', 'accept', anonymous.id, { interestId: interest!.id }),
			ownerAction('Ada', 'accept', anonymous.id, { interestId: interest!.id })
		]);
		expect(results.map((result) => result.status).sort()).toEqual([200, 409]);
		const row = await interestRow(interest!.id);
		expect(row).toMatchObject({ status: 'accepted', decidedBy: people.Ada!.id });
		expect(await stepsOf(interest!.id)).toEqual(['interest_sent', 'interest_accepted']);

		const toSender = await mailsOfKind('Bea', 'cooperation-interest-accepted');
		expect(toSender).toHaveLength(1);
		expect((await mailsTo('Bea')).length).toBe(mailsBefore + 1);
		for (const part of [
			'Geheimwerk Leichtbau GmbH',
			'Hafenstraße 1, 49074 Osnabrück',
			'https://geheimwerk.example',
			'+49 541 111111',
			'Ada Eigner',
			people.Ada!.email,
			'has accepted'
		])
			expect(toSender[0]!.textBody).toContain(part);

		for (const key of ['Ada', 'Alf']) {
			const introductions = await mailsOfKind(key, 'cooperation-interest-introduction');
			expect(introductions, key).toHaveLength(1);
			for (const part of [
				'Faserform Bramsche AG',
				'Mühlenweg 7, 49565 Bramsche',
				'https://faserform.example',
				'+49 5461 22222',
				'Bea Sender',
				people.Bea!.email
			])
				expect(introductions[0]!.textBody).toContain(part);
		}
		expect(await mailsOfKind('Ben', 'cooperation-interest-accepted')).toHaveLength(0);
		expect(await mailsTo('Mia')).toHaveLength(0);
	});

	it('reveals the owner to the accepted organisation only', async () => {
		const sent = (await loadSent('Bea')).data as {
			interests: { owner: { anonymous: boolean; name?: string }; profile: { title: string } }[];
		};
		const row = sent.interests.find((interest) => interest.profile.title === anonymous.title)!;
		expect(row.owner).toMatchObject({ anonymous: false, name: 'Geheimwerk Leichtbau GmbH' });
		const partner = JSON.stringify((await loadSent('Pia')).data);
		expect(partner).not.toContain('Geheimwerk');
	});
});

describe('declining', () => {
	it('tells the sender neutrally, never naming the anonymous owner', async () => {
		const [interest] = await interestsOf(anonymous.id, partnerOrg.id);
		const declined = await ownerAction('Ada', 'decline', anonymous.id, { interestId: interest!.id });
		expect(declined.status).toBe(200);
		expect((await interestRow(interest!.id)).status).toBe('declined');
		expect(await stepsOf(interest!.id)).toEqual(['interest_sent', 'interest_declined']);
		const mails = await mailsOfKind('Pia', 'cooperation-interest-declined');
		expect(mails).toHaveLength(1);
		expect(mails[0]!.textBody).toContain(anonymous.title);
		expectNoOwnerSecrets(`${mails[0]!.subject}\n${mails[0]!.textBody}`);
		const again = await ownerAction('Ada', 'accept', anonymous.id, { interestId: interest!.id });
		expect(again.status).toBe(409);
		expect((await interestRow(interest!.id)).status).toBe('declined');
		// After a decline, the organisation may ask again.
		expect((await send('Pia', anonymous, { ...answers, organisationId: partnerOrg.id })).status).toBe(303);
	});
});

describe('outcomes', () => {
	it('are recorded by the owner admin and the office, changed later, the latest counts', async () => {
		const [interest] = await interestsOf(anonymous.id, interested.id);
		const story = 'Gemeinsamer Crashträger in Serie.';
		const agreed = await ownerAction('Ada', 'outcome', anonymous.id, {
			interestId: interest!.id,
			outcome: 'agreed',
			successStory: story,
			successStoryPublishable: 'on'
		});
		expect(agreed.status).toBe(200);
		expect(await interestRow(interest!.id)).toMatchObject({
			outcome: 'agreed',
			outcomeBy: people.Ada!.id,
			successStory: story,
			successStoryPublishable: true
		});

		const changed = await ownerAction('Otto', 'outcome', anonymous.id, {
			interestId: interest!.id,
			outcome: 'in_talks',
			successStory: 'wird verworfen',
			successStoryPublishable: 'on'
		});
		expect(changed.status).toBe(200);
		expect(await interestRow(interest!.id)).toMatchObject({
			outcome: 'in_talks',
			outcomeBy: people.Otto!.id,
			successStory: '',
			successStoryPublishable: false
		});
		expect((await stepsOf(interest!.id)).filter((kind) => kind === 'outcome_recorded')).toHaveLength(2);
	});

	it('are refused to the interested party, owner members and the board; only for accepted interests', async () => {
		const [interest] = await interestsOf(anonymous.id, interested.id);
		for (const key of ['Bea', 'Ben', 'Mia', 'Bo', 'Carl']) {
			const refused = await ownerAction(key, 'outcome', anonymous.id, {
				interestId: interest!.id,
				outcome: 'no_match'
			});
			expect(refused.status, key).toBe(403);
		}
		const tooLong = await ownerAction('Ada', 'outcome', anonymous.id, {
			interestId: interest!.id,
			outcome: 'agreed',
			successStory: 'x'.repeat(1001)
		});
		expect(tooLong.status).toBe(400);
		expect(tooLong.data!.formName).toBe(interest!.id);
		const [pending] = await interestsOf(anonymous.id, partnerOrg.id).then((rows) =>
			rows.filter((row) => row.status === 'pending')
		);
		const notAccepted = await ownerAction('Ada', 'outcome', anonymous.id, {
			interestId: pending!.id,
			outcome: 'in_talks'
		});
		expect(notAccepted.status).toBe(409);
		expect((await interestRow(interest!.id)).outcome).toBe('in_talks');
		expect((await interestRow(pending!.id)).outcome).toBeNull();
	});
});

describe('withdrawing', () => {
	it('lets the sending organisation take back a pending interest, once; others get 404', async () => {
		const [interest] = await interestsOf(membersOnly.id, interested.id);
		expect((await withdraw('Carl', interest!.id)).status).toBe(404);
		expect((await withdraw('Ada', interest!.id)).status).toBe(404);
		const done = await withdraw('Ben', interest!.id);
		expect(done.status).toBe(200);
		expect(await interestRow(interest!.id)).toMatchObject({ status: 'withdrawn' });
		expect(await stepsOf(interest!.id)).toEqual(['interest_sent', 'interest_withdrawn']);
		expect((await withdraw('Ben', interest!.id)).status).toBe(409);
		const [accepted] = await interestsOf(anonymous.id, interested.id);
		expect((await withdraw('Bea', accepted!.id)).status).toBe(409);
		expect((await withdraw('Bea', 'not-a-uuid')).status).toBe(400);
	});

	it('refuses the list to visitors and people outside the network', async () => {
		const page = await outcome(async () =>
			sentLoad(requestEvent(visitor(), '/cooperation/interests', undefined))
		);
		expect(page.status).toBe(303);
		const outsider = await createUser(db, { email: 'outsider@interests.test' });
		people.Outsider = outsider;
		expect((await loadSent('Outsider')).status).toBe(403);
	});
});

describe('counts and user text', () => {
	it('counts a profile’s interests by status', async () => {
		expect(await countInterests(networkId, anonymous.id)).toEqual({
			pending: 1,
			accepted: 1,
			declined: 1,
			withdrawn: 0
		});
		expect(await countInterests(networkId, draft.id)).toEqual({
			pending: 0,
			accepted: 0,
			declined: 0,
			withdrawn: 0
		});
	});

	it('renders XSS payloads in messages, answers and names inert on the owner list', async () => {
		const xssProfile = await createProfile(db, networkId, owner.id, { title: 'XSS' });
		for (const payload of xssPayloads) {
			const org = await createOrganisation(db, networkId, { name: `Sender ${payload}` });
			await createInterest(db, networkId, xssProfile.id, org.id, people.Ben!.id, {
				message: payload,
				contribution: payload,
				status: 'accepted',
				outcome: 'agreed',
				successStory: payload
			});
		}
		const data = (await loadOwner('Ada', xssProfile.id)).data as {
			interests: { message: string; contribution: string }[];
		};
		expect(new Set(data.interests.map((interest) => interest.message))).toEqual(new Set(xssPayloads));
		const html = await renderOwnerList(data);
		const messages = [...html.matchAll(/<dd[^>]*data-interest-message[^>]*>([\s\S]*?)<\/dd>/g)].map(
			(match) => match[1]!
		);
		expect(messages).toHaveLength(xssPayloads.length);
		// Text, not markup: every angle bracket escaped, and the reader sees exactly what was typed.
		for (const message of messages) expect(message).not.toContain('<');
		expect(new Set(messages.map(decodeText))).toEqual(new Set(xssPayloads));
		// Nowhere on the page (names in headings and button labels, stories, answers) does a payload become markup.
		// A tag ends at the first '>' outside quotes (Svelte leaves '>' unescaped inside attribute values).
		const tags = html.match(/<[a-zA-Z/!][^"'>]*(?:(?:"[^"]*"|'[^']*')[^"'>]*)*>/g) ?? [];
		expect(tags.filter((tag) => /^<\/?(script|img|svg|iframe|math|body|style)\b/i.test(tag))).toEqual([]);
		for (const tag of tags)
			for (const [, name, value] of tag.matchAll(/\s([\w:-]+)=("[^"]*"|'[^']*'|[^\s>]+)/g)) {
				expect(name!.toLowerCase().startsWith('on'), tag).toBe(false);
				if (/^(href|src|action|formaction)$/i.test(name!)) expect(value, tag).not.toMatch(/javascript:/i);
			}
	}, 120_000);
});

describe('who hears of a decision on the interested side', () => {
	it('tells a sender who left the organisation nothing; the organisation admins are introduced instead', async () => {
		const secret = await createProfile(db, networkId, owner.id, {
			title: 'Verdeckte Anfrage Leichtbau',
			visibility: 'public_anonymous'
		});
		const leaver = await person('Leaver', { organisation: interested, role: 'org_member' });
		const interest = await createInterest(db, networkId, secret.id, interested.id, leaver.id);
		await db
			.delete(organisationMemberships)
			.where(
				and(
					eq(organisationMemberships.organisationId, interested.id),
					eq(organisationMemberships.userId, leaver.id)
				)
			);
		const benBefore = (await mailsOfKind('Ben', 'cooperation-interest-accepted')).length;
		expect((await ownerAction('Ada', 'accept', secret.id, { interestId: interest.id })).status).toBe(200);
		expect(await mailsTo('Leaver')).toHaveLength(0);
		const toAdmin = await mailsOfKind('Ben', 'cooperation-interest-accepted');
		expect(toAdmin).toHaveLength(benBefore + 1);
		expect(toAdmin.at(-1)!.textBody).toContain('Geheimwerk Leichtbau GmbH');
		// The owner's admins are not given the leaver as the contact person either.
		const introduction = (await mailsOfKind('Ada', 'cooperation-interest-introduction')).filter((mail) =>
			mail.textBody.includes(secret.title)
		);
		expect(introduction).toHaveLength(1);
		expect(introduction[0]!.textBody).not.toContain(leaver.email);
		expect(introduction[0]!.textBody).not.toContain(leaver.name);
	});

	it('tells a sender who lost the network role nothing; the organisation admins hear of the decline', async () => {
		const secret = await createProfile(db, networkId, owner.id, {
			title: 'Verdeckte Anfrage Antrieb',
			visibility: 'public_anonymous'
		});
		const former = await person('Former', { organisation: interested, role: 'org_member' });
		const interest = await createInterest(db, networkId, secret.id, interested.id, former.id);
		await db
			.delete(networkRoleAssignments)
			.where(
				and(eq(networkRoleAssignments.networkId, networkId), eq(networkRoleAssignments.userId, former.id))
			);
		expect((await ownerAction('Ada', 'decline', secret.id, { interestId: interest.id })).status).toBe(200);
		expect(await mailsTo('Former')).toHaveLength(0);
		const declined = (await mailsOfKind('Ben', 'cooperation-interest-declined')).filter((mail) =>
			mail.textBody.includes(secret.title)
		);
		expect(declined).toHaveLength(1);
	});
});

describe('withdrawing, as the policy decides', () => {
	it('refuses a colleague who did not send it; lets the sender and the organisation admin withdraw', async () => {
		const first = await createProfile(db, networkId, owner.id, { title: 'Rückzug eins' });
		const second = await createProfile(db, networkId, owner.id, { title: 'Rückzug zwei' });
		const byBea = await createInterest(db, networkId, first.id, interested.id, people.Bea!.id);
		const alsoByBea = await createInterest(db, networkId, second.id, interested.id, people.Bea!.id);

		const rowFor = async (key: string, id: string) => {
			const data = (await loadSent(key)).data as { interests: { id: string; canWithdraw: boolean }[] };
			return data.interests.find((interest) => interest.id === id)!;
		};
		expect((await rowFor('Multi', byBea.id)).canWithdraw).toBe(false);
		expect((await rowFor('Bea', byBea.id)).canWithdraw).toBe(true);
		expect((await rowFor('Ben', byBea.id)).canWithdraw).toBe(true);

		expect((await withdraw('Multi', byBea.id)).status).toBe(403);
		expect((await interestRow(byBea.id)).status).toBe('pending');
		expect((await withdraw('Bea', byBea.id)).status).toBe(200);
		expect((await interestRow(byBea.id)).status).toBe('withdrawn');

		expect((await withdraw('Multi', alsoByBea.id)).status).toBe(403);
		expect((await withdraw('Ben', alsoByBea.id)).status).toBe(200);
		expect((await interestRow(alsoByBea.id)).status).toBe('withdrawn');
		expect(await stepsOf(alsoByBea.id)).toEqual(['interest_withdrawn']);
	});
});

describe('a profile that stops being live between the page and the insert', () => {
	const input = { ...answers, organisationId: '' } as InterestInput;
	const attempt = async (stale: ProfileRow) =>
		sendInterest({
			actor: await actorOf('Ben'),
			network: { name: 'Autonetz', origin },
			profile: stale,
			revealedTo: [],
			input: { ...input, organisationId: interested.id }
		});

	it('takes no interest and sends no mail for a withdrawn or an expired profile', async () => {
		const withdrawn = await createProfile(db, networkId, owner.id, { title: 'Gleich zurückgezogen' });
		await db
			.update(cooperationProfiles)
			.set({ status: 'withdrawn' })
			.where(eq(cooperationProfiles.id, withdrawn.id));
		expect(await attempt(withdrawn)).toEqual({ ok: false, reason: 'NOT_LIVE' });

		const expiring = await createProfile(db, networkId, owner.id, { title: 'Gleich abgelaufen' });
		await db
			.update(cooperationProfiles)
			.set({ expiresAt: new Date(Date.now() - 1000) })
			.where(eq(cooperationProfiles.id, expiring.id));
		expect(await attempt(expiring)).toEqual({ ok: false, reason: 'NOT_LIVE' });

		for (const profile of [withdrawn, expiring]) {
			expect(await interestsOf(profile.id, interested.id)).toHaveLength(0);
			const mails = await db.select().from(mailMessages);
			expect(mails.filter((mail) => mail.subject.includes(profile.title))).toHaveLength(0);
		}
		// The form says so in words.
		const refused = (() => {
			try {
				return interestRefused('NOT_LIVE', 'interest');
			} catch (thrown) {
				return thrown;
			}
		})() as { status: number; data: { errors: { _form: string } } };
		expect(refused.status).toBe(409);
		expect(refused.data.errors._form).toBe(
			'Dieses Profil ist nicht mehr veröffentlicht; Interesse lässt sich dafür nicht mehr bekunden.'
		);
	});
});

describe('mail addresses', () => {
	it('uses a person’s notification address for every interest mail', async () => {
		const ownerTwo = await createOrganisation(db, networkId, { name: 'Benachrichtigt GmbH' });
		const sendingOrg = await createOrganisation(db, networkId, { name: 'Absender Mit Adresse AG' });
		const nora = await person('Nora', { organisation: ownerTwo, role: 'org_admin', name: 'Nora Notiz' });
		const nils = await person('Nils', { organisation: sendingOrg, role: 'org_member', name: 'Nils Notiz' });
		for (const [id, address] of [
			[nora.id, 'nora.benachrichtigung@interests.test'],
			[nils.id, 'nils.benachrichtigung@interests.test']
		] as const)
			await db.update(user).set({ notificationEmail: address }).where(eq(user.id, id));
		const profile = await createProfile(db, networkId, ownerTwo.id, { title: 'Adressen-Profil' });

		expect((await send('Nils', profile, { ...answers, organisationId: sendingOrg.id })).status).toBe(303);
		const [interest] = await interestsOf(profile.id, sendingOrg.id);
		expect((await ownerAction('Nora', 'accept', profile.id, { interestId: interest!.id })).status).toBe(200);

		expect(await mailsTo('Nora')).toHaveLength(0);
		expect(await mailsTo('Nils')).toHaveLength(0);
		const toNora = await mailsAt('nora.benachrichtigung@interests.test');
		expect(toNora.map((mail) => mail.kind).sort()).toEqual([
			'cooperation-interest-introduction',
			'cooperation-interest-received'
		]);
		const toNils = await mailsAt('nils.benachrichtigung@interests.test');
		expect(toNils.map((mail) => mail.kind).sort()).toEqual([
			'cooperation-interest-accepted',
			'cooperation-interest-sent'
		]);
	});
});

describe('network in every join', () => {
	it('lists no interest whose organisation belongs to another network', async () => {
		const otherNetwork = await createNetwork(db);
		const stranger = await createOrganisation(db, otherNetwork.id, { name: 'Fremdnetz GmbH' });
		const profile = await createProfile(db, networkId, owner.id, { title: 'Netzgrenze' });
		await createInterest(db, networkId, profile.id, stranger.id, null);
		expect(await listSentInterests(networkId, [stranger.id])).toEqual([]);
		expect(await listProfileInterests(networkId, profile.id)).toEqual([]);
	});
});
