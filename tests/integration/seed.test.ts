import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, sql } from 'drizzle-orm';
import { verifyPassword } from 'better-auth/crypto';
import { createTestDatabase, useFreshDatabase } from '../helpers/database.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import {
	account,
	circleMemberships,
	circles,
	competencies,
	legalPages,
	networkRoleAssignments,
	networks,
	organisationCompetencies,
	organisationMemberships,
	organisations,
	people,
	user
} from '../../src/lib/server/db/schema/index.ts';
import { DEMO_PASSWORD, seedDemoData } from '../../src/lib/server/seed/demo.ts';
import { createAuth } from '../../src/lib/server/auth/auth.ts';
import { insideRings } from '../../src/lib/server/seed/demo-region.ts';
import { contactFunctions } from '../../src/lib/directory/vocabulary.ts';

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let summary: Awaited<ReturnType<typeof seedDemoData>>;
beforeAll(async () => {
	database = await useFreshDatabase();
	summary = await seedDemoData(database.db);
});
afterAll(() => database.close());

async function demoNetworkId(db: Database) {
	const [row] = await db.select().from(networks).where(eq(networks.slug, 'autos'));
	return row!.id;
}

async function organisationsOf(db: Database) {
	return db
		.select()
		.from(organisations)
		.where(eq(organisations.networkId, await demoNetworkId(db)))
		.orderBy(asc(organisations.name));
}

/** Everything one demo account holds, read back from the database. */
async function rolesOf(db: Database, email: string) {
	const [row] = await db.select().from(user).where(eq(user.email, email));
	if (!row) throw new Error(`no user ${email}`);
	const networkRoles = await db
		.select({ role: networkRoleAssignments.role })
		.from(networkRoleAssignments)
		.where(eq(networkRoleAssignments.userId, row.id));
	const organisationRoles = await db
		.select({ name: organisations.name, role: organisationMemberships.role, id: organisations.id })
		.from(organisationMemberships)
		.innerJoin(organisations, eq(organisations.id, organisationMemberships.organisationId))
		.where(eq(organisationMemberships.userId, row.id));
	const circleRoles = await db
		.select({ slug: circles.slug, role: circleMemberships.role })
		.from(circleMemberships)
		.innerJoin(circles, eq(circles.id, circleMemberships.circleId))
		.where(eq(circleMemberships.userId, row.id));
	const [credential] = await db
		.select({ password: account.password })
		.from(account)
		.where(and(eq(account.userId, row.id), eq(account.providerId, 'credential')));
	const person = await db.select().from(people).where(eq(people.userId, row.id));
	return {
		user: row,
		networkRoles: networkRoles.map((r) => r.role).sort(),
		organisationRoles,
		circleRoles,
		passwordHash: credential?.password ?? null,
		person
	};
}

