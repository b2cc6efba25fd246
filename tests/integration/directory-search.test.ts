import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../helpers/database.ts';
import {
	assignCompetencies,
	createCompetence,
	createNetwork,
	createOrganisation,
	createPerson
} from '../../src/lib/server/testing/factories.ts';
import { refreshSearchDocuments } from '../../src/lib/server/directory/mutations.ts';
import {
	findProfile,
	findProfiles,
	listMapPoints,
	searchDirectory
} from '../../src/lib/server/directory/queries.ts';
import { emptyDirectoryQuery, type DirectoryQuery } from '../../src/lib/directory/query.ts';
import type { Audience } from '../../src/lib/server/policy/policy.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import { organisations } from '../../src/lib/server/db/schema/index.ts';
import { eq } from 'drizzle-orm';

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let db: Database;
let networkId: string;
const ids: Record<string, string> = {};

const query = (overrides: Partial<DirectoryQuery>): DirectoryQuery => ({
	...emptyDirectoryQuery(),
	...overrides
});
const names = async (audience: Audience, overrides: Partial<DirectoryQuery>) =>
	(await searchDirectory(networkId, audience, query(overrides))).hits.map((hit) => hit.name);

beforeAll(async () => {
	database = await useFreshDatabase();
	db = database.db;
	networkId = (await createNetwork(db, { settings: { districts: ['Stadt Osnabrück', 'Kreis Steinfurt'] } }))
		.id;
	const otherNetworkId = (await createNetwork(db)).id;

	const technologies = await createCompetence(db, networkId, {
		slug: 'technologies',
		nameDe: 'Technologien',
		nameEn: 'Technologies'
	});
	const battery = await createCompetence(db, networkId, {
		slug: 'battery',
		nameDe: 'Batterietechnik',
		nameEn: 'Battery technology',
		parent: technologies
	});
	const cells = await createCompetence(db, networkId, {
		slug: 'cells',
		nameDe: 'Batteriezellen',
		nameEn: 'Battery cells',
		parent: battery
	});
	const sensors = await createCompetence(db, networkId, {
		slug: 'sensors',
		nameDe: 'Sensorik',
		nameEn: 'Sensors',
		parent: technologies
	});

	const cellMaker = await createOrganisation(db, networkId, {
		name: 'Hasezell Energiespeicher GmbH',
		district: 'Stadt Osnabrück',
		city: 'Osnabrück',
		employees: 1200,
		drivetrains: ['bev'],
		shortDescriptionDe: 'Wir fertigen Zellen für Elektrofahrzeuge.',
		latitude: 52.27,
		longitude: 8.05,
		email: 'info@hasezell.example'
	});
	await assignCompetencies(db, networkId, cellMaker.id, [cells.id]);
	const tyres = await createOrganisation(db, networkId, {
		name: 'Emsdettener Gummiwerk KG',
		district: 'Kreis Steinfurt',
		city: 'Emsdetten',
		employees: 40,
		keywords: ['Fahrradreifen', 'Dichtungen']
	});
	const electronics = await createOrganisation(db, networkId, {
		name: 'Piesberg Antriebselektronik GmbH',
		district: 'Stadt Osnabrück',
		city: 'Osnabrück',
		employees: 300,
		shortDescriptionDe: 'Steuergeräte für das Batterie-Management von Nutzfahrzeugen.'
	});
	await assignCompetencies(db, networkId, electronics.id, [sensors.id]);
	const secretive = await createOrganisation(db, networkId, {
		name: 'Verschwiegene Speicher AG',
		district: 'Kreis Steinfurt',
		city: 'Rheine',
		employees: 5000,
		drivetrains: ['hydrogen'],
		certifications: ['IATF 16949'],
		shortDescriptionDe: 'Ein Zulieferer.',
		latitude: 52.28,
		longitude: 7.44,
		visibility: {
			description: 'public',
			contact: 'members',
			address: 'members',
			competencies: 'members',
			facts: 'office'
		}
	});
	await assignCompetencies(db, networkId, secretive.id, [battery.id]);
	const applicant = await createOrganisation(db, networkId, {
		name: 'Neuling Batteriesysteme GmbH',
		status: 'applicant',
		district: 'Stadt Osnabrück'
	});
	const foreign = await createOrganisation(db, otherNetworkId, {
		name: 'Fremde Batterie GmbH',
		shortDescriptionDe: 'Batterien'
	});
	await createPerson(db, networkId, {
		organisationId: cellMaker.id,
		firstName: 'Clara',
		lastName: 'Zustimmung',
		directoryConsentAt: new Date()
	});
	await createPerson(db, networkId, {
		organisationId: cellMaker.id,
		firstName: 'Nils',
		lastName: 'Ohnezustimmung'
	});
	await refreshSearchDocuments(networkId);
	await refreshSearchDocuments(otherNetworkId);
	Object.assign(ids, {
		cellMaker: cellMaker.id,
		tyres: tyres.id,
		electronics: electronics.id,
		secretive: secretive.id,
		applicant: applicant.id,
		foreign: foreign.id,
		technologies: technologies.id,
		battery: battery.id
	});
}, 60_000);

