import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { useFreshDatabase } from '../helpers/database.ts';
import {
	addToOrganisation,
	createCompetence,
	createNetwork,
	createOrganisation,
	createUser,
	grantNetworkRole
} from '../../src/lib/server/testing/factories.ts';
import { createInterest, createProfile } from '../../src/lib/server/testing/cooperation-factories.ts';
import { sampleDocuments as sample } from '../../src/lib/server/testing/circle-document-factories.ts';
import { loadActor } from '../../src/lib/server/policy/queries.ts';
import { anonymousActor, type Actor } from '../../src/lib/server/policy/actor.ts';
import {
	auditLog,
	cooperationAttachments,
	cooperationMatches,
	cooperationProfileCompetencies,
	cooperationProfileViews,
	cooperationProfiles,
	cooperationSteps,
	mailMessages,
	storedFiles
} from '../../src/lib/server/db/schema/index.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import {
	EXPIRY_REMINDER_DAYS,
	MAX_ATTACHMENTS,
	MAX_ATTACHMENT_BYTES,
	MAX_KEYWORDS,
	PROFILE_RUNTIME_DAYS
} from '../../src/lib/cooperation/vocabulary.ts';
import { sweepExpiryReminders } from '../../src/lib/server/cooperation/authoring/expiry.ts';
import { addDays, berlinDay } from '../../src/lib/server/circles/meetings/dates.ts';
import * as newPage from '../../src/routes/cooperation/new/+page.server.ts';
import * as editPage from '../../src/routes/cooperation/[id]/edit/+page.server.ts';
import * as minePage from '../../src/routes/cooperation/mine/+page.server.ts';
import { GET as downloadAttachment } from '../../src/routes/cooperation/[id]/attachments/[attachmentId]/+server.ts';

const DAY_MS = 86_400_000;
const origin = 'http://knotenpunkt.test';

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let db: Database;
let networkId: string;
let otherNetworkId: string;
let orgA: { id: string; name: string };
let orgB: { id: string; name: string };
let root: { id: string; path: string };
let child: { id: string };
let foreignCompetence: { id: string };
const actors: Record<string, Actor> = {};
const emails: Record<string, string> = {};

async function person(name: string, locale: 'de' | 'en', setup: (userId: string) => Promise<void>) {
	const email = `${name.toLowerCase()}-${crypto.randomUUID().slice(0, 8)}@example.test`;
	const user = await createUser(db, { name, email, locale });
	await setup(user.id);
	emails[name] = email;
	actors[name] = await loadActor(networkId, user);
}

beforeAll(async () => {
	database = await useFreshDatabase();
	db = database.db;
	networkId = (await createNetwork(db)).id;
	otherNetworkId = (await createNetwork(db)).id;
	orgA = await createOrganisation(db, networkId, { name: 'Alpha Leichtbau GmbH' });
	orgB = await createOrganisation(db, networkId, { name: 'Beta Prüftechnik AG' });
	root = await createCompetence(db, networkId, { slug: 'leichtbau', nameDe: 'Leichtbau' });
	child = await createCompetence(db, networkId, { slug: 'cfk', nameDe: 'CFK', parent: root });
	foreignCompetence = await createCompetence(db, otherNetworkId, { slug: 'fremd', nameDe: 'Fremd' });
	await person('Office', 'en', (id) => grantNetworkRole(db, networkId, id, 'office'));
	await person('Office2', 'de', (id) => grantNetworkRole(db, networkId, id, 'office'));
	await person('Board', 'de', (id) => grantNetworkRole(db, networkId, id, 'board'));
	await person('AdminA', 'de', async (id) => {
		await grantNetworkRole(db, networkId, id, 'member');
		await addToOrganisation(db, networkId, orgA.id, id, 'org_admin');
	});
	await person('AdminA2', 'en', async (id) => {
		await grantNetworkRole(db, networkId, id, 'member');
		await addToOrganisation(db, networkId, orgA.id, id, 'org_admin');
	});
	await person('MemberA', 'de', async (id) => {
		await grantNetworkRole(db, networkId, id, 'member');
		await addToOrganisation(db, networkId, orgA.id, id, 'org_member');
	});
	await person('AdminB', 'de', async (id) => {
		await grantNetworkRole(db, networkId, id, 'member');
		await addToOrganisation(db, networkId, orgB.id, id, 'org_admin');
	});
	await person('MemberB', 'de', async (id) => {
		await grantNetworkRole(db, networkId, id, 'member');
		await addToOrganisation(db, networkId, orgB.id, id, 'org_member');
	});
	actors.Visitor = anonymousActor(networkId);
});

afterAll(async () => {
	await database?.close();
});

type Call = {
	actor: Actor;
	path: string;
	params?: Record<string, string>;
	form?: FormData;
	locale?: 'de' | 'en';
};

function requestEvent({ actor, path, params = {}, form, locale = 'de' }: Call) {
	const url = new URL(`${origin}${path}`);
	return {
		params,
		url,
		request: new Request(url, form ? { method: 'POST', body: form } : {}),
		locals: {
			actor,
			network: { id: actor.networkId, name: 'Testnetz' },
			origin,
			locale,
			clientAddress: '127.0.0.1'
		}
	} as never;
}

type Outcome = { status: number; location?: string; data?: Record<string, unknown> };

/** A load's or action's result: 200 with data, a failure's status and data, or a thrown redirect/error. */
async function outcome(promise: Promise<unknown>): Promise<Outcome> {
	try {
		const value = (await promise) as { status?: number; data?: Record<string, unknown> } | undefined;
		if (value && typeof value === 'object' && 'status' in value && 'data' in value && value.status)
			return { status: value.status, data: value.data };
		return { status: 200, data: (value ?? {}) as Record<string, unknown> };
	} catch (error) {
		const thrown = error as { status?: number; location?: string };
		if (typeof thrown.status !== 'number') throw error;
		return { status: thrown.status, location: thrown.location };
	}
}

