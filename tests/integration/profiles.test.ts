import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isActionFailure, isHttpError, isRedirect } from '@sveltejs/kit';
import { and, desc, eq } from 'drizzle-orm';
import { useFreshDatabase } from '../helpers/database.ts';
import {
	addToCircle,
	addToOrganisation,
	assignCompetencies,
	createCircle,
	createCompetence,
	createNetwork,
	createOrganisation,
	createUser,
	grantNetworkRole
} from '../../src/lib/server/testing/factories.ts';
import { anonymousActor, type Actor } from '../../src/lib/server/policy/actor.ts';
import { loadActor } from '../../src/lib/server/policy/queries.ts';
import { refreshSearchDocuments } from '../../src/lib/server/directory/mutations.ts';
import { auditLog, organisationCompetencies, organisations } from '../../src/lib/server/db/schema/index.ts';
import { actions, load } from '../../src/routes/(members)/organisations/[id]/profile/+page.server.ts';
import type { Database } from '../../src/lib/server/db/index.ts';

/**
 * The profile editor's load and save action, called as SvelteKit calls them, against a real
 * database: who may edit which organisation, what lands in the row, the search columns and the
 * audit log, and what is refused without writing anything.
 */
let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let db: Database;
let network: { id: string; name: string; shortName: string; settings: { districts: string[] } };
let ownId: string;
let otherId: string;
let foreignId: string;
let foreignCompetenceId: string;
const competence: Record<string, string> = {};
const actors: Record<string, Actor> = {};

beforeAll(async () => {
	database = await useFreshDatabase();
	db = database.db;
	const row = await createNetwork(db);
	network = { id: row.id, name: row.name, shortName: row.shortName, settings: row.settings };
	const otherNetwork = await createNetwork(db);
	ownId = (await createOrganisation(db, network.id, { name: 'Eigene Teile GmbH' })).id;
	otherId = (await createOrganisation(db, network.id, { name: 'Fremde Teile GmbH' })).id;
	foreignId = (await createOrganisation(db, otherNetwork.id, { name: 'Anderes Netz GmbH' })).id;
	const technologies = await createCompetence(db, network.id, {
		slug: 'technologien',
		nameDe: 'Technologien'
	});
	const battery = await createCompetence(db, network.id, {
		slug: 'batterie',
		nameDe: 'Batterietechnik',
		nameEn: 'Battery technology',
		parent: technologies
	});
	const welding = await createCompetence(db, network.id, {
		slug: 'schweissen',
		nameDe: 'Laserschweißen',
		parent: technologies
	});
	Object.assign(competence, { technologies: technologies.id, battery: battery.id, welding: welding.id });
	foreignCompetenceId = (await createCompetence(db, otherNetwork.id, { slug: 'x', nameDe: 'Fremd' })).id;
	await assignCompetencies(db, network.id, ownId, [welding.id]);
	await refreshSearchDocuments(network.id, undefined, db);
	const circle = await createCircle(db, network.id);
	const make = async (key: string, setup: (userId: string) => Promise<void>) => {
		const u = await createUser(db, { email: `${key}@profile.test` });
		await setup(u.id);
		actors[key] = await loadActor(network.id, u);
	};
	await make('admin', async (id) => {
		await grantNetworkRole(db, network.id, id, 'member');
		await addToOrganisation(db, network.id, ownId, id, 'org_admin');
	});
	await make('member', async (id) => {
		await grantNetworkRole(db, network.id, id, 'member');
		await addToOrganisation(db, network.id, ownId, id, 'org_member');
	});
	await make('lead', async (id) => {
		await grantNetworkRole(db, network.id, id, 'member');
		await addToOrganisation(db, network.id, ownId, id, 'org_member');
		await addToCircle(db, network.id, circle.id, id, 'lead');
	});
	await make('office', (id) => grantNetworkRole(db, network.id, id, 'office'));
	await make('board', (id) => grantNetworkRole(db, network.id, id, 'board'));
	await make('partner', (id) => grantNetworkRole(db, network.id, id, 'partner'));
});
afterAll(() => database.close());

function event(actor: Actor, id: string, body?: FormData) {
	const url = new URL(`http://kp.test/organisations/${id}/profile${body ? '?/save' : ''}`);
	return {
		params: { id },
		url,
		request: new Request(url, { method: body ? 'POST' : 'GET', body }),
		locals: { actor, network, locale: 'de', clientAddress: '127.0.0.1' },
		setHeaders: () => undefined
	} as unknown as Parameters<typeof load>[0] & Parameters<typeof actions.save>[0];
}

type Failure = { errors: Record<string, string>; lists?: Record<string, string[]> };

async function outcome(run: () => Promise<unknown>) {
	try {
		const data = await run();
		if (isActionFailure(data)) return { status: data.status, data: data.data as unknown as Failure };
		return { status: 200, data: data as Failure };
	} catch (thrown) {
		if (isHttpError(thrown)) return { status: thrown.status, data: null };
		if (isRedirect(thrown)) return { status: thrown.status, data: null, location: thrown.location };
		throw thrown;
	}
}

