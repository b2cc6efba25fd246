import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, sql } from 'drizzle-orm';
import { useFreshDatabase } from '../helpers/database.ts';
import {
	createCompetence,
	createNetwork,
	createOrganisation
} from '../../src/lib/server/testing/factories.ts';
import {
	auditLog,
	importRuns,
	organisationCompetencies,
	organisations,
	people
} from '../../src/lib/server/db/schema/index.ts';
import { createImportRun, saveImportMapping } from '../../src/lib/server/directory-import/mutations.ts';
import { loadImportAnalysis } from '../../src/lib/server/directory-import/queries.ts';
import { startImport } from '../../src/lib/server/directory-import/run.ts';
import { serialiseCsv } from '../../src/lib/server/directory-import/csv.ts';
import type { Database } from '../../src/lib/server/db/index.ts';

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let db: Database;
let networkId: string;
const actor = { userId: null, email: 'office@example.org' };
const fixture = new Uint8Array(readFileSync('tests/fixtures/import/mitglieder-excel-1252.csv'));

beforeAll(async () => {
	database = await useFreshDatabase();
	db = database.db;
	networkId = (await createNetwork(db)).id;
	const processes = await createCompetence(db, networkId, {
		slug: 'processes',
		nameDe: 'Verfahren',
		nameEn: 'Processes'
	});
	await createCompetence(db, networkId, {
		slug: 'machining',
		nameDe: 'Zerspanung',
		nameEn: 'Machining',
		parent: processes
	});
	await createCompetence(db, networkId, {
		slug: 'lightweight',
		nameDe: 'Leichtbau',
		nameEn: 'Lightweight design',
		parent: processes
	});
	await createCompetence(db, networkId, {
		slug: 'injection',
		nameDe: 'Spritzguss',
		nameEn: 'Injection moulding',
		parent: processes
	});
});

afterAll(async () => {
	await database?.close();
});

async function upload(bytes: Uint8Array, fileName = 'mitglieder.csv') {
	const created = await createImportRun({ networkId, actor, fileName, bytes });
	if (!created.ok) throw new Error(created.reason);
	return created.runId;
}

async function runImport(runId: string) {
	const analysed = await loadImportAnalysis(networkId, runId);
	const started = await startImport({ networkId, runId, actor, rowsTotal: analysed!.run.rowsTotal });
	if (!started.started) throw new Error('not started');
	return started.finished;
}

const countOf = async (table: typeof organisations | typeof people | typeof auditLog) =>
	(await db.select({ n: count() }).from(table))[0]!.n;