const errorsOf = (result: Outcome) => (result.data?.errors ?? {}) as Record<string, string>;

function profileForm(fields: Record<string, string | string[]> = {}) {
	const values: Record<string, string | string[]> = {
		organisationId: orgA.id,
		type: 'technology_request',
		title: 'Leichte Rahmen aus CFK gesucht',
		summary: 'Wir suchen einen Partner für CFK-Rahmen.',
		descriptionDe: 'Wir suchen **Erfahrung** mit CFK.',
		descriptionEn: '',
		keywords: 'Leichtbau, CFK, leichtbau ,  Prüfstand',
		competencies: [child.id],
		drivetrains: ['bev', 'hydrogen'],
		partnershipKinds: ['joint_development'],
		trl: '4',
		expiresOn: '',
		visibility: 'members',
		intent: 'draft',
		...fields
	};
	const form = new FormData();
	for (const [key, value] of Object.entries(values))
		for (const item of Array.isArray(value) ? value : [value]) form.append(key, item);
	return form;
}

const create = (actor: Actor, fields: Record<string, string | string[]> = {}, locale: 'de' | 'en' = 'de') =>
	outcome(
		newPage.actions.default(
			requestEvent({ actor, path: '/cooperation/new', form: profileForm(fields), locale })
		)
	);

async function profileCount() {
	const [row] = await db.select({ n: count() }).from(cooperationProfiles);
	return row!.n;
}

const profileRow = async (id: string) =>
	(await db.select().from(cooperationProfiles).where(eq(cooperationProfiles.id, id)))[0]!;

const stepsOf = async (id: string) =>
	(await db.select().from(cooperationSteps).where(eq(cooperationSteps.profileId, id))).map((s) => s.kind);

const editEvent = (actor: Actor, id: string, form?: FormData, action = '') =>
	requestEvent({ actor, path: `/cooperation/${id}/edit${action}`, params: { id }, form });

type EditAction = keyof typeof editPage.actions;
const act = (name: EditAction, actor: Actor, id: string, fields: Record<string, string> = {}) => {
	const form = new FormData();
	for (const [key, value] of Object.entries(fields)) form.set(key, value);
	return outcome(editPage.actions[name](editEvent(actor, id, form, `?/${name}`)));
};
const load = (actor: Actor, id: string) => outcome(editPage.load(editEvent(actor, id)) as Promise<unknown>);