describe('seedDemoData', () => {
	it('creates the AutOS network as the default network for localhost', async () => {
		const [network] = await database.db.select().from(networks).where(eq(networks.slug, 'autos'));
		expect(network).toMatchObject({ shortName: 'AutOS', isDefault: true });
		expect(network!.name).toContain('AutOS e.V.');
		expect(network!.hosts).toEqual(expect.arrayContaining(['localhost', '127.0.0.1']));
		expect(network!.settings.districts).toEqual([
			'Stadt Osnabrück',
			'Landkreis Osnabrück',
			'Kreis Steinfurt'
		]);
		for (const text of [
			network!.taglineDe,
			network!.taglineEn,
			network!.descriptionDe,
			network!.descriptionEn
		])
			expect(text.length).toBeGreaterThan(40);
	});

	it('seeds 55 member organisations and the four real partner agencies', async () => {
		const all = await organisationsOf(database.db);
		const members = all.filter((o) => o.status === 'member');
		expect(members).toHaveLength(55);
		expect(summary).toMatchObject({ members: 55, partners: 4, circles: 4, accounts: 6 });
		const partners = all.filter((o) => o.status === 'partner');
		expect(partners.map((o) => [o.name, o.kind]).sort()).toEqual([
			['Automotive Agentur Niedersachsen', 'state_agency'],
			['Wirtschaftsförderung Osnabrück (WFO)', 'support_agency'],
			['Wirtschaftsförderungs- und Entwicklungsgesellschaft Steinfurt (WESt)', 'support_agency'],
			['Wirtschaftsförderungsgesellschaft Landkreis Osnabrück (WIGOS)', 'support_agency']
		]);
		expect(new Set(members.map((o) => o.kind))).toEqual(
			new Set(['member_company', 'research', 'other_partner'])
		);
	});

	it('spreads members over all three districts with about 25,000 employees', async () => {
		const members = (await organisationsOf(database.db)).filter((o) => o.status === 'member');
		const employees = members.reduce((sum, o) => sum + o.employees!, 0);
		expect(employees).toBeGreaterThanOrEqual(24_000);
		expect(employees).toBeLessThanOrEqual(26_000);
		expect(summary.employees).toBe(employees);
		expect(new Set(members.map((o) => o.district))).toEqual(
			new Set(['Stadt Osnabrück', 'Landkreis Osnabrück', 'Kreis Steinfurt'])
		);
		for (const o of members) {
			expect(o.postalCode).toMatch(/^\d{5}$/);
			expect(o.street && o.city && o.legalForm).toBeTruthy();
			expect(o.memberSince).toBeGreaterThanOrEqual(2015);
			expect(o.memberSince).toBeLessThanOrEqual(2025);
			expect(o.foundedYear).toBeLessThanOrEqual(o.memberSince!);
			expect(o.shortDescriptionDe && o.shortDescriptionEn).toBeTruthy();
		}
	});

	it('gives every organisation a unique name and slug and only .example websites', async () => {
		const all = await organisationsOf(database.db);
		expect(new Set(all.map((o) => o.name)).size).toBe(all.length);
		expect(new Set(all.map((o) => o.slug)).size).toBe(all.length);
		for (const o of all) {
			expect(o.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
			if (o.website !== null) expect(new URL(o.website).hostname).toMatch(/\.example$/);
			if (o.email !== null) expect(o.email).toMatch(/@[a-z0-9-]+\.example$/);
		}
		expect(all.filter((o) => o.status === 'member').every((o) => o.website !== null)).toBe(true);
	});

	it('adds 2–3 contacts without accounts to every organisation', async () => {
		const all = await organisationsOf(database.db);
		const contacts = await database.db
			.select()
			.from(people)
			.where(eq(people.networkId, await demoNetworkId(database.db)));
		const withoutAccount = contacts.filter((p) => p.userId === null);
		expect(contacts.length - withoutAccount.length).toBe(6);
		for (const o of all) {
			const own = withoutAccount.filter((p) => p.organisationId === o.id);
			expect(own.length).toBeGreaterThanOrEqual(2);
			expect(own.length).toBeLessThanOrEqual(3);
			for (const p of own) expect(p.email).toMatch(/^[a-z.]+@[a-z0-9-]+\.example$/);
		}
	});

	it('seeds four expert circles and both legal pages marked as demo text', async () => {
		const networkId = await demoNetworkId(database.db);
		const seeded = await database.db.select().from(circles).where(eq(circles.networkId, networkId));
		expect(seeded).toHaveLength(4);
		for (const c of seeded) expect(c.nameDe && c.nameEn && c.descriptionDe && c.descriptionEn).toBeTruthy();
		const pages = await database.db.select().from(legalPages).where(eq(legalPages.networkId, networkId));
		expect(pages.map((p) => p.kind).sort()).toEqual(['imprint', 'privacy']);
		for (const page of pages) {
			expect(page.bodyDe).toContain('Demo-Text – vor dem Produktivbetrieb ersetzen');
			expect(page.bodyEn).toContain('Demo text');
		}
		const imprint = pages.find((p) => p.kind === 'imprint')!;
		expect(imprint.bodyDe).toContain('§ 5 DDG');
		expect(imprint.bodyDe).toContain('§ 18 Abs. 2 MStV');
		expect(pages.find((p) => p.kind === 'privacy')!.bodyDe).toContain('Art. 6 Abs. 1');
	});
});

/** The organisations whose public search document matches a German full-text query. */
async function publicMatches(db: Database, query: string) {
	const rows = await db
		.select({ name: organisations.name })
		.from(organisations)
		.where(
			and(
				eq(organisations.networkId, await demoNetworkId(db)),
				sql`${organisations.searchPublic} @@ to_tsquery('german', ${query})`
			)
		);
	return rows.map((r) => r.name);
}

const batteryMembers = [
	'Hunte Batteriesysteme GmbH',
	'Hafenquartier Batterietest GmbH',
	'Haste Thermomanagement GmbH',
	'Institut für Fahrzeugantriebe und Energiesysteme Osnabrück e.V.',
	'Else-Werk Gusstechnik GmbH',
	'Hüggel Stanztechnik GmbH',
	'Teutoburger Leichtbau KG',
	'Bentlager Vliesstoffe GmbH & Co. KG',
	'Settel Sondermaschinenbau GmbH'
];

describe('directory data', () => {
	it('stores the outlines of the three districts in the network settings', async () => {
		const [network] = await database.db.select().from(networks).where(eq(networks.slug, 'autos'));
		const outlines = network!.settings.region!.outlines;
		expect(outlines.map((o) => o.name)).toEqual(network!.settings.districts);
		for (const outline of outlines) expect(outline.rings[0]!.length).toBeGreaterThanOrEqual(15);
	});

	it('seeds a consistent taxonomy: each path is its parent path plus its slug', async () => {
		const networkId = await demoNetworkId(database.db);
		const nodes = await database.db.select().from(competencies).where(eq(competencies.networkId, networkId));
		expect(nodes.length).toBe(summary.competencies);
		expect(nodes.length).toBeGreaterThanOrEqual(50);
		expect(nodes.length).toBeLessThanOrEqual(80);
		const byId = new Map(nodes.map((n) => [n.id, n]));
		const roots = nodes.filter((n) => n.parentId === null).map((n) => n.slug);
		expect(roots.sort()).toEqual(['drivetrains', 'materials', 'processes', 'services', 'technologies']);
		for (const node of nodes) {
			expect(node.slug).toMatch(/^[a-z0-9-]+$/);
			const parent = node.parentId ? byId.get(node.parentId) : undefined;
			if (node.parentId) expect(parent, node.path).toBeDefined();
			expect(node.path).toBe(parent ? `${parent.path}.${node.slug}` : node.slug);
			expect(node.path.split('.').length).toBeLessThanOrEqual(3);
		}
		const battery = nodes.find((n) => n.path === 'technologies.battery')!;
		expect(battery.nameDe).toBe('Batterietechnik');
		expect(
			nodes
				.filter((n) => n.parentId === battery.id)
				.sort((a, b) => a.position - b.position)
				.map((n) => n.slug)
		).toEqual(['cells', 'systems', 'testing', 'recycling']);
	});

	it('gives every member 2–6 competencies, a profile and coordinates inside its district', async () => {
		const networkId = await demoNetworkId(database.db);
		const [network] = await database.db.select().from(networks).where(eq(networks.id, networkId));
		const outlines = new Map(network!.settings.region!.outlines.map((o) => [o.name, o.rings]));
		const links = await database.db
			.select()
			.from(organisationCompetencies)
			.where(eq(organisationCompetencies.networkId, networkId));
		expect(links.length).toBe(summary.organisationCompetencies);
		const members = (await organisationsOf(database.db)).filter((o) => o.status === 'member');
		for (const o of members) {
			const own = links.filter((l) => l.organisationId === o.id);
			expect(own.length, o.name).toBeGreaterThanOrEqual(2);
			expect(own.length, o.name).toBeLessThanOrEqual(6);
			// The search column holds them with their ancestors.
			expect(o.competenceIds.length).toBeGreaterThan(own.length);
			for (const l of own) expect(o.competenceIds).toContain(l.competenceId);
			expect(o.longDescriptionDe.length && o.longDescriptionEn.length, o.name).toBeTruthy();
			expect(o.valueChain && o.keywords.length, o.name).toBeTruthy();
			expect(insideRings(outlines.get(o.district!)!, o.longitude!, o.latitude!), o.name).toBe(true);
		}
	});

	it('lets a full-text search for "batterien" find the battery members, and not the others', async () => {
		const found = await publicMatches(database.db, 'batterien');
		expect(found).toEqual(expect.arrayContaining(batteryMembers));
		expect(found).not.toContain('Hasetal Präzisionsteile GmbH');
		expect(found).not.toContain('Wittlager Kanallogistik GmbH');
		expect(await publicMatches(database.db, 'batterie')).toEqual(expect.arrayContaining(batteryMembers));
	});

	it('hides "Reifen" inside compound words from full-text search but not from substring search', async () => {
		expect(await publicMatches(database.db, 'reifen')).toEqual([]);
		const rows = await database.db
			.select({ name: organisations.name })
			.from(organisations)
			.where(sql`${organisations.searchTextPublic} like '%reifen%'`)
			.orderBy(asc(organisations.name));
		expect(rows.map((r) => r.name)).toEqual(['Alfsee Kunststoffrecycling GmbH', 'Ruller Sensorik GmbH']);
	});

	it('keeps members-only competencies out of the public search text', async () => {
		const all = await organisationsOf(database.db);
		for (const [name, keyword, competence] of [
			['Sutthausen Werkzeugbau GmbH', 'feinschneidwerkzeuge', 'werkzeug- und formenbau'],
			['Gellenbeck Formenbau GmbH', 'formenwartung', 'werkzeug- und formenbau']
		] as const) {
			const o = all.find((x) => x.name === name)!;
			expect(o.visibility.competencies).toBe('members');
			expect(o.searchTextPublic).not.toContain(keyword);
			expect(o.searchTextPublic).not.toContain(competence);
			expect(o.searchTextMembers).toContain(keyword);
			expect(o.searchTextMembers).toContain(competence);
			expect(o.searchTextOffice).toContain(keyword);
		}
		const sutthausen = await publicMatches(database.db, 'feinschneidwerkzeug');
		expect(sutthausen).toEqual([]);
	});

	it('mixes visibility settings and keeps the demo organisation public except its contact', async () => {
		const all = await organisationsOf(database.db);
		const hasetal = all.find((o) => o.name === 'Hasetal Präzisionsteile GmbH')!;
		expect(hasetal.visibility).toEqual({
			description: 'public',
			contact: 'members',
			address: 'public',
			competencies: 'public',
			facts: 'public'
		});
		const allPublic = all.filter((o) => Object.values(o.visibility).every((v) => v === 'public'));
		expect(allPublic.length).toBeGreaterThan(all.length / 2);
		for (const group of ['contact', 'facts', 'description', 'competencies'] as const)
			expect(
				all.some((o) => o.visibility[group] === 'members'),
				group
			).toBe(true);
	});

	it('gives the seeded contacts functions and directory consent for about two thirds', async () => {
		const contacts = await database.db
			.select()
			.from(people)
			.where(eq(people.networkId, await demoNetworkId(database.db)));
		const seeded = contacts.filter((p) => p.userId === null);
		for (const p of seeded)
			if (p.contactFunction !== null) expect(contactFunctions).toContain(p.contactFunction);
		expect(seeded.filter((p) => p.contactFunction !== null).length).toBeGreaterThan(seeded.length * 0.8);
		expect(new Set(seeded.map((p) => p.contactFunction))).toEqual(new Set([...contactFunctions, null]));
		const consented = seeded.filter((p) => p.directoryConsentAt !== null);
		expect(consented.length / seeded.length).toBeGreaterThan(0.55);
		expect(consented.length / seeded.length).toBeLessThan(0.8);
		for (const p of consented) expect(p.directoryConsentAt!.getUTCFullYear()).toBe(2024);
		// The demo accounts decide for themselves.
		expect(contacts.filter((p) => p.userId !== null).every((p) => p.directoryConsentAt === null)).toBe(true);
	});
});

describe('demo accounts', () => {
	it('office@ and board@ hold exactly their network role', async () => {
		const office = await rolesOf(database.db, 'office@demo.example');
		expect(office.networkRoles).toEqual(['office']);
		expect(office.organisationRoles).toEqual([]);
		expect(office.circleRoles).toEqual([]);
		const board = await rolesOf(database.db, 'board@demo.example');
		expect(board.networkRoles).toEqual(['board']);
		expect(board.organisationRoles).toEqual([]);
		expect(board.circleRoles).toEqual([{ slug: 'wasserstoff-kraftstoffe', role: 'member' }]);
	});

	it('orgadmin@ and member@ share one member organisation; lead@ works elsewhere', async () => {
		const orgadmin = await rolesOf(database.db, 'orgadmin@demo.example');
		const member = await rolesOf(database.db, 'member@demo.example');
		const lead = await rolesOf(database.db, 'lead@demo.example');
		expect(orgadmin.networkRoles).toEqual(['member']);
		expect(member.networkRoles).toEqual(['member']);
		expect(lead.networkRoles).toEqual(['member']);
		expect(orgadmin.organisationRoles).toHaveLength(1);
		expect(orgadmin.organisationRoles[0]!.role).toBe('org_admin');
		expect(member.organisationRoles).toEqual([{ ...orgadmin.organisationRoles[0]!, role: 'org_member' }]);
		expect(lead.organisationRoles).toHaveLength(1);
		expect(lead.organisationRoles[0]!.role).toBe('org_member');
		expect(lead.organisationRoles[0]!.id).not.toBe(orgadmin.organisationRoles[0]!.id);
		const [shared] = await database.db
			.select()
			.from(organisations)
			.where(eq(organisations.id, orgadmin.organisationRoles[0]!.id));
		expect(shared).toMatchObject({ status: 'member', kind: 'member_company' });
		expect(lead.circleRoles).toEqual([{ slug: 'antriebstransformation', role: 'lead' }]);
		expect(member.circleRoles).toEqual([{ slug: 'antriebstransformation', role: 'member' }]);
		expect(orgadmin.circleRoles).toEqual([{ slug: 'fachkraefte-qualifizierung', role: 'member' }]);
	});

	it('partner@ is a partner and belongs to the WFO', async () => {
		const partner = await rolesOf(database.db, 'partner@demo.example');
		expect(partner.networkRoles).toEqual(['partner']);
		expect(partner.organisationRoles.map(({ name, role }) => ({ name, role }))).toEqual([
			{ name: 'Wirtschaftsförderung Osnabrück (WFO)', role: 'org_member' }
		]);
		expect(partner.circleRoles).toEqual([]);
	});

	it('are verified, have a linked person and sign in with the demo password', async () => {
		const emails = ['office', 'board', 'orgadmin', 'member', 'lead', 'partner'].map(
			(r) => `${r}@demo.example`
		);
		for (const email of emails) {
			const held = await rolesOf(database.db, email);
			expect(held.user.emailVerified).toBe(true);
			expect(held.person).toHaveLength(1);
			expect(held.person[0]!.organisationId).toBe(held.organisationRoles[0]?.id ?? null);
			expect(held.passwordHash).not.toBeNull();
			expect(await verifyPassword({ hash: held.passwordHash!, password: DEMO_PASSWORD })).toBe(true);
			expect(await verifyPassword({ hash: held.passwordHash!, password: 'wrong-password' })).toBe(false);
		}
	});

	it('sign in through better-auth with the demo password', async () => {
		const networkId = await demoNetworkId(database.db);
		const auth = createAuth({
			db: database.db,
			requestContext: async () => ({
				origin: 'http://localhost:3000',
				networkId,
				networkName: 'AutOS',
				locale: 'de'
			})
		});
		const result = await auth.api.signInEmail({
			body: { email: 'orgadmin@demo.example', password: DEMO_PASSWORD }
		});
		expect(result.user.email).toBe('orgadmin@demo.example');
		expect(result.token).toBeTruthy();
		await expect(
			auth.api.signInEmail({
				body: { email: 'orgadmin@demo.example', password: 'not-the-password' }
			})
		).rejects.toThrow();
	});
});

describe('a second seed', () => {
	it('leaves an already seeded database as it is and reports that it skipped', async () => {
		const before = await organisationsOf(database.db);
		const again = await seedDemoData(database.db);
		expect(again).toMatchObject({ skipped: true, members: 0 });
		expect(await organisationsOf(database.db)).toEqual(before);
		expect(await database.db.select().from(networks)).toHaveLength(1);
	});
});

describe('determinism', () => {
	it('seeds the same organisations, employee counts and contacts into two fresh databases', async () => {
		const second = await createTestDatabase();
		try {
			await seedDemoData(second.db);
			const snapshot = async (db: Database) => {
				const orgs = (await organisationsOf(db)).map((o) => [o.name, o.slug, o.employees, o.city]);
				const contacts = await db
					.select({
						email: people.email,
						jobTitle: people.jobTitle,
						contactFunction: people.contactFunction,
						consent: people.directoryConsentAt
					})
					.from(people)
					.orderBy(asc(people.email), asc(people.jobTitle));
				const profiles = (await organisationsOf(db)).map((o) => [
					o.latitude,
					o.longitude,
					o.competenceIds.length,
					o.searchTextMembers
				]);
				return { orgs, contacts, profiles };
			};
			expect(await snapshot(second.db)).toEqual(await snapshot(database.db));
		} finally {
			await second.close();
			await second.drop();
		}
	});
});
