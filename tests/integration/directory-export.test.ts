import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestDatabase } from '../helpers/database.ts';
import { closeDatabase, useDatabaseForTests, type DatabaseHandle } from '../../src/lib/server/db/index.ts';
import {
	assignCompetencies,
	createCompetence,
	createNetwork,
	createOrganisation,
	createPerson
} from '../../src/lib/server/testing/factories.ts';
import { people } from '../../src/lib/server/db/schema/index.ts';
import { refreshSearchDocuments } from '../../src/lib/server/directory/mutations.ts';
import { emptyDirectoryQuery, parseDirectoryQuery } from '../../src/lib/directory/query.ts';
import { exportOrganisations } from '../../src/lib/server/directory-export/export.ts';
import { decodeText, parseCsv } from '../../src/lib/server/directory-import/csv.ts';
import { readSpreadsheet } from '../../src/lib/server/directory-import/table.ts';
import { createImportRun } from '../../src/lib/server/directory-import/mutations.ts';
import { loadImportAnalysis } from '../../src/lib/server/directory-import/queries.ts';
import { startImport } from '../../src/lib/server/directory-import/run.ts';
import type { Audience } from '../../src/lib/server/policy/policy.ts';

type Test = Awaited<ReturnType<typeof createTestDatabase>>;
let source: Test;
let target: Test;
let sourceNetwork: string;

async function seedTaxonomy(handle: DatabaseHandle, networkId: string) {
	const root = await createCompetence(handle.db, networkId, {
		slug: 'tech',
		nameDe: 'Technologien',
		nameEn: 'Technologies'
	});
	const battery = await createCompetence(handle.db, networkId, {
		slug: 'battery',
		nameDe: 'Batterie',
		nameEn: 'Battery',
		parent: root
	});
	const plastics = await createCompetence(handle.db, networkId, {
		slug: 'plastics',
		nameDe: 'Kunststoff, Gummi',
		nameEn: 'Plastics, rubber',
		parent: root
	});
	return { battery, plastics };
}

beforeAll(async () => {
	source = await createTestDatabase();
	target = await createTestDatabase();
	useDatabaseForTests(source);
	const db = source.db;
	sourceNetwork = (await createNetwork(db)).id;
	const { battery, plastics } = await seedTaxonomy(source, sourceNetwork);
	const hasetal = await createOrganisation(db, sourceNetwork, {
		name: 'Hasetal Präzisionsteile GmbH',
		legalForm: 'GmbH',
		shortDescriptionDe: 'Präzision; "made in" Hasetal',
		shortDescriptionEn: 'Precision parts',
		longDescriptionDe: '=Zerspanung\nund Montage',
		longDescriptionEn: 'Machining\nand assembly',
		website: 'https://www.hasetal-praezision.de',
		email: 'info@hasetal-praezision.de',
		phone: '+49 5401 1234',
		street: 'Industriestraße 12\nHalle 3',
		postalCode: '49124',
		city: 'Georgsmarienhütte',
		district: 'Landkreis Osnabrück',
		latitude: 52.20316789012345,
		longitude: -8.05,
		employees: 1250,
		foundedYear: 1898,
		memberSince: 2016,
		valueChain: 'tier1',
		drivetrains: ['bev', 'hybrid'],
		products: ['Getriebewellen', 'Zahnräder'],
		certifications: ['IATF 16949', 'ISO 14001'],
		keywords: ['Qualitätssicherung mit KI'],
		visibility: {
			description: 'public',
			contact: 'members',
			address: 'public',
			competencies: 'public',
			facts: 'members'
		}
	});
	await assignCompetencies(db, sourceNetwork, hasetal.id, [battery.id, plastics.id]);
	await createPerson(db, sourceNetwork, {
		organisationId: hasetal.id,
		firstName: 'Jürgen',
		lastName: 'Möller',
		email: 'j.moeller@hasetal-praezision.de',
		phone: '0541 99',
		jobTitle: 'Geschäftsführer',
		contactFunction: 'management',
		directoryConsentAt: new Date()
	});
	await createOrganisation(db, sourceNetwork, {
		name: 'Teuto Elektronik GmbH',
		city: 'Ibbenbüren',
		district: 'Kreis Steinfurt',
		kind: 'research',
		status: 'partner',
		email: 'geheim@teuto.de',
		visibility: {
			description: 'public',
			contact: 'office',
			address: 'members',
			competencies: 'public',
			facts: 'public'
		},
		street: 'Gewerbepark 7'
	});
	await createOrganisation(db, sourceNetwork, { name: 'Ehemalig AG', status: 'former' });
	await refreshSearchDocuments(sourceNetwork, undefined, db);
});

afterAll(async () => {
	await closeDatabase();
	await target?.close();
	await source?.drop();
	await target?.drop();
});

async function csvOf(networkId: string, audience: Audience, query = emptyDirectoryQuery()) {
	const bytes = await exportOrganisations({
		networkId,
		audience,
		query,
		locale: 'de',
		format: 'csv',
		sheetName: 'x'
	});
	const { text, encoding } = decodeText(bytes);
	return { bytes, text, encoding, table: parseCsv(text, ';') };
}