describe('/cooperation/new', () => {
	it('offers an org admin their own organisation, the office every member, and refuses plain members', async () => {
		const admin = await outcome(
			newPage.load(requestEvent({ actor: actors.AdminA!, path: '/cooperation/new' })) as Promise<unknown>
		);
		expect(admin.status).toBe(200);
		expect((admin.data!.organisations as { value: string }[]).map((o) => o.value)).toEqual([orgA.id]);
		const office = await outcome(
			newPage.load(requestEvent({ actor: actors.Office!, path: '/cooperation/new' })) as Promise<unknown>
		);
		expect((office.data!.organisations as { value: string }[]).map((o) => o.value).sort()).toEqual(
			[orgA.id, orgB.id].sort()
		);
		for (const name of ['MemberA', 'MemberB', 'Board']) {
			const refused = await outcome(
				newPage.load(requestEvent({ actor: actors[name]!, path: '/cooperation/new' })) as Promise<unknown>
			);
			expect(refused.status, name).toBe(403);
			expect((await create(actors[name]!)).status, name).toBe(403);
		}
		const visitor = await outcome(
			newPage.load(requestEvent({ actor: actors.Visitor!, path: '/cooperation/new' })) as Promise<unknown>
		);
		expect(visitor.status).toBe(303);
		expect(visitor.location).toContain('/sign-in');
	});

	it('answers an empty form with an error for every required field and writes nothing', async () => {
		const before = await profileCount();
		const form = new FormData();
		form.set('organisationId', orgA.id);
		const result = await outcome(
			newPage.actions.default(requestEvent({ actor: actors.AdminA!, path: '/cooperation/new', form }))
		);
		expect(result.status).toBe(400);
		const errors = errorsOf(result);
		expect(errors._form).toContain('noch nicht gespeichert');
		expect(errors.type).toBe('Bitte wählen Sie die Art des Profils.');
		expect(errors.title).toBe('Bitte geben Sie einen Titel ein.');
		expect(errors.summary).toBe('Bitte geben Sie eine Kurzbeschreibung ein.');
		expect(errors.descriptionDe).toBe('Bitte beschreiben Sie das Profil auf Deutsch.');
		expect(errors.visibility).toBe('Bitte wählen Sie, wer das Profil sieht.');
		expect(await profileCount()).toBe(before);
	});

	it('names every invalid field, in the user language, and echoes the input', async () => {
		const before = await profileCount();
		const today = berlinDay(new Date());
		const cases: [Record<string, string | string[]>, string, string][] = [
			[{ type: 'flying_car' }, 'type', 'Please choose the kind of profile.'],
			[{ title: 'x'.repeat(201) }, 'title', 'This text is too long.'],
			[{ summary: '   ' }, 'summary', 'Please enter a summary.'],
			[{ descriptionDe: 'x'.repeat(20_001) }, 'descriptionDe', 'This text is too long.'],
			[{ descriptionEn: 'x'.repeat(20_001) }, 'descriptionEn', 'This text is too long.'],
			[{ competencies: ['not-an-id'] }, 'competencies', 'Please choose competencies from the list only.'],
			[
				{ keywords: Array.from({ length: MAX_KEYWORDS + 1 }, (_, i) => `Wort${i}`).join(', ') },
				'keywords',
				`Please enter at most ${MAX_KEYWORDS} keywords.`
			],
			[{ keywords: 'k'.repeat(61) }, 'keywords', 'A keyword may have at most 60 characters.'],
			[{ drivetrains: ['bev', 'steam'] }, 'drivetrains', 'Please choose one of the offered values.'],
			[{ partnershipKinds: ['marriage'] }, 'partnershipKinds', 'Please choose one of the offered values.'],
			[{ trl: '10' }, 'trl', 'Please choose a readiness level from 1 to 9.'],
			[{ trl: 'drei' }, 'trl', 'Please choose a readiness level from 1 to 9.'],
			[{ expiresOn: '2026-02-30' }, 'expiresOn', 'Please enter a date (DD/MM/YYYY).'],
			[{ expiresOn: today }, 'expiresOn', 'The end must be after today.'],
			[
				{ expiresOn: addDays(today, 366) },
				'expiresOn',
				'A profile runs for one year at most; please choose an earlier end.'
			],
			[{ visibility: 'everyone' }, 'visibility', 'Please choose who sees the profile.']
		];
		for (const [fields, field, message] of cases) {
			const result = await create(actors.AdminA!, fields, 'en');
			expect(result.status, field).toBe(400);
			expect(errorsOf(result)[field], JSON.stringify(fields).slice(0, 80)).toBe(message);
			expect(
				Object.keys(errorsOf(result)).filter((key) => key !== '_form'),
				field
			).toEqual([field]);
		}
		const echoed = await create(actors.AdminA!, { title: '', drivetrains: ['hydrogen'] });
		expect((echoed.data!.values as Record<string, unknown>).drivetrains).toEqual(['hydrogen']);
		expect((echoed.data!.values as Record<string, unknown>).summary).toBe(
			'Wir suchen einen Partner für CFK-Rahmen.'
		);
		expect(await profileCount()).toBe(before);
	});

	it('accepts a TRL only for the types it applies to', async () => {
		const before = await profileCount();
		const refused = await create(actors.AdminA!, { type: 'business_offer', trl: '5' });
		expect(refused.status).toBe(400);
		expect(errorsOf(refused).trl).toContain('gehört nur zu Technologieangeboten');
		// Both problems at once: the other field's error and the TRL rule.
		const both = await create(actors.AdminA!, { type: 'capacity_offer', trl: '5', title: '' });
		expect(Object.keys(errorsOf(both)).sort()).toEqual(['_form', 'title', 'trl']);
		expect(await profileCount()).toBe(before);
		const withoutTrl = await create(actors.AdminA!, { type: 'business_offer', trl: '' });
		expect(withoutTrl.status).toBe(303);
		const withTrl = await create(actors.AdminA!, { type: 'rnd_partner_search', trl: '7' });
		expect(withTrl.status).toBe(303);
		const id = withTrl.location!.split('/')[2]!.split('?')[0]!;
		expect((await profileRow(id)).trl).toBe(7);
	});

	it('refuses another organisation and competencies of another network, writing nothing', async () => {
		const before = await profileCount();
		const foreign = await create(actors.AdminA!, { organisationId: orgB.id });
		expect(foreign.status).toBe(403);
		expect(errorsOf(foreign).organisationId).toBe('Für diese Organisation können Sie kein Profil anlegen.');
		const unknown = await create(actors.AdminA!, { organisationId: crypto.randomUUID() });
		expect(unknown.status).toBe(403);
		const otherNetwork = await create(actors.AdminA!, { competencies: [child.id, foreignCompetence.id] });
		expect(otherNetwork.status).toBe(400);
		expect(errorsOf(otherNetwork).competencies).toBe('Bitte wählen Sie nur Kompetenzen aus der Liste.');
		expect(await profileCount()).toBe(before);
	});

	it('saves a draft with its competencies, cleaned keywords, step and audit, and goes to the profile', async () => {
		const last = addDays(berlinDay(new Date()), 30);
		const result = await create(actors.AdminA!, {
			expiresOn: last,
			competencies: [child.id, root.id, child.id]
		});
		expect(result.status).toBe(303);
		expect(result.location).toMatch(/^\/cooperation\/[0-9a-f-]{36}\?done=created$/);
		const id = result.location!.split('/')[2]!.split('?')[0]!;
		const row = await profileRow(id);
		expect(row).toMatchObject({
			networkId,
			organisationId: orgA.id,
			status: 'draft',
			type: 'technology_request',
			keywords: ['Leichtbau', 'CFK', 'Prüfstand'],
			drivetrains: ['bev', 'hydrogen'],
			partnershipKinds: ['joint_development'],
			trl: 4,
			visibility: 'members',
			submittedAt: null,
			createdBy: actors.AdminA!.userId
		});
		// The desired end is the last day it runs: it expires at the next midnight in Berlin.
		expect(berlinDay(new Date(row.expiresAt!.getTime() - 1))).toBe(last);
		expect(berlinDay(row.expiresAt!)).toBe(addDays(last, 1));
		const competences = await db
			.select()
			.from(cooperationProfileCompetencies)
			.where(eq(cooperationProfileCompetencies.profileId, id));
		expect(competences.map((c) => c.competenceId).sort()).toEqual([child.id, root.id].sort());
		expect(await stepsOf(id)).toEqual(['created']);
		const audit = await db.select().from(auditLog).where(eq(auditLog.targetId, id));
		expect(audit.map((a) => a.action)).toEqual(['cooperation.profile_created']);
		const mails = await db
			.select()
			.from(mailMessages)
			.where(eq(mailMessages.kind, 'cooperation-profile-submitted'));
		expect(mails.filter((mail) => mail.textBody.includes(id))).toEqual([]);
	});

	it('submits at once: in review, both steps, and every office person mailed in their language', async () => {
		const result = await create(actors.AdminA!, {
			intent: 'submit',
			title: 'Prüfstand für Brennstoffzellen'
		});
		expect(result.status).toBe(303);
		expect(result.location).toMatch(/\?done=submitted$/);
		const id = result.location!.split('/')[2]!.split('?')[0]!;
		const row = await profileRow(id);
		expect(row.status).toBe('in_review');
		expect(row.submittedAt).toBeInstanceOf(Date);
		expect((await stepsOf(id)).sort()).toEqual(['created', 'submitted']);
		const english = await db.select().from(mailMessages).where(eq(mailMessages.toAddress, emails.Office!));
		const toOffice = english.filter((mail) => mail.textBody.includes(`/office/cooperation/${id}`));
		expect(toOffice).toHaveLength(1);
		expect(toOffice[0]!.subject).toBe('Cooperation profile for review: Prüfstand für Brennstoffzellen');
		expect(toOffice[0]!.textBody).toContain(`${origin}/office/cooperation/${id}`);
		expect(toOffice[0]!.textBody).toContain('Alpha Leichtbau GmbH');
		const german = await db.select().from(mailMessages).where(eq(mailMessages.toAddress, emails.Office2!));
		expect(german.filter((mail) => mail.textBody.includes(id))[0]!.subject).toBe(
			'Kooperationsprofil zur Prüfung: Prüfstand für Brennstoffzellen'
		);
		const others = await db.select().from(mailMessages).where(eq(mailMessages.toAddress, emails.AdminB!));
		expect(others).toEqual([]);
	});

	it('lets the office create a profile for any member organisation', async () => {
		const result = await create(actors.Office!, { organisationId: orgB.id });
		expect(result.status).toBe(303);
		const id = result.location!.split('/')[2]!.split('?')[0]!;
		expect((await profileRow(id)).organisationId).toBe(orgB.id);
	});
});