describe('a German Excel export (Windows-1252, semicolons, 1.250, 21.01.2016)', () => {
	let firstRun: string;

	it('is read and classified row by row in the dry run', async () => {
		firstRun = await upload(fixture);
		const result = await loadImportAnalysis(networkId, firstRun);
		const { analysis } = result!;
		expect(analysis!.spreadsheet).toMatchObject({ format: 'csv', encoding: 'windows-1252', delimiter: ';' });
		const byRow = Object.fromEntries(analysis!.rows.map((r) => [r.row, r]));
		expect(byRow[2]).toMatchObject({ outcome: 'new', name: 'Hasetal Präzisionsteile GmbH' });
		expect(byRow[2]!.freeKeywords).toEqual(['Qualitätssicherung mit KI']);
		expect(byRow[2]!.values).toMatchObject({
			street: 'Industriestraße 12\nHalle 3',
			employees: 1250,
			foundedYear: 1998,
			memberSince: 2016,
			website: 'https://www.hasetal-praezision.de',
			drivetrains: ['bev', 'hybrid'],
			valueChain: 'tier1'
		});
		expect(byRow[3]).toMatchObject({ outcome: 'new', name: 'Kunststofftechnik Bramsche KG' });
		expect(byRow[4]).toMatchObject({
			outcome: 'error',
			problems: [{ code: 'unknown_district', value: 'Emsland' }]
		});
		expect(byRow[5]!.outcome).toBe('error');
		expect(byRow[5]!.problems).toEqual([
			{ code: 'invalid_email', field: 'email', value: 'info@teuto-elektronik' },
			{ code: 'not_a_number', field: 'employees', value: 'ca. 80' }
		]);
		expect(byRow[6]).toMatchObject({ outcome: 'duplicate', duplicateOf: 2 });
		expect(byRow[7]).toMatchObject({ outcome: 'error', problems: [{ code: 'missing_name' }] });
		expect(analysis!.counts).toEqual({ new: 2, update: 0, duplicate: 1, unchanged: 0, error: 3 });
	});

	it('imports the valid rows with competencies, keywords and a contact without consent', async () => {
		const summary = await runImport(firstRun);
		expect(summary).toMatchObject({ created: 2, updated: 0, errors: 3, duplicates: 1, contactsCreated: 2 });
		const [hasetal] = await db
			.select()
			.from(organisations)
			.where(
				and(eq(organisations.networkId, networkId), eq(organisations.name, 'Hasetal Präzisionsteile GmbH'))
			);
		expect(hasetal).toMatchObject({
			slug: 'hasetal-praezisionsteile-gmbh',
			city: 'Georgsmarienhütte',
			district: 'Landkreis Osnabrück',
			postalCode: '49124',
			employees: 1250,
			memberSince: 2016,
			keywords: ['Qualitätssicherung mit KI'],
			status: 'member',
			kind: 'member_company'
		});
		expect(hasetal!.competenceIds).toHaveLength(3); // two leaves and their parent
		expect(hasetal!.searchTextPublic).toContain('zerspanung');
		const contacts = await db.select().from(people).where(eq(people.organisationId, hasetal!.id));
		expect(contacts).toEqual([
			expect.objectContaining({
				firstName: 'Jürgen',
				lastName: 'Möller',
				email: 'j.moeller@hasetal-praezision.de',
				jobTitle: 'Geschäftsführer',
				directoryConsentAt: null
			})
		]);
		const [run] = await db.select().from(importRuns).where(eq(importRuns.id, firstRun));
		expect(run).toMatchObject({ status: 'done', rowsDone: 6, rowsTotal: 6 });
		const audits = await db.select().from(auditLog).where(eq(auditLog.action, 'directory.import'));
		expect(audits).toHaveLength(1);
		expect(audits[0]!.details).toMatchObject({ created: 2, errors: 3, fileName: 'mitglieder.csv' });
	});

	it('changes nothing when the same file is imported again', async () => {
		const before = await db
			.select({ id: organisations.id, updatedAt: organisations.updatedAt })
			.from(organisations);
		const peopleBefore = await countOf(people);
		const again = await upload(fixture);
		const { analysis } = (await loadImportAnalysis(networkId, again))!;
		expect(analysis!.counts).toEqual({ new: 0, update: 0, duplicate: 1, unchanged: 2, error: 3 });
		const summary = await runImport(again);
		expect(summary).toMatchObject({
			created: 0,
			updated: 0,
			unchanged: 2,
			contactsCreated: 0,
			contactsUpdated: 0
		});
		expect(
			await db.select({ id: organisations.id, updatedAt: organisations.updatedAt }).from(organisations)
		).toEqual(before);
		expect(await countOf(people)).toBe(peopleBefore);
		// One audit entry per run, nothing per row.
		expect(await db.select().from(auditLog).where(eq(auditLog.action, 'directory.import'))).toHaveLength(2);
	});

	it('updates an organisation matched by website and a contact matched by e-mail', async () => {
		const file = serialiseCsv(
			[
				[
					'Unternehmen',
					'Internet',
					'Beschäftigte',
					'Kompetenzen',
					'Ansprechpartner E-Mail',
					'Ansprechpartner Telefon',
					'Ansprechpartner Nachname'
				],
				[
					'Hasetal Präzision (neu)',
					'https://hasetal-praezision.de/',
					'1.300',
					'Machining; spritzguss',
					'J.Moeller@hasetal-praezision.de',
					'0541 123',
					'Möller'
				]
			],
			','
		);
		const runId = await upload(new TextEncoder().encode(file));
		const { analysis } = (await loadImportAnalysis(networkId, runId))!;
		expect(analysis!.rows[0]).toMatchObject({
			outcome: 'update',
			changes: ['name', 'website', 'employees', 'competencies'],
			contactChange: 'update'
		});
		await runImport(runId);
		const [row] = await db
			.select()
			.from(organisations)
			.where(eq(organisations.slug, 'hasetal-praezisionsteile-gmbh'));
		expect(row).toMatchObject({
			name: 'Hasetal Präzision (neu)',
			employees: 1300,
			keywords: ['Qualitätssicherung mit KI']
		});
		const links = await db
			.select()
			.from(organisationCompetencies)
			.where(eq(organisationCompetencies.organisationId, row!.id));
		expect(links).toHaveLength(2);
		const [contact] = await db.select().from(people).where(eq(people.organisationId, row!.id));
		expect(contact).toMatchObject({ phone: '0541 123', directoryConsentAt: null });
	});

	it('refuses a run that is not waiting for confirmation, and a mapping after the import', async () => {
		expect((await startImport({ networkId, runId: firstRun, actor, rowsTotal: 6 })).started).toBe(false);
		expect(await saveImportMapping(networkId, firstRun, { '0': 'name' })).toBe(false);
	});
});

describe('all or nothing', () => {
	it('leaves the database as it was when a late row fails', async () => {
		await createOrganisation(db, networkId, { name: 'Bestand AG' });
		const rows = [['Name', 'Ort', 'Mitarbeiter']];
		for (let i = 1; i <= 1200; i++) rows.push([`Zulieferer ${i} GmbH`, 'Melle', String(i)]);
		rows.push(['Bestand AG', 'Melle', '77']);
		rows.push(['Kaputt GmbH', 'Melle', '5']);
		const runId = await upload(new TextEncoder().encode(serialiseCsv(rows, ';')));
		const before = { organisations: await countOf(organisations), audit: await countOf(auditLog) };
		// A real constraint violation on the very last row, after 1,200 inserts and an update.
		await db.execute(
			sql`alter table organisations add constraint import_test_no_kaputt check (name <> 'Kaputt GmbH')`
		);
		try {
			expect(await runImport(runId)).toBeNull();
		} finally {
			await db.execute(sql`alter table organisations drop constraint import_test_no_kaputt`);
		}
		expect(await countOf(organisations)).toBe(before.organisations);
		expect(await countOf(auditLog)).toBe(before.audit);
		const [bestand] = await db.select().from(organisations).where(eq(organisations.name, 'Bestand AG'));
		expect(bestand!.employees).toBeNull();
		const [run] = await db.select().from(importRuns).where(eq(importRuns.id, runId));
		expect(run).toMatchObject({ status: 'failed' });
		expect(run!.error).toContain('import_test_no_kaputt');
	});
});
