import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useFreshDatabase } from '../helpers/database.ts';
import {
	addToOrganisation,
	createNetwork,
	createOrganisation,
	createPerson,
	createUser,
	grantNetworkRole
} from '../../src/lib/server/testing/factories.ts';
import { loadActor } from '../../src/lib/server/policy/queries.ts';
import {
	findOrganisation,
	listOrganisationAccounts,
	listOrganisationPeople,
	searchOrganisations
} from '../../src/lib/server/organisations/queries.ts';
import {
	changeOrganisationRole,
	removeFromOrganisation
} from '../../src/lib/server/organisations/mutations.ts';
import { auditLog } from '../../src/lib/server/db/schema/index.ts';
import type { Database } from '../../src/lib/server/db/index.ts';

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let db: Database;
let networkId: string;
let otherNetworkId: string;

beforeAll(async () => {
	database = await useFreshDatabase();
	db = database.db;
	networkId = (await createNetwork(db)).id;
	otherNetworkId = (await createNetwork(db)).id;
	await createOrganisation(db, networkId, {
		name: 'Fahrwerk Melle GmbH',
		city: 'Melle',
		kind: 'member_company',
		status: 'member'
	});
	await createOrganisation(db, networkId, {
		name: 'Hochschule Osnabrück Testinstitut',
		city: 'Osnabrück',
		kind: 'research',
		status: 'member'
	});
	await createOrganisation(db, networkId, {
		name: 'Wirtschaftsförderung Testkreis',
		city: 'Steinfurt',
		kind: 'support_agency',
		status: 'partner'
	});
	await createOrganisation(db, networkId, {
		name: 'Alte Gießerei Melle KG',
		city: 'Melle',
		kind: 'member_company',
		status: 'former'
	});
	await createOrganisation(db, otherNetworkId, { name: 'Fahrwerk Fremdnetz GmbH', city: 'Melle' });
});
afterAll(() => database.close());

const names = async (filter: Partial<Parameters<typeof searchOrganisations>[1]>, network = networkId) =>
	(await searchOrganisations(network, { page: 1, pageSize: 50, ...filter })).rows.map((r) => r.name);

describe('searchOrganisations', () => {
	it('searches name and town, case-insensitively and with small typos', async () => {
		expect(await names({ q: 'fahrwerk' })).toEqual(['Fahrwerk Melle GmbH']);
		expect((await names({ q: 'MELLE' })).sort()).toEqual(['Alte Gießerei Melle KG', 'Fahrwerk Melle GmbH']);
		expect(await names({ q: 'Giesserei' })).toEqual(['Alte Gießerei Melle KG']);
		expect(await names({ q: 'Farwerk' })).toContain('Fahrwerk Melle GmbH');
	});

	it('filters by kind and status and counts', async () => {
		expect(await names({ kind: 'research' })).toEqual(['Hochschule Osnabrück Testinstitut']);
		expect(await names({ status: 'partner' })).toEqual(['Wirtschaftsförderung Testkreis']);
		expect(await names({ kind: 'member_company', status: 'member' })).toEqual(['Fahrwerk Melle GmbH']);
		const page = await searchOrganisations(networkId, { page: 2, pageSize: 3 });
		expect(page.total).toBe(4);
		expect(page.rows).toHaveLength(1);
	});

	it('never shows another network', async () => {
		expect(await names({ q: 'fremdnetz' })).toEqual([]);
		expect(await names({}, otherNetworkId)).toEqual(['Fahrwerk Fremdnetz GmbH']);
		const [foreign] = (await searchOrganisations(otherNetworkId, { page: 1, pageSize: 1 })).rows;
		expect(await findOrganisation(networkId, foreign!.id)).toBeNull();
	});
});

describe('organisation roles', () => {
	it('office changes org roles and removes accounts, audited with before and after; people and accounts are listed', async () => {
		const organisation = await createOrganisation(db, networkId);
		const officeUser = await createUser(db, { email: 'org-office@example.test' });
		await grantNetworkRole(db, networkId, officeUser.id, 'office');
		const office = await loadActor(networkId, officeUser);
		const colleague = await createUser(db, { name: 'Kai Kollege' });
		await addToOrganisation(db, networkId, organisation.id, colleague.id, 'org_member');
		await createPerson(db, networkId, {
			userId: colleague.id,
			organisationId: organisation.id,
			firstName: 'Kai',
			lastName: 'Kollege'
		});
		await createPerson(db, networkId, {
			organisationId: organisation.id,
			firstName: 'Nora',
			lastName: 'Ohnekonto',
			email: 'nora@example.test'
		});

		const people = await listOrganisationPeople(networkId, organisation.id);
		expect(people.map((p) => `${p.firstName} ${p.lastName}:${p.userId ? 'account' : 'contact'}`)).toEqual([
			'Kai Kollege:account',
			'Nora Ohnekonto:contact'
		]);
		expect(await listOrganisationPeople(otherNetworkId, organisation.id)).toEqual([]);

		expect(
			await changeOrganisationRole({
				actor: office,
				networkId,
				organisationId: organisation.id,
				userId: colleague.id,
				role: 'org_admin'
			})
		).toEqual({ ok: true, changed: true });
		expect((await listOrganisationAccounts(networkId, organisation.id)).map((a) => [a.name, a.role])).toEqual(
			[['Kai Kollege', 'org_admin']]
		);
		expect(
			await removeFromOrganisation({
				actor: office,
				networkId,
				organisationId: organisation.id,
				userId: colleague.id
			})
		).toEqual({ ok: true, changed: true });
		expect(await listOrganisationAccounts(networkId, organisation.id)).toEqual([]);
		expect(
			await removeFromOrganisation({
				actor: office,
				networkId,
				organisationId: organisation.id,
				userId: colleague.id
			})
		).toEqual({ ok: false, reason: 'NOT_FOUND' });

		const entries = await db
			.select()
			.from(auditLog)
			.where(eq(auditLog.targetId, colleague.id))
			.orderBy(auditLog.createdAt);
		expect(entries.map((e) => [e.action, e.details])).toEqual([
			[
				'office.organisation_role.changed',
				{
					organisationId: organisation.id,
					before: { organisationRole: 'org_member' },
					after: { organisationRole: 'org_admin' }
				}
			],
			[
				'office.organisation_member.removed',
				{
					organisationId: organisation.id,
					before: { organisationRole: 'org_admin' },
					after: { organisationRole: null }
				}
			]
		]);
	});

	it('org admins and the board may not change org roles here; another network sees nothing to change', async () => {
		const organisation = await createOrganisation(db, networkId);
		const admin = await createUser(db);
		await addToOrganisation(db, networkId, organisation.id, admin.id, 'org_admin');
		const colleague = await createUser(db);
		await addToOrganisation(db, networkId, organisation.id, colleague.id, 'org_member');
		const adminActor = await loadActor(networkId, admin);
		await expect(
			changeOrganisationRole({
				actor: adminActor,
				networkId,
				organisationId: organisation.id,
				userId: colleague.id,
				role: 'org_admin'
			})
		).rejects.toMatchObject({ code: 'FORBIDDEN' });
		const foreignOffice = await createUser(db);
		await grantNetworkRole(db, otherNetworkId, foreignOffice.id, 'office');
		const foreign = await loadActor(otherNetworkId, foreignOffice);
		expect(
			await changeOrganisationRole({
				actor: foreign,
				networkId: otherNetworkId,
				organisationId: organisation.id,
				userId: colleague.id,
				role: 'org_admin'
			})
		).toEqual({ ok: false, reason: 'NOT_FOUND' });
	});
});