describe('/cooperation/[id]/edit', () => {
	it('opens a draft for its admins and the office only: other organisations get 404, members 403', async () => {
		const draft = await createProfile(db, networkId, orgA.id, { status: 'draft' });
		expect((await load(actors.AdminA!, draft.id)).status).toBe(200);
		expect((await load(actors.Office!, draft.id)).status).toBe(200);
		expect((await load(actors.MemberA!, draft.id)).status).toBe(403);
		for (const name of ['AdminB', 'MemberB', 'Visitor'])
			expect((await load(actors[name]!, draft.id)).status, name).toBe(404);
		expect((await load(actors.AdminA!, crypto.randomUUID())).status).toBe(404);
		expect((await load(actors.AdminA!, 'not-a-uuid')).status).toBe(404);
		// A profile of another network with an admin of the same name's organisation: 404.
		const foreignOrg = await createOrganisation(db, otherNetworkId);
		const foreign = await createProfile(db, otherNetworkId, foreignOrg.id, { status: 'draft' });
		expect((await load(actors.Office!, foreign.id)).status).toBe(404);
		for (const name of [
			'save',
			'submit',
			'reopen',
			'withdraw',
			'renew',
			'upload',
			'deleteAttachment'
		] as const) {
			expect((await act(name, actors.AdminB!, draft.id)).status, name).toBe(404);
			expect((await act(name, actors.MemberA!, draft.id)).status, name).toBe(403);
		}
		const published = await createProfile(db, networkId, orgA.id);
		// Another organisation's admin may read a live members' profile, but not change it.
		expect((await load(actors.AdminB!, published.id)).status).toBe(403);
		for (const name of ['reopen', 'withdraw', 'renew'] as const)
			expect((await act(name, actors.AdminB!, published.id)).status, name).toBe(403);
		expect((await profileRow(draft.id)).status).toBe('draft');
		expect((await profileRow(published.id)).status).toBe('published');
	});

	it('loads the stored values and saves changes; a stale form is refused, not overwritten', async () => {
		const created = await create(actors.AdminA!, {});
		const id = created.location!.split('/')[2]!.split('?')[0]!;
		const page = await load(actors.AdminA!, id);
		const values = page.data!.values as Record<string, string | string[]>;
		expect(values.title).toBe('Leichte Rahmen aus CFK gesucht');
		expect(values.competencies).toEqual([child.id]);
		expect(page.data!.editable).toBe(true);
		expect(page.data!.transitions).toEqual(['submit', 'withdraw']);

		const form = profileForm({ title: 'Neuer Titel', updatedAt: values.updatedAt!, competencies: [root.id] });
		const saved = await outcome(editPage.actions.save(editEvent(actors.AdminA!, id, form, '?/save')));
		expect(saved.status).toBe(200);
		expect(saved.data!.success).toBe('Die Änderungen sind gespeichert.');
		expect((await profileRow(id)).title).toBe('Neuer Titel');
		const competences = await db
			.select()
			.from(cooperationProfileCompetencies)
			.where(eq(cooperationProfileCompetencies.profileId, id));
		expect(competences.map((c) => c.competenceId)).toEqual([root.id]);

		// The same old version posted again (another tab): refused with the current state.
		const stale = profileForm({ title: 'Alter Tab', updatedAt: values.updatedAt! });
		const refused = await outcome(editPage.actions.save(editEvent(actors.AdminA!, id, stale, '?/save')));
		expect(refused.status).toBe(409);
		expect(errorsOf(refused)._form).toContain('inzwischen geändert');
		expect((refused.data!.values as Record<string, unknown>).updatedAt).toBeUndefined();
		expect((await profileRow(id)).title).toBe('Neuer Titel');

		const invalid = profileForm({ title: '', updatedAt: '' });
		const failed = await outcome(editPage.actions.save(editEvent(actors.AdminA!, id, invalid, '?/save')));
		expect(failed.status).toBe(400);
		expect(errorsOf(failed).title).toBeTruthy();
		expect((await profileRow(id)).title).toBe('Neuer Titel');

		// The office may save too; saving and submitting at once goes to the profile page.
		const submit = profileForm({ title: 'Vom Büro', intent: 'submit' });
		const submitted = await outcome(editPage.actions.save(editEvent(actors.Office!, id, submit, '?/save')));
		expect(submitted.status).toBe(303);
		expect(submitted.location).toBe(`/cooperation/${id}?done=submit`);
		expect((await profileRow(id)).status).toBe('in_review');
		// In review, the text no longer changes.
		const late = await outcome(editPage.actions.save(editEvent(actors.AdminA!, id, profileForm(), '?/save')));
		expect(late.status).toBe(409);
		expect(errorsOf(late)._form).toContain('„In Prüfung“');
	});

	it('submits, reopens and withdraws by conditional updates, with steps; stale buttons are told why', async () => {
		const draft = await createProfile(db, networkId, orgA.id, { status: 'draft' });
		const submitted = await act('submit', actors.AdminA!, draft.id);
		expect(submitted).toMatchObject({ status: 303, location: `/cooperation/${draft.id}?done=submit` });
		expect((await profileRow(draft.id)).status).toBe('in_review');
		expect((await profileRow(draft.id)).submittedAt).toBeInstanceOf(Date);
		const again = await act('submit', actors.AdminA!, draft.id);
		expect(again.status).toBe(409);
		expect(errorsOf(again)._form).toBe(
			'Das Profil wurde inzwischen geändert und hat jetzt den Status „In Prüfung“. Bitte sehen Sie es sich erneut an.'
		);
		expect((await act('renew', actors.AdminA!, draft.id)).status).toBe(409);

		const reopened = await act('reopen', actors.AdminA!, draft.id, { from: 'edit' });
		expect(reopened).toMatchObject({ status: 303, location: `/cooperation/${draft.id}/edit?done=reopen` });
		expect((await profileRow(draft.id)).status).toBe('draft');
		expect((await act('reopen', actors.AdminA!, draft.id)).status).toBe(409);

		const withdrawn = await act('withdraw', actors.AdminA!, draft.id);
		expect(withdrawn.status).toBe(303);
		expect((await profileRow(draft.id)).status).toBe('withdrawn');
		expect((await act('withdraw', actors.AdminA!, draft.id)).status).toBe(409);
		expect((await act('submit', actors.AdminA!, draft.id)).status).toBe(409);
		expect(await stepsOf(draft.id)).toEqual(['submitted', 'reopened', 'withdrawn']);
		const audit = await db.select().from(auditLog).where(eq(auditLog.targetId, draft.id));
		expect(audit.map((a) => a.action).sort()).toEqual(
			[
				'cooperation.profile_reopened',
				'cooperation.profile_submitted',
				'cooperation.profile_withdrawn'
			].sort()
		);

		// A published profile reopened leaves the exchange; a rejected one becomes a draft to change.
		const published = await createProfile(db, networkId, orgA.id);
		expect((await act('reopen', actors.Office!, published.id)).status).toBe(303);
		expect((await profileRow(published.id)).status).toBe('draft');
		const rejected = await createProfile(db, networkId, orgA.id, {
			status: 'rejected',
			reviewNote: 'Zu vage.'
		});
		const page = await load(actors.AdminA!, rejected.id);
		expect(page.data!.editable).toBe(false);
		expect((page.data!.profile as { reviewNote: string }).reviewNote).toBe('Zu vage.');
		expect(page.data!.transitions).toEqual(['reopen', 'withdraw']);
		expect((await act('reopen', actors.AdminA!, rejected.id)).status).toBe(303);
		expect((await load(actors.AdminA!, rejected.id)).data!.editable).toBe(true);
	});

	it('renews a published profile, live or expired: new runtime, reminder cleared, matches recorded', async () => {
		const expired = await createProfile(db, networkId, orgB.id, {
			title: 'CFK Prüfstand frei',
			type: 'technology_offer',
			publishedAt: new Date(Date.now() - 200 * DAY_MS),
			expiresAt: new Date(Date.now() - DAY_MS),
			expiryRemindedAt: new Date(Date.now() - 15 * DAY_MS),
			competenceIds: [child.id]
		});
		const before = Date.now();
		const renewed = await act('renew', actors.AdminB!, expired.id);
		expect(renewed).toMatchObject({ status: 303, location: `/cooperation/${expired.id}?done=renew` });
		const row = await profileRow(expired.id);
		expect(row.status).toBe('published');
		expect(row.expiryRemindedAt).toBeNull();
		expect(row.expiresAt!.getTime()).toBeGreaterThanOrEqual(before + PROFILE_RUNTIME_DAYS * DAY_MS - 1000);
		expect(row.expiresAt!.getTime()).toBeLessThanOrEqual(Date.now() + PROFILE_RUNTIME_DAYS * DAY_MS);
		expect(await stepsOf(expired.id)).toEqual(['renewed']);
		// Alpha names the same competence (via a live request): it is matched again.
		await createProfile(db, networkId, orgA.id, { type: 'technology_request', competenceIds: [child.id] });
		expect((await act('renew', actors.Office!, expired.id)).status).toBe(303);
		const matches = await db
			.select()
			.from(cooperationMatches)
			.where(eq(cooperationMatches.profileId, expired.id));
		expect(matches.map((match) => match.organisationId)).toContain(orgA.id);
		expect(matches.map((match) => match.organisationId)).not.toContain(orgB.id);

		const draft = await createProfile(db, networkId, orgB.id, { status: 'draft' });
		const refused = await act('renew', actors.AdminB!, draft.id);
		expect(refused.status).toBe(409);
		expect(errorsOf(refused)._form).toContain('„Entwurf“');
	});

	it('never shortens a profile by renewing it: a later expiry than a fresh runtime stays', async () => {
		const later = new Date(Date.now() + (PROFILE_RUNTIME_DAYS + 100) * DAY_MS);
		const long = await createProfile(db, networkId, orgB.id, {
			publishedAt: new Date(Date.now() - 10 * DAY_MS),
			expiresAt: later,
			expiryRemindedAt: new Date(Date.now() - DAY_MS)
		});
		expect((await act('renew', actors.AdminB!, long.id)).status).toBe(303);
		const row = await profileRow(long.id);
		expect(row.expiresAt!.getTime()).toBe(later.getTime());
		expect(row.expiryRemindedAt).toBeNull();
		expect(await stepsOf(long.id)).toEqual(['renewed']);

		// One expiring sooner than a fresh runtime gets the fresh runtime.
		const soon = await createProfile(db, networkId, orgB.id, {
			expiresAt: new Date(Date.now() + 3 * DAY_MS)
		});
		const before = Date.now();
		expect((await act('renew', actors.AdminB!, soon.id)).status).toBe(303);
		const renewed = await profileRow(soon.id);
		expect(renewed.expiresAt!.getTime()).toBeGreaterThanOrEqual(
			before + PROFILE_RUNTIME_DAYS * DAY_MS - 1000
		);
		expect(renewed.expiresAt!.getTime()).toBeLessThanOrEqual(Date.now() + PROFILE_RUNTIME_DAYS * DAY_MS);
	});
});