afterAll(async () => {
	await database?.close();
});

describe('full text', () => {
	it('stems German words: "Batterien" finds competencies and descriptions with "Batterie"', async () => {
		const found = await names('public', { q: 'Batterien' });
		expect(found).toContain('Hasezell Energiespeicher GmbH');
		expect(found).toContain('Piesberg Antriebselektronik GmbH');
	});

	it('ranks a competence hit above a description hit', async () => {
		const found = await names('public', { q: 'Batterie' });
		expect(found.indexOf('Hasezell Energiespeicher GmbH')).toBeLessThan(
			found.indexOf('Piesberg Antriebselektronik GmbH')
		);
	});

	it('matches inside compounds: "reifen" finds "Fahrradreifen"', async () => {
		expect(await names('public', { q: 'reifen' })).toEqual(['Emsdettener Gummiwerk KG']);
	});

	it('matches prefixes: "Gummi" finds "Gummiwerk"', async () => {
		expect(await names('public', { q: 'gummi' })).toEqual(['Emsdettener Gummiwerk KG']);
	});

	it('tolerates typos in names', async () => {
		expect(await names('public', { q: 'Piesbrg' })).toContain('Piesberg Antriebselektronik GmbH');
		expect(await names('public', { q: 'Emsdetener Gumiwerk' })).toContain('Emsdettener Gummiwerk KG');
		expect(await names('public', { q: 'Energiespiecher' })).toContain('Hasezell Energiespeicher GmbH');
	});

	it('finds English competence names', async () => {
		expect(await names('public', { q: 'battery cells' })).toEqual(['Hasezell Energiespeicher GmbH']);
	});

	it('requires every word and ignores stop words', async () => {
		expect(await names('public', { q: 'Batterie und Nutzfahrzeugen' })).toEqual([
			'Piesberg Antriebselektronik GmbH'
		]);
	});

	it('takes query syntax literally and never fails on odd input', async () => {
		for (const q of [
			'a:* & !b | (c',
			"'; drop table organisations; --",
			'%_\\',
			'   ',
			'😀 Ünïcödé',
			'x'.repeat(200)
		])
			await expect(searchDirectory(networkId, 'public', query({ q }))).resolves.toBeDefined();
		// punctuation alone is no search: the same list as an empty query
		expect(await names('public', { q: '%' })).toEqual(await names('public', {}));
		expect(await names('public', { q: 'zz%' })).toEqual([]);
	});

	it('never returns another network’s organisations', async () => {
		expect(await names('office', { q: 'Fremde Batterie' })).not.toContain('Fremde Batterie GmbH');
		expect(await findProfile(networkId, 'office', { id: ids.foreign! })).toBeNull();
	});
});

