import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
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
import { findPerson, searchPeople } from '../../src/lib/server/people/queries.ts';
import {
	grantNetworkRole as grantRole,
	revokeNetworkRole,
	splitName
} from '../../src/lib/server/people/mutations.ts';
import { auditLog, networkRoleAssignments } from '../../src/lib/server/db/schema/index.ts';
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
});
afterAll(() => database.close());

async function officeActor(email: string, network = networkId) {
	const u = await createUser(db, { email, name: email.split('@')[0] });
	await grantNetworkRole(db, network, u.id, 'office');
	await createPerson(db, network, { userId: u.id, firstName: 'Office', lastName: email, email });
	return { user: u, actor: await loadActor(network, u) };
}

describe('searchPeople', () => {
	beforeAll(async () => {
		const gear = await createOrganisation(db, networkId, { name: 'Getriebetechnik Wersen GmbH' });
		const paint = await createOrganisation(db, networkId, { name: 'Lackierwerk Bramsche AG' });
		const withAccount = await createUser(db, {
			email: 'sabine.brinkmann@getriebe.test',
			name: 'Sabine Brinkmann'
		});
		await grantNetworkRole(db, networkId, withAccount.id, 'member');
		await grantNetworkRole(db, networkId, withAccount.id, 'board');
		await createPerson(db, networkId, {
			firstName: 'Sabine',
			lastName: 'Brinkmann',
			organisationId: gear.id,
			userId: withAccount.id
		});
		await createPerson(db, networkId, {
			firstName: 'Hendrik',
			lastName: 'Overbeck',
			organisationId: paint.id,
			email: 'h.overbeck@lack.test'
		});
		await createPerson(db, networkId, { firstName: 'Jana', lastName: 'Wessels', organisationId: gear.id });
		// Same name, other network: must never appear.
		const foreign = await createOrganisation(db, otherNetworkId, { name: 'Getriebetechnik Anderswo' });
		await createPerson(db, otherNetworkId, {
			firstName: 'Sabine',
			lastName: 'Brinkmann',
			organisationId: foreign.id
		});
	});

	const names = async (filter: Partial<Parameters<typeof searchPeople>[1]>, network = networkId) =>
		(await searchPeople(network, { page: 1, pageSize: 50, ...filter })).rows.map(
			(r) => `${r.firstName} ${r.lastName}`
		);

	it('finds by partial name, case-insensitively', async () => {
		expect(await names({ q: 'brink' })).toEqual(['Sabine Brinkmann']);
		expect(await names({ q: 'OVERB' })).toEqual(['Hendrik Overbeck']);
		expect(await names({ q: 'sabine brinkm' })).toEqual(['Sabine Brinkmann']);
	});

	it('finds with a small typo through trigram similarity', async () => {
		expect(await names({ q: 'Brinkman' })).toContain('Sabine Brinkmann');
		expect(await names({ q: 'Overbek' })).toContain('Hendrik Overbeck');
	});

	it('finds by organisation and by e-mail (person or account)', async () => {
		expect((await names({ q: 'getriebetechnik' })).sort()).toEqual(['Jana Wessels', 'Sabine Brinkmann']);
		expect(await names({ q: 'lack.test' })).toEqual(['Hendrik Overbeck']);
		expect(await names({ q: 'sabine.brinkmann@' })).toEqual(['Sabine Brinkmann']);
	});

	it('treats % and _ literally', async () => {
		expect(await names({ q: '%' })).toEqual([]);
		expect(await names({ q: '_' })).toEqual([]);
	});

	it('filters by account and by network role', async () => {
		const withAccount = await names({ q: 'getriebe', hasAccount: true });
		expect(withAccount).toEqual(['Sabine Brinkmann']);
		expect(await names({ q: 'getriebe', hasAccount: false })).toEqual(['Jana Wessels']);
		expect(await names({ role: 'board' })).toEqual(['Sabine Brinkmann']);
		const [row] = (await searchPeople(networkId, { q: 'brinkmann', page: 1, pageSize: 10 })).rows;
		expect(row!.networkRoles).toEqual(['board', 'member']);
		expect(row!.organisationName).toBe('Getriebetechnik Wersen GmbH');
	});

	it('is scoped by network and paginates with a total', async () => {
		const other = await searchPeople(otherNetworkId, { page: 1, pageSize: 10 });
		expect(other.rows.map((r) => r.organisationName)).toEqual(['Getriebetechnik Anderswo']);
		const first = await searchPeople(networkId, { page: 1, pageSize: 2 });
		const second = await searchPeople(networkId, { page: 2, pageSize: 2 });
		expect(first.total).toBe(second.total);
		expect(first.rows).toHaveLength(2);
		expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(
			first.rows.length + second.rows.length
		);
	});

	it('findPerson answers null for a person of another network', async () => {
		const [foreign] = (await searchPeople(otherNetworkId, { page: 1, pageSize: 1 })).rows;
		expect(await findPerson(networkId, foreign!.id)).toBeNull();
		expect(await findPerson(otherNetworkId, foreign!.id)).not.toBeNull();
	});
});