describe('attachments', () => {
	const upload = (actor: Actor, id: string, name: string, bytes: Uint8Array) => {
		const form = new FormData();
		form.set('file', new File([new Uint8Array(bytes)], name));
		return outcome(editPage.actions.upload(editEvent(actor, id, form, '?/upload')));
	};
	const download = (actor: Actor, id: string, attachmentId: string) =>
		outcome(
			downloadAttachment(
				requestEvent({
					actor,
					path: `/cooperation/${id}/attachments/${attachmentId}`,
					params: { id, attachmentId }
				})
			)
		);
	async function downloadResponse(actor: Actor, id: string, attachmentId: string) {
		return downloadAttachment(
			requestEvent({
				actor,
				path: `/cooperation/${id}/attachments/${attachmentId}`,
				params: { id, attachmentId }
			})
		);
	}

	it('recognises files by their bytes, limits size and number, and changes only editable profiles', async () => {
		const draft = await createProfile(db, networkId, orgA.id, { status: 'draft' });
		const accepted = await upload(actors.AdminA!, draft.id, '../Datenblatt.exe', sample.pdf('Datenblatt'));
		expect(accepted.status).toBe(200);
		expect(accepted.data!.success).toBe('„Datenblatt.exe.pdf“ ist angehängt.');
		const [stored] = await db
			.select()
			.from(cooperationAttachments)
			.innerJoin(storedFiles, eq(storedFiles.id, cooperationAttachments.fileId))
			.where(eq(cooperationAttachments.profileId, draft.id));
		expect(stored!.stored_files.purpose).toBe('cooperation_attachment');
		expect(stored!.cooperation_attachments.contentType).toBe('application/pdf');
		// Sizes in the reader's language, German decimal comma included.
		const editData = (await load(actors.AdminA!, draft.id)).data as {
			attachments: { byteSize: number; size: string }[];
			maxAttachmentSize: string;
		};
		expect(editData.attachments[0]!.size).toMatch(/^\d+ KB$/);
		expect(editData.maxAttachmentSize).toMatch(/^\d+(,\d)? MB$/);

		const html = await upload(
			actors.AdminA!,
			draft.id,
			'bild.png',
			new TextEncoder().encode('<html><script>x</script>')
		);
		expect(html.status).toBe(400);
		expect(errorsOf(html).file).toContain('Diesen Dateityp nehmen wir nicht an');
		const program = await upload(
			actors.AdminA!,
			draft.id,
			'setup.pdf',
			new Uint8Array([0x4d, 0x5a, 0x90, 0, 3])
		);
		expect(program.status).toBe(400);
		const svg = await upload(
			actors.AdminA!,
			draft.id,
			'logo.txt',
			new TextEncoder().encode('<svg onload=alert(1)>')
		);
		expect(svg.status).toBe(200);
		// As text only: an SVG under a text name is served as text/plain.
		const [asText] = await db
			.select()
			.from(cooperationAttachments)
			.where(
				and(eq(cooperationAttachments.profileId, draft.id), eq(cooperationAttachments.fileName, 'logo.txt'))
			);
		expect(asText!.contentType).toBe('text/plain; charset=utf-8');
		const empty = await upload(actors.AdminA!, draft.id, 'leer.pdf', new Uint8Array());
		expect(errorsOf(empty).file).toContain('Bitte wählen Sie eine Datei aus');
		const large = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
		large.set(sample.pdf());
		const tooLarge = await upload(actors.AdminA!, draft.id, 'gross.pdf', large);
		expect(tooLarge.status).toBe(400);
		expect(errorsOf(tooLarge).file).toContain('größer als 10 MB');

		for (let index = 2; index < MAX_ATTACHMENTS; index++)
			expect((await upload(actors.AdminA!, draft.id, `teil-${index}.png`, sample.png())).status).toBe(200);
		const oneTooMany = await upload(actors.AdminA!, draft.id, 'zu-viel.pdf', sample.pdf());
		expect(oneTooMany.status).toBe(400);
		expect(errorsOf(oneTooMany).file).toBe(
			`Ein Profil hat höchstens ${MAX_ATTACHMENTS} Anhänge. Entfernen Sie zuerst einen.`
		);
		const [files] = await db
			.select({ n: count() })
			.from(cooperationAttachments)
			.where(eq(cooperationAttachments.profileId, draft.id));
		expect(files!.n).toBe(MAX_ATTACHMENTS);

		// Another profile's attachment id is not found here; the own one is removed with its bytes.
		const other = await createProfile(db, networkId, orgA.id, { status: 'draft' });
		const otherFile = await upload(actors.AdminA!, other.id, 'anderes.pdf', sample.pdf());
		expect(otherFile.status).toBe(200);
		const [otherAttachment] = await db
			.select()
			.from(cooperationAttachments)
			.where(eq(cooperationAttachments.profileId, other.id));
		const wrongProfile = await act('deleteAttachment', actors.AdminA!, draft.id, {
			attachmentId: otherAttachment!.id
		});
		expect(wrongProfile.status).toBe(404);
		expect((await download(actors.AdminA!, draft.id, otherAttachment!.id)).status).toBe(404);
		const removed = await act('deleteAttachment', actors.AdminA!, other.id, {
			attachmentId: otherAttachment!.id
		});
		expect(removed.status).toBe(200);
		expect(await db.select().from(storedFiles).where(eq(storedFiles.id, otherAttachment!.fileId))).toEqual(
			[]
		);

		// Published: attachments are part of the reviewed profile and stay as they are.
		await db
			.update(cooperationProfiles)
			.set({ status: 'published' })
			.where(eq(cooperationProfiles.id, draft.id));
		const late = await upload(actors.AdminA!, draft.id, 'spaet.pdf', sample.pdf());
		expect(late.status).toBe(409);
		expect(errorsOf(late).file).toContain('nur ändern, solange');
	});

	it('gives an anonymous profile files only to those who may know the owner', async () => {
		const anonymous = await createProfile(db, networkId, orgA.id, {
			status: 'draft',
			visibility: 'public_anonymous'
		});
		const stored = await upload(actors.AdminA!, anonymous.id, 'Alpha Datenblatt.pdf', sample.pdf('Alpha'));
		expect(stored.status).toBe(200);
		const [attachment] = await db
			.select()
			.from(cooperationAttachments)
			.where(eq(cooperationAttachments.profileId, anonymous.id));
		// As a draft: another organisation's admin finds nothing, not even the profile.
		expect((await download(actors.AdminB!, anonymous.id, attachment!.id)).status).toBe(404);
		await db
			.update(cooperationProfiles)
			.set({ status: 'published', expiresAt: new Date(Date.now() + 30 * DAY_MS) })
			.where(eq(cooperationProfiles.id, anonymous.id));
		for (const name of ['MemberB', 'AdminB', 'Visitor'])
			expect((await download(actors[name]!, anonymous.id, attachment!.id)).status, name).toBe(404);
		for (const name of ['AdminA', 'MemberA', 'Office', 'Board']) {
			const response = await downloadResponse(actors[name]!, anonymous.id, attachment!.id);
			expect(response.status, name).toBe(200);
			expect(new TextDecoder().decode(await response.arrayBuffer())).toContain('%PDF-1.7');
			expect(response.headers.get('content-type')).toBe('application/pdf');
			expect(response.headers.get('content-disposition')).toContain('attachment;');
			expect(response.headers.get('x-content-type-options')).toBe('nosniff');
			expect(response.headers.get('cache-control')).toBe('private, no-store');
			expect(response.headers.get('content-security-policy')).toContain('sandbox');
		}
		// Once the owner accepted Beta's interest, Beta may know who it is, and gets the file.
		await createInterest(db, networkId, anonymous.id, orgB.id, null, { status: 'accepted' });
		expect((await downloadResponse(actors.MemberB!, anonymous.id, attachment!.id)).status).toBe(200);
		expect((await download(actors.AdminA!, anonymous.id, crypto.randomUUID())).status).toBe(404);
		expect((await download(actors.AdminA!, anonymous.id, 'nicht-da')).status).toBe(404);
	});
});