const loadAs = (key: string, id: string) => outcome(() => load(event(actors[key]!, id)));

/** The form as the page renders it for the stored profile, with changes on top. */
async function formFor(actor: string, id: string, changes: Record<string, string | string[]> = {}) {
	const loaded = await loadAs(actor, id);
	const profile = (loaded.data as unknown as Awaited<ReturnType<typeof load>>).profile;
	const form = new FormData();
	const fields: Record<string, string | string[]> = {
		updatedAt: profile.updatedAt.toISOString(),
		name: profile.name,
		shortDescriptionDe: profile.shortDescriptionDe,
		competencies: profile.competencies,
		drivetrains: profile.drivetrains,
		...Object.fromEntries(Object.entries(profile.visibility).map(([g, v]) => [`visibility_${g}`, v])),
		...changes
	};
	for (const [key, value] of Object.entries(fields)) {
		for (const item of Array.isArray(value) ? value : [value]) form.append(key, item);
	}
	return form;
}

const save = (actor: string, id: string, form: FormData) =>
	outcome(() => actions.save(event(actors[actor]!, id, form)));

const stored = async (id: string) =>
	(await db.select().from(organisations).where(eq(organisations.id, id)))[0]!;

describe('/organisations/[id]/profile: who may edit', () => {
	it('opens for the admin of the organisation and for the office, for any organisation', async () => {
		const own = await loadAs('admin', ownId);
		expect(own.status).toBe(200);
		expect((own.data as unknown as Awaited<ReturnType<typeof load>>).profile.name).toBe('Eigene Teile GmbH');
		expect((own.data as unknown as Awaited<ReturnType<typeof load>>).isOffice).toBe(false);
		expect((await loadAs('office', otherId)).status).toBe(200);
	});

	it("refuses members, circle leads, partners and the board, and another organisation's admin", async () => {
		for (const key of ['member', 'lead', 'partner', 'board']) {
			expect((await loadAs(key, ownId)).status, key).toBe(403);
			expect((await save(key, ownId, await formFor('office', ownId, { name: 'Gekapert' }))).status, key).toBe(
				403
			);
		}
		expect((await loadAs('admin', otherId)).status).toBe(403);
		expect((await save('admin', otherId, await formFor('office', otherId, { name: 'X' }))).status).toBe(403);
		expect((await stored(otherId)).name).toBe('Fremde Teile GmbH');
		expect((await stored(ownId)).name).toBe('Eigene Teile GmbH');
	});

	it('answers 404 for unknown ids and those of another network; anonymous visitors sign in', async () => {
		expect((await loadAs('office', foreignId)).status).toBe(404);
		expect((await loadAs('office', crypto.randomUUID())).status).toBe(404);
		expect((await loadAs('office', 'not-a-uuid')).status).toBe(404);
		expect((await loadAs('admin', foreignId)).status).toBe(403);
		const anonymous = await outcome(() => load(event(anonymousActor(network.id), ownId)));
		expect(anonymous.status).toBe(303);
		expect(anonymous.location).toContain('/sign-in?next=');
	});
});