describe('visibility', () => {
	it('does not find an organisation by a members-only competence in public', async () => {
		expect(await names('public', { q: 'Batterietechnik' })).not.toContain('Verschwiegene Speicher AG');
		expect(await names('members', { q: 'Batterietechnik' })).toContain('Verschwiegene Speicher AG');
	});

	it('filters and counts members-only fields only for audiences that may see them', async () => {
		const publicResult = await searchDirectory(networkId, 'public', query({ drivetrain: ['hydrogen'] }));
		expect(publicResult.total).toBe(0);
		expect(publicResult.facets.drivetrain.find((f) => f.value === 'hydrogen')).toBeUndefined();
		const members = await searchDirectory(networkId, 'members', query({ drivetrain: ['hydrogen'] }));
		expect(members.hits.map((h) => h.name)).toEqual(['Verschwiegene Speicher AG']);
		expect(members.hits[0]!.sizeClass).toBeNull(); // facts are office-only here
		const office = await searchDirectory(networkId, 'office', query({ size: ['enterprise'] }));
		expect(office.hits.map((h) => h.name)).toContain('Verschwiegene Speicher AG');
		expect(
			(await searchDirectory(networkId, 'members', query({ size: ['enterprise'] }))).hits.map((h) => h.name)
		).toEqual(['Hasezell Energiespeicher GmbH']);
	});

	it('cuts profiles to the audience', async () => {
		const publicProfile = (await findProfile(networkId, 'public', { id: ids.secretive! }))!;
		expect(publicProfile.competencies).toEqual([]);
		expect(publicProfile.latitude).toBeNull();
		expect(publicProfile.certifications).toEqual([]);
		expect(publicProfile.employees).toBeNull();
		expect(publicProfile.sizeClass).toBeNull();
		expect(publicProfile.visibility).toBeNull();
		const memberProfile = (await findProfile(networkId, 'members', { id: ids.secretive! }))!;
		expect(memberProfile.competencies.map((c) => c.path)).toEqual(['technologies.battery']);
		expect(memberProfile.latitude).toBe(52.28);
		expect(memberProfile.employees).toBeNull();
		const officeProfile = (await findProfile(networkId, 'office', { id: ids.secretive! }))!;
		expect(officeProfile.employees).toBe(5000);
		expect(officeProfile.sizeClass).toBe('enterprise');
	});

	it('lists only consented contacts, and none in public', async () => {
		const members = (await findProfile(networkId, 'members', { id: ids.cellMaker! }))!;
		expect(members.contacts.map((c) => c.lastName)).toEqual(['Zustimmung']);
		expect(members.email).toBe('info@hasezell.example');
		const publicProfile = (await findProfile(networkId, 'public', { id: ids.cellMaker! }))!;
		expect(publicProfile.contacts).toEqual([]);
		expect(publicProfile.email).toBeNull();
	});

	it('shows applicants to the office only', async () => {
		expect(await names('public', { q: 'Neuling' })).toEqual([]);
		expect(await findProfile(networkId, 'members', { id: ids.applicant! })).toBeNull();
		const office = await searchDirectory(networkId, 'office', query({ status: ['applicant'] }));
		expect(office.hits.map((h) => h.name)).toEqual(['Neuling Batteriesysteme GmbH']);
		expect(office.facets.status).toContainEqual({ value: 'member', count: 4 });
		// a status filter from a public URL is ignored
		expect((await searchDirectory(networkId, 'public', query({ status: ['applicant'] }))).total).toBe(4);
	});

	it('puts only visible coordinates on the map', async () => {
		const publicPoints = await listMapPoints(networkId, 'public', query({}));
		expect(publicPoints.map((p) => p.name)).toEqual(['Hasezell Energiespeicher GmbH']);
		const memberPoints = await listMapPoints(networkId, 'members', query({}));
		expect(memberPoints).toHaveLength(2);
	});

	it('returns profiles in the requested order and drops what the audience cannot see', async () => {
		const list = await findProfiles(networkId, 'public', [ids.tyres!, ids.applicant!, ids.cellMaker!]);
		expect(list.map((p) => p.name)).toEqual(['Emsdettener Gummiwerk KG', 'Hasezell Energiespeicher GmbH']);
	});
});