describe('expiry reminders', () => {
	it('mails the owner admins once, with a renew link, even when two sweeps run at once', async () => {
		const now = new Date();
		const soon = await createProfile(db, networkId, orgA.id, {
			title: 'Läuft bald ab',
			expiresAt: new Date(now.getTime() + (EXPIRY_REMINDER_DAYS - 2) * DAY_MS)
		});
		const later = await createProfile(db, networkId, orgA.id, {
			expiresAt: new Date(now.getTime() + (EXPIRY_REMINDER_DAYS + 5) * DAY_MS)
		});
		const gone = await createProfile(db, networkId, orgA.id, { expiresAt: new Date(now.getTime() - DAY_MS) });
		const drafted = await createProfile(db, networkId, orgA.id, {
			status: 'draft',
			expiresAt: new Date(now.getTime() + DAY_MS)
		});
		const [first, second] = await Promise.all([sweepExpiryReminders(db, now), sweepExpiryReminders(db, now)]);
		expect(first + second).toBe(1);
		expect(await sweepExpiryReminders(db, now)).toBe(0);
		const mails = await db
			.select()
			.from(mailMessages)
			.where(eq(mailMessages.kind, 'cooperation-profile-expiry-reminder'));
		const forSoon = mails.filter((mail) => mail.textBody.includes(soon.id));
		expect(forSoon.map((mail) => mail.toAddress).sort()).toEqual([emails.AdminA!, emails.AdminA2!].sort());
		const english = forSoon.find((mail) => mail.toAddress === emails.AdminA2)!;
		expect(english.subject).toBe('Your cooperation profile expires soon: Läuft bald ab');
		expect(english.textBody).toContain(`/cooperation/${soon.id}/edit`);
		expect(forSoon.find((mail) => mail.toAddress === emails.AdminA)!.subject).toBe(
			'Ihr Kooperationsprofil läuft bald ab: Läuft bald ab'
		);
		for (const other of [later, gone, drafted])
			expect(
				mails.filter((mail) => mail.textBody.includes(other.id)),
				other.id
			).toEqual([]);
		expect((await profileRow(soon.id)).expiryRemindedAt).toBeInstanceOf(Date);
		// Renewed, it may be reminded again before its new end.
		expect((await act('renew', actors.AdminA!, soon.id)).status).toBe(303);
		expect((await profileRow(soon.id)).expiryRemindedAt).toBeNull();
		const nearNewEnd = new Date(now.getTime() + (PROFILE_RUNTIME_DAYS - 3) * DAY_MS);
		expect(await sweepExpiryReminders(db, nearNewEnd)).toBeGreaterThanOrEqual(1);
	});
});

