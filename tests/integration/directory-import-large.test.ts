import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { useFreshDatabase } from '../helpers/database.ts';
import { createCompetence, createNetwork } from '../../src/lib/server/testing/factories.ts';
import { importRuns, organisations, people } from '../../src/lib/server/db/schema/index.ts';
import { serialiseCsv } from '../../src/lib/server/directory-import/csv.ts';
import { createImportRun } from '../../src/lib/server/directory-import/mutations.ts';
import { findImportRun } from '../../src/lib/server/directory-import/queries.ts';
import { importProgress, startImport } from '../../src/lib/server/directory-import/run.ts';
import type { Database } from '../../src/lib/server/db/index.ts';

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let db: Database;
let networkId: string;
const ROWS = 10_000;

beforeAll(async () => {
	database = await useFreshDatabase();
	db = database.db;
	networkId = (await createNetwork(db)).id;
	const root = await createCompetence(db, networkId, { slug: 'tech', nameDe: 'Technologien' });
	await createCompetence(db, networkId, { slug: 'battery', nameDe: 'Batterie', parent: root });
	await createCompetence(db, networkId, { slug: 'machining', nameDe: 'Zerspanung', parent: root });
});

afterAll(async () => {
	await database?.close();
});

function largeFile() {
	const districts = ['Stadt Osnabrück', 'Landkreis Osnabrück', 'Kreis Steinfurt'];
	const rows = [
		[
			'Firma',
			'Straße',
			'PLZ',
			'Ort',
			'Kreis',
			'Mitarbeiter',
			'Mitglied seit',
			'Webseite',
			'Kompetenzen',
			'Beschreibung',
			'Vorname',
			'Nachname',
			'Ansprechpartner E-Mail'
		]
	];
	for (let i = 1; i <= ROWS; i++)
		rows.push([
			`Zulieferer ${i} GmbH & Co. KG`,
			`Industriestraße ${i}`,
			String(49000 + (i % 1000)),
			i % 2 ? 'Osnabrück' : 'Melle',
			districts[i % 3]!,
			(i * 7).toLocaleString('de-DE'),
			`01.0${1 + (i % 9)}.20${10 + (i % 15)}`,
			`www.zulieferer-${i}.de`,
			i % 2 ? 'Batterie; Zerspanung' : 'Zerspanung, Sondermaschinen',
			'Fertigung von Präzisionsteilen für Fahrwerk und Antrieb; Serien- und Kleinserien.',
			'Erika',
			`Muster ${i}`,
			`erika.muster@zulieferer-${i}.de`
		]);
	return new TextEncoder().encode(serialiseCsv(rows, ';'));
}

describe(`a ${ROWS.toLocaleString('en')}-row file`, () => {
	it(
		'imports in one transaction with progress, without deadlocking the single PGlite connection',
		{ timeout: 120_000 },
		async () => {
			const created = await createImportRun({
				networkId,
				actor: { userId: null },
				fileName: 'gross.csv',
				bytes: largeFile()
			});
			if (!created.ok) throw new Error(created.reason);
			const started = performance.now();
			const run = await startImport({
				networkId,
				runId: created.runId,
				actor: { userId: null, email: null },
				rowsTotal: ROWS
			});
			if (!run.started) throw new Error('not started');
			const seen: number[] = [];
			// Sample the in-process progress while the import runs (it only grows).
			const sampler = setInterval(() => {
				const progress = importProgress(created.runId);
				if (progress) seen.push(progress.done);
			}, 50);
			const summary = await run.finished;
			clearInterval(sampler);
			const seconds = (performance.now() - started) / 1000;
			console.info(
				`[import] ${ROWS} rows on ${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}: ${seconds.toFixed(1)} s`
			);

			expect(summary).toMatchObject({ created: ROWS, errors: 0, contactsCreated: ROWS });
			expect(seen).toEqual([...seen].sort((a, b) => a - b));
			expect(
				(
					await db.select({ n: count() }).from(organisations).where(eq(organisations.networkId, networkId))
				)[0]!.n
			).toBe(ROWS);
			expect(
				(await db.select({ n: count() }).from(people).where(eq(people.networkId, networkId)))[0]!.n
			).toBe(ROWS);
			expect(await findImportRun(networkId, created.runId)).toMatchObject({ status: 'done', rowsDone: ROWS });
			const [sample] = await db
				.select()
				.from(organisations)
				.where(eq(organisations.name, 'Zulieferer 1234 GmbH & Co. KG'));
			expect(sample).toMatchObject({ employees: 8638, memberSince: 2014, keywords: ['Sondermaschinen'] });
			expect(importProgress(created.runId)).toBeNull();
		}
	);

	it('re-imports the same file as unchanged rows without writing', async () => {
		const created = await createImportRun({
			networkId,
			actor: { userId: null },
			fileName: 'gross.csv',
			bytes: largeFile()
		});
		if (!created.ok) throw new Error(created.reason);
		const run = await startImport({
			networkId,
			runId: created.runId,
			actor: { userId: null, email: null },
			rowsTotal: ROWS
		});
		const summary = run.started ? await run.finished : null;
		expect(summary).toMatchObject({ created: 0, updated: 0, unchanged: ROWS, contactsCreated: 0 });
		const [row] = await db.select().from(importRuns).where(eq(importRuns.id, created.runId));
		expect(row!.status).toBe('done');
	});
});