describe('/organisations/[id]/profile: saving', () => {
	it('saves the admin’s changes with competencies, and audits only the changed fields', async () => {
		const form = await formFor('admin', ownId, {
			shortDescriptionDe: 'Präzisionsdrehteile für Batteriegehäuse',
			competencies: [competence.battery!],
			drivetrains: ['bev', 'hybrid'],
			certifications: 'IATF 16949, ISO 9001\nISO 9001',
			district: network.settings.districts[0]!,
			latitude: '52,2799',
			longitude: '8.0472',
			employees: '1.250'
		});
		const result = await save('admin', ownId, form);
		expect(result.status).toBe(303);
		expect(result.location).toBe(`/organisations/${ownId}/profile?saved=profile`);
		const row = await stored(ownId);
		expect(row).toMatchObject({
			shortDescriptionDe: 'Präzisionsdrehteile für Batteriegehäuse',
			drivetrains: ['bev', 'hybrid'],
			certifications: ['IATF 16949', 'ISO 9001'],
			latitude: 52.2799,
			longitude: 8.0472,
			employees: 1250,
			sizeClass: 'enterprise'
		});
		const chosen = await db
			.select({ id: organisationCompetencies.competenceId })
			.from(organisationCompetencies)
			.where(eq(organisationCompetencies.organisationId, ownId));
		expect(chosen.map((c) => c.id)).toEqual([competence.battery]);
		// The search columns follow in the same transaction: ancestors included, names searchable.
		expect([...row.competenceIds].sort()).toEqual([competence.battery, competence.technologies].sort());
		expect(row.searchTextPublic).toContain('batterietechnik');
		expect(row.searchTextPublic).not.toContain('laserschweißen');
		const [entry] = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'organisation.profile_updated'), eq(auditLog.targetId, ownId)))
			.orderBy(desc(auditLog.createdAt));
		expect(entry!.actorUserId).toBe(actors.admin!.userId);
		const details = entry!.details as { before: Record<string, unknown>; after: Record<string, unknown> };
		expect(Object.keys(details.after).sort()).toEqual(
			[
				'certifications',
				'competencies',
				'district',
				'drivetrains',
				'employees',
				'latitude',
				'longitude',
				'shortDescriptionDe'
			].sort()
		);
		expect(details.before.shortDescriptionDe).toBe('');
		expect(details.before.competencies).toEqual(['technologien.schweissen']);
		expect(details.after.competencies).toEqual(['technologien.batterie']);
		expect(details.after).not.toHaveProperty('name');
	});

	it('lets only the office change kind, status and membership year', async () => {
		const attempt = { kind: 'research', status: 'former', memberSince: '2001' };
		expect((await save('admin', ownId, await formFor('admin', ownId, attempt))).status).toBe(303);
		expect(await stored(ownId)).toMatchObject({
			kind: 'member_company',
			status: 'member',
			memberSince: null
		});
		expect((await save('office', otherId, await formFor('office', otherId, attempt))).status).toBe(303);
		expect(await stored(otherId)).toMatchObject({ kind: 'research', status: 'former', memberSince: 2001 });
	});

	it('moves a members-only description out of the public search document', async () => {
		const form = await formFor('admin', ownId, {
			shortDescriptionDe: 'Geheimverfahren Kryoumformung',
			visibility_description: 'members'
		});
		expect((await save('admin', ownId, form)).status).toBe(303);
		const row = await stored(ownId);
		expect(row.visibility.description).toBe('members');
		expect(row.searchTextPublic).not.toContain('kryoumformung');
		expect(row.searchTextMembers).toContain('kryoumformung');
		expect(row.searchTextOffice).toContain('kryoumformung');
	});

	it('refuses a save based on an outdated version instead of overwriting it', async () => {
		const first = await formFor('admin', ownId, { shortDescriptionDe: 'Version A' });
		const second = await formFor('office', ownId, { shortDescriptionDe: 'Version B' });
		expect((await save('admin', ownId, first)).status).toBe(303);
		const late = await save('office', ownId, second);
		expect(late.status).toBe(409);
		expect(late.data!.errors._form).toMatch(/Jemand anderes hat das Profil gespeichert/);
		expect((await stored(ownId)).shortDescriptionDe).toBe('Version A');
	});

	it('answers field errors in German and writes nothing', async () => {
		const before = await stored(ownId);
		const form = await formFor('admin', ownId, {
			name: '',
			latitude: '95',
			longitude: '8',
			website: 'kein link',
			postalCode: '4907',
			foundedYear: '2999',
			competencies: [competence.battery!, 'nicht-eine-id'],
			drivetrains: ['bev', 'diesel'],
			shortDescriptionDe: 'Darf nicht gespeichert werden'
		});
		const result = await save('admin', ownId, form);
		expect(result.status).toBe(400);
		const errors = result.data!.errors as Record<string, string>;
		expect(errors.name).toBe('Bitte füllen Sie dieses Feld aus.');
		expect(errors.latitude).toMatch(/zwischen -90 und 90/);
		expect(errors.website).toMatch(/Webadresse/);
		expect(errors.postalCode).toMatch(/Postleitzahl/);
		expect(errors.foundedYear).toMatch(/Jahreszahl/);
		expect(errors['competencies.1']).toBeDefined();
		expect(errors['drivetrains.1']).toBeDefined();
		expect(result.data!.lists).toEqual({
			drivetrains: ['bev', 'diesel'],
			competencies: [competence.battery, 'nicht-eine-id']
		});
		expect(await stored(ownId)).toEqual(before);
	});

	it('refuses a district outside the network and a competence of another network', async () => {
		const before = await stored(ownId);
		const district = await save('admin', ownId, await formFor('admin', ownId, { district: 'Atlantis' }));
		expect(district.status).toBe(400);
		expect(district.data!.errors.district).toMatch(/Kreise des Netzwerks/);
		const foreign = await save(
			'admin',
			ownId,
			await formFor('admin', ownId, { competencies: [foreignCompetenceId], shortDescriptionDe: 'Neu' })
		);
		expect(foreign.status).toBe(400);
		expect(foreign.data!.errors.competencies).toBeDefined();
		expect(await stored(ownId)).toEqual(before);
	});

	it('answers a save with nothing changed without an audit entry', async () => {
		const count = async () => (await db.select().from(auditLog).where(eq(auditLog.targetId, ownId))).length;
		const before = await count();
		const result = await save('admin', ownId, await formFor('admin', ownId));
		expect(result.location).toBe(`/organisations/${ownId}/profile?saved=none`);
		expect(await count()).toBe(before);
	});
});