describe('/cooperation/mine', () => {
	const mine = (actor: Actor) =>
		outcome(minePage.load(requestEvent({ actor, path: '/cooperation/mine' })) as Promise<unknown>);
	type MineRow = {
		id: string;
		title: string;
		status: string;
		reviewNote: string;
		canEdit: boolean;
		figures: { viewers: number; anonymousViews: number; matches: number; interests: Record<string, number> };
	};

	it('shows the organisation profiles in every state with the owner figures, to its people only', async () => {
		const { id: gamma } = await createOrganisation(db, networkId, { name: 'Gamma' });
		const figured = await createProfile(db, networkId, orgA.id, { title: 'Mit Zahlen', anonymousViews: 7 });
		const expired = await createProfile(db, networkId, orgA.id, {
			title: 'Abgelaufen',
			expiresAt: new Date(Date.now() - DAY_MS)
		});
		const sentBack = await createProfile(db, networkId, orgA.id, {
			status: 'changes_requested',
			reviewNote: 'Bitte die Branche nennen.'
		});
		const beta = await createProfile(db, networkId, orgB.id, { title: 'Von Beta' });
		for (const name of ['MemberB', 'AdminB', 'Office'])
			await db
				.insert(cooperationProfileViews)
				.values({ networkId, profileId: figured.id, userId: actors[name]!.userId! });
		await db.insert(cooperationMatches).values([
			{
				networkId,
				profileId: figured.id,
				organisationId: orgB.id,
				score: 0.8,
				rank: 1,
				reasons: { competencies: [], drivetrains: [], textSimilarity: 0.2, direction: 'organisation' }
			},
			{
				networkId,
				profileId: figured.id,
				organisationId: gamma,
				score: 0.5,
				rank: 2,
				reasons: { competencies: [], drivetrains: [], textSimilarity: 0.1, direction: 'organisation' }
			}
		]);
		await createInterest(db, networkId, figured.id, orgB.id, null, { status: 'accepted' });
		await createInterest(db, networkId, figured.id, gamma, null, { status: 'declined' });

		const admin = await mine(actors.AdminA!);
		expect(admin.status).toBe(200);
		const rows = admin.data!.profiles as MineRow[];
		expect(rows.map((row) => row.id)).not.toContain(beta.id);
		const row = rows.find((r) => r.id === figured.id)!;
		expect(row.figures).toEqual({
			viewers: 3,
			anonymousViews: 7,
			matches: 2,
			interests: { pending: 0, accepted: 1, declined: 1, withdrawn: 0 }
		});
		expect(row.canEdit).toBe(true);
		expect(rows.find((r) => r.id === expired.id)!.status).toBe('expired');
		expect(rows.find((r) => r.id === sentBack.id)!.reviewNote).toBe('Bitte die Branche nennen.');
		expect(rows.find((r) => r.id === figured.id)!.reviewNote).toBe('');
		expect(admin.data!.canCreate).toBe(true);

		const member = await mine(actors.MemberA!);
		const memberRows = member.data!.profiles as MineRow[];
		expect(memberRows.map((r) => r.id).sort()).toEqual(rows.map((r) => r.id).sort());
		expect(memberRows.every((r) => !r.canEdit)).toBe(true);
		expect(member.data!.canCreate).toBe(false);

		const other = await mine(actors.AdminB!);
		const otherIds = (other.data!.profiles as MineRow[]).map((r) => r.id);
		expect(otherIds).toContain(beta.id);
		expect(otherIds).not.toContain(figured.id);
		const office = await mine(actors.Office!);
		expect(office.data!.profiles).toEqual([]);
		expect(office.data!.hasOrganisation).toBe(false);
		const visitor = await mine(actors.Visitor!);
		expect(visitor.status).toBe(303);
		expect(visitor.location).toContain('/sign-in');
	});
});