describe('export of the search result', () => {
	it('is UTF-8 with BOM, semicolons, CRLF and German numbers', async () => {
		const { bytes, text, encoding, table } = await csvOf(
			sourceNetwork,
			'office',
			parseDirectoryQuery(new URLSearchParams('q=Hasetal'))
		);
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(encoding).toBe('utf-8');
		expect(text.split('\r\n')[0]).toMatch(/^Name;Rechtsform;Art;Status;/);
		expect(table).toHaveLength(2);
		const row = Object.fromEntries(table[0]!.map((header, i) => [header, table[1]![i]]));
		expect(row).toMatchObject({
			Mitarbeiter: '1.250',
			Gründungsjahr: '1898',
			Breitengrad: '52,20316789012345',
			Längengrad: '-8,05',
			Beschreibung: "'=Zerspanung\nund Montage",
			Telefon: "'+49 5401 1234",
			Kompetenzen: 'Batterie; Kunststoff, Gummi',
			Antriebsarten: 'Batterieelektrisch; Hybrid',
			Wertschöpfungsstufe: 'Tier 1',
			'Ansprechpartner Bereich': 'Geschäftsführung'
		});
	});

	it('contains only what the audience may see', async () => {
		const visitor = await csvOf(sourceNetwork, 'public');
		expect(visitor.table[0]).not.toContain('Mitarbeiter');
		expect(visitor.table[0]).not.toContain('Ansprechpartner E-Mail');
		expect(visitor.text).not.toContain('info@hasetal-praezision.de'); // contact group: members
		expect(visitor.text).not.toContain('Jürgen');
		expect(visitor.text).not.toContain('1898'); // facts: members
		expect(visitor.text).not.toContain('Gewerbepark'); // address: members
		expect(visitor.text).not.toContain('Ehemalig AG'); // former members are not listed
		expect(visitor.text).toContain('Teuto Elektronik GmbH');

		const member = await csvOf(sourceNetwork, 'members');
		expect(member.text).toContain('info@hasetal-praezision.de');
		expect(member.text).toContain('Jürgen');
		expect(member.text).toContain('Gewerbepark');
		expect(member.text).not.toContain('geheim@teuto.de'); // contact group: office
		expect(member.table[0]).not.toContain('Mitarbeiter');

		const office = await csvOf(sourceNetwork, 'office');
		expect(office.text).toContain('geheim@teuto.de');
		expect(office.text).toContain('Ehemalig AG');
	});

	it('writes the same table as XLSX, numbers as numbers', async () => {
		const csv = await csvOf(sourceNetwork, 'office');
		const xlsx = await exportOrganisations({
			networkId: sourceNetwork,
			audience: 'office',
			query: emptyDirectoryQuery(),
			locale: 'de',
			format: 'xlsx',
			sheetName: 'Organisationen'
		});
		const sheet = await readSpreadsheet(xlsx);
		expect(sheet.headers).toEqual(csv.table[0]);
		const hasetal = sheet.rows.find((r) => r[0] === 'Hasetal Präzisionsteile GmbH')!;
		expect(hasetal[sheet.headers.indexOf('Mitarbeiter')]).toBe('1250');
		expect(hasetal[sheet.headers.indexOf('Beschreibung')]).toBe('=Zerspanung\nund Montage');
	});
});

describe('export → import into a fresh database', () => {
	it('round-trips without loss', async () => {
		const exported = await csvOf(sourceNetwork, 'office');
		const xlsx = await exportOrganisations({
			networkId: sourceNetwork,
			audience: 'office',
			query: emptyDirectoryQuery(),
			locale: 'en',
			format: 'xlsx',
			sheetName: 'Organisations'
		});

		useDatabaseForTests(target);
		for (const [file, bytes] of [
			['organisationen.csv', exported.bytes],
			['organisations.xlsx', xlsx]
		] as const) {
			const networkId = (await createNetwork(target.db)).id;
			await seedTaxonomy(target, networkId);
			const created = await createImportRun({ networkId, actor: { userId: null }, fileName: file, bytes });
			if (!created.ok) throw new Error(created.reason);
			const { run, analysis } = (await loadImportAnalysis(networkId, created.runId))!;
			expect(Object.values(analysis!.mapping).filter((f) => f === null)).toEqual([]);
			expect(analysis!.counts).toMatchObject({ new: 3, error: 0 });
			const started = await startImport({
				networkId,
				runId: run.id,
				actor: { userId: null, email: null },
				rowsTotal: 3
			});
			expect(started.started && (await started.finished)).toMatchObject({ created: 3, contactsCreated: 1 });
			// Consent is the person's own and never imported; given here, the contact must come back as it was.
			const imported = await target.db.select().from(people).where(eq(people.networkId, networkId));
			expect(imported.map((p) => p.directoryConsentAt)).toEqual([null]);
			await target.db.execute(
				sql`update people set directory_consent_at = now() where network_id = ${networkId}`
			);
			const again = await csvOf(networkId, 'office');
			expect(again.table).toEqual(exported.table);
		}
		useDatabaseForTests(source);
	});
});