describe('network roles', () => {
	it('grant and revoke are audited with before and after', async () => {
		const { actor } = await officeActor('roles-office@example.test');
		const target = await createUser(db, { email: 'target@example.test' });
		await createPerson(db, networkId, { userId: target.id });
		await grantNetworkRole(db, networkId, target.id, 'member');

		const granted = await grantRole({
			actor,
			networkId,
			userId: target.id,
			role: 'board',
			context: { ipAddress: '198.51.100.4', userAgent: 'vitest' }
		});
		expect(granted).toEqual({ ok: true, changed: true, before: ['member'], after: ['board', 'member'] });
		const repeated = await grantRole({ actor, networkId, userId: target.id, role: 'board' });
		expect(repeated).toMatchObject({ ok: true, changed: false });

		const revoked = await revokeNetworkRole({ actor, networkId, userId: target.id, role: 'member' });
		expect(revoked).toEqual({ ok: true, changed: true, before: ['board', 'member'], after: ['board'] });

		const entries = await db
			.select()
			.from(auditLog)
			.where(eq(auditLog.targetId, target.id))
			.orderBy(auditLog.createdAt);
		expect(entries.map((e) => e.action)).toEqual([
			'office.network_role.granted',
			'office.network_role.revoked'
		]);
		expect(entries[0]!.details).toEqual({
			role: 'board',
			before: { networkRoles: ['member'] },
			after: { networkRoles: ['board', 'member'] }
		});
		expect(entries[0]!.actorEmail).toBe('roles-office@example.test');
		expect(entries[0]!.ipAddress).toBe('198.51.100.4');
		expect(entries[0]!.userAgent).toBe('vitest');
		expect(entries[1]!.details).toMatchObject({
			before: { networkRoles: ['board', 'member'] },
			after: { networkRoles: ['board'] }
		});
	});

	it('keeps the last office role of a network, also against its holder', async () => {
		const network = (await createNetwork(db)).id;
		const first = await officeActor('first-office@example.test', network);
		const refused = await revokeNetworkRole({
			actor: first.actor,
			networkId: network,
			userId: first.user.id,
			role: 'office'
		});
		expect(refused).toEqual({ ok: false, reason: 'LAST_OFFICE' });

		const second = await officeActor('second-office@example.test', network);
		const allowed = await revokeNetworkRole({
			actor: second.actor,
			networkId: network,
			userId: first.user.id,
			role: 'office'
		});
		expect(allowed).toMatchObject({ ok: true, changed: true });
		const lastOne = await revokeNetworkRole({
			actor: second.actor,
			networkId: network,
			userId: second.user.id,
			role: 'office'
		});
		expect(lastOne).toEqual({ ok: false, reason: 'LAST_OFFICE' });
		const office = await db
			.select()
			.from(networkRoleAssignments)
			.where(and(eq(networkRoleAssignments.networkId, network), eq(networkRoleAssignments.role, 'office')));
		expect(office.map((o) => o.userId)).toEqual([second.user.id]);
	});

	it('two office users removing each other at once leave one office account', async () => {
		const network = (await createNetwork(db)).id;
		const a = await officeActor('a-office@example.test', network);
		const b = await officeActor('b-office@example.test', network);
		const results = await Promise.all([
			revokeNetworkRole({ actor: a.actor, networkId: network, userId: b.user.id, role: 'office' }),
			revokeNetworkRole({ actor: b.actor, networkId: network, userId: a.user.id, role: 'office' })
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'LAST_OFFICE' }]);
		const office = await db
			.select()
			.from(networkRoleAssignments)
			.where(and(eq(networkRoleAssignments.networkId, network), eq(networkRoleAssignments.role, 'office')));
		expect(office).toHaveLength(1);
	});

	it('board and other networks cannot change roles; accounts of another network are not found', async () => {
		const boardUser = await createUser(db);
		await grantNetworkRole(db, networkId, boardUser.id, 'board');
		const board = await loadActor(networkId, boardUser);
		const target = await createUser(db);
		await createPerson(db, networkId, { userId: target.id });
		await expect(
			grantRole({ actor: board, networkId, userId: target.id, role: 'office' })
		).rejects.toMatchObject({ code: 'FORBIDDEN' });

		const foreign = await officeActor('foreign-office@example.test', otherNetworkId);
		await expect(
			grantRole({ actor: foreign.actor, networkId, userId: target.id, role: 'office' })
		).rejects.toMatchObject({ code: 'FORBIDDEN' });
		const { actor } = await officeActor('here-office@example.test');
		const outsider = await createUser(db);
		await grantNetworkRole(db, otherNetworkId, outsider.id, 'member');
		expect(await grantRole({ actor, networkId, userId: outsider.id, role: 'office' })).toEqual({
			ok: false,
			reason: 'NOT_FOUND'
		});
	});
});

describe('splitName', () => {
	it('keeps the last word as family name', () => {
		expect(splitName('  Anna Maria  Schulte ')).toEqual({ firstName: 'Anna Maria', lastName: 'Schulte' });
		expect(splitName('Cher')).toEqual({ firstName: 'Cher', lastName: '' });
	});
});

describe('organisation memberships on the person', () => {
	it('lists only memberships in organisations of the network', async () => {
		const u = await createUser(db);
		const person = await createPerson(db, networkId, { userId: u.id });
		const here = await createOrganisation(db, networkId, { name: 'Zulieferer Hier GmbH' });
		await addToOrganisation(db, networkId, here.id, u.id, 'org_admin');
		const there = await createOrganisation(db, otherNetworkId);
		await addToOrganisation(db, otherNetworkId, there.id, u.id, 'org_member');
		await grantNetworkRole(db, otherNetworkId, u.id, 'office');
		const found = await findPerson(networkId, person.id);
		expect(found!.memberships).toEqual([
			{ organisationId: here.id, organisationName: 'Zulieferer Hier GmbH', role: 'org_admin' }
		]);
		expect(found!.networkRoles).toEqual([]);
	});
});