describe('facets', () => {
	it('counts each facet over the other filters (disjunctive)', async () => {
		const result = await searchDirectory(networkId, 'public', query({ district: ['Stadt Osnabrück'] }));
		expect(result.total).toBe(2);
		expect(result.facets.district).toEqual([
			{ value: 'Kreis Steinfurt', count: 2 },
			{ value: 'Stadt Osnabrück', count: 2 }
		]);
		expect(result.facets.size).toEqual(
			expect.arrayContaining([
				{ value: 'enterprise', count: 1 },
				{ value: 'large', count: 1 }
			])
		);
	});

	it('counts competencies with their subtree and filters by subtree', async () => {
		const members = await searchDirectory(networkId, 'members', query({}));
		const count = (path: string) => members.facets.competence.find((c) => c.path === path)?.count;
		expect(count('technologies')).toBe(3);
		expect(count('technologies.battery')).toBe(2);
		expect(count('technologies.battery.cells')).toBe(1);
		const publicResult = await searchDirectory(
			networkId,
			'public',
			query({ competence: ['technologies.battery'] })
		);
		expect(publicResult.hits.map((h) => h.name)).toEqual(['Hasezell Energiespeicher GmbH']);
		expect(publicResult.facets.competence.find((c) => c.path === 'technologies.battery')?.count).toBe(1);
	});

	it('sorts by name and by size, and pages', async () => {
		const byName = await names('office', { sort: 'name' });
		expect(byName).toEqual([...byName].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
		expect((await names('office', { sort: 'size' }))[0]).toBe('Verschwiegene Speicher AG');
		// the public sorts by visible size classes only: the hidden 5,000 don't come first
		expect((await names('public', { sort: 'size' }))[0]).toBe('Hasezell Energiespeicher GmbH');
		const page2 = await searchDirectory(networkId, 'office', query({ sort: 'name', page: 2 }), {
			pageSize: 2
		});
		expect(page2.hits.map((h) => h.name)).toEqual(byName.slice(2, 4));
		expect(page2.pageCount).toBe(3);
	});
});

describe('cached reads', () => {
	it('sees a committed change at once, and nothing of a rolled-back one', async () => {
		const before = await searchDirectory(networkId, 'public', query({ q: 'Gummiwerk' }));
		expect(before.hits.map((h) => h.name)).toEqual(['Emsdettener Gummiwerk KG']);
		await db.transaction(async (tx) => {
			await tx
				.update(organisations)
				.set({ name: 'Emsdettener Elastomerwerk KG' })
				.where(eq(organisations.id, ids.tyres!));
			await refreshSearchDocuments(networkId, [ids.tyres!], tx);
		});
		expect((await searchDirectory(networkId, 'public', query({ q: 'Gummiwerk' }))).total).toBe(0);
		const renamed = await searchDirectory(networkId, 'public', query({ q: 'Elastomerwerk' }));
		expect(renamed.hits.map((h) => h.name)).toEqual(['Emsdettener Elastomerwerk KG']);
		await expect(
			db.transaction(async (tx) => {
				await tx.update(organisations).set({ name: 'Verworfen KG' }).where(eq(organisations.id, ids.tyres!));
				await refreshSearchDocuments(networkId, [ids.tyres!], tx);
				throw new Error('rolled back');
			})
		).rejects.toThrow('rolled back');
		expect((await searchDirectory(networkId, 'public', query({ q: 'Elastomerwerk' }))).total).toBe(1);
		expect((await searchDirectory(networkId, 'public', query({ q: 'Verworfen' }))).total).toBe(0);
	});
});
