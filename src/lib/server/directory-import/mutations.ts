import { createHash } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { databaseHandle, db, type Transaction } from '../db/index.ts';
import {
	importRuns,
	organisationCompetencies,
	organisations,
	people,
	storedFiles
} from '../db/schema/index.ts';
import { recordAudit, type AuditContext } from '../audit/mutations.ts';
import { refreshSearchDocuments } from '../directory/mutations.ts';
import type { Actor } from '../policy/actor.ts';
import { analyseFile, freeSlug } from './analyse.ts';
import type { AnalysedRow, ChangedField } from './classify.ts';
import { suggestMapping, type ColumnMapping } from './fields.ts';
import { loadImportContext, loadImportFile, loadSlugs } from './queries.ts';
import { readSpreadsheet, UnreadableSpreadsheetError } from './table.ts';

export { MAX_IMPORT_BYTES } from './limits.ts';
import { MAX_IMPORT_BYTES } from './limits.ts';
const BATCH = 500;

export type CreateRunResult =
	{ ok: true; runId: string } | { ok: false; reason: 'empty' | 'too_large' | 'unreadable' };

/** Stores an upload and its suggested mapping as a new run ('analysed'); nothing else changes. */
export async function createImportRun(input: {
	networkId: string;
	actor: Pick<Actor, 'userId'>;
	fileName: string;
	bytes: Uint8Array;
}): Promise<CreateRunResult> {
	if (input.bytes.length > MAX_IMPORT_BYTES) return { ok: false, reason: 'too_large' };
	let spreadsheet;
	try {
		spreadsheet = await readSpreadsheet(input.bytes);
	} catch (error) {
		if (error instanceof UnreadableSpreadsheetError) return { ok: false, reason: 'unreadable' };
		throw error;
	}
	if (spreadsheet.headers.length === 0 || spreadsheet.rows.length === 0)
		return { ok: false, reason: 'empty' };
	const runId = await (
		await db()
	).transaction(async (tx) => {
		const [file] = await tx
			.insert(storedFiles)
			.values({
				networkId: input.networkId,
				purpose: 'import',
				contentType:
					spreadsheet.format === 'xlsx'
						? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
						: 'text/csv',
				byteSize: input.bytes.length,
				sha256: createHash('sha256').update(input.bytes).digest('hex'),
				content: input.bytes,
				createdBy: input.actor.userId
			})
			.returning({ id: storedFiles.id });
		const [run] = await tx
			.insert(importRuns)
			.values({
				networkId: input.networkId,
				createdBy: input.actor.userId,
				fileName: input.fileName.slice(0, 200) || 'import',
				fileId: file!.id,
				rowsTotal: spreadsheet.rows.length,
				mapping: suggestMapping(spreadsheet.headers)
			})
			.returning({ id: importRuns.id });
		return run!.id;
	});
	return { ok: true, runId };
}

/** A run waits for confirmation when analysed, or failed (nothing was written): it may start again. */
const confirmable = inArray(importRuns.status, ['analysed', 'failed']);

/** The office's confirmed mapping; only while the run waits for confirmation. */
export async function saveImportMapping(networkId: string, runId: string, mapping: ColumnMapping) {
	const rows = await (
		await db()
	)
		.update(importRuns)
		.set({ mapping })
		.where(and(eq(importRuns.networkId, networkId), eq(importRuns.id, runId), confirmable))
		.returning({ id: importRuns.id });
	return rows.length > 0;
}

export async function discardImportRun(networkId: string, runId: string) {
	const rows = await (
		await db()
	)
		.update(importRuns)
		.set({ status: 'discarded', finishedAt: new Date() })
		.where(and(eq(importRuns.networkId, networkId), eq(importRuns.id, runId), confirmable))
		.returning({ id: importRuns.id });
	return rows.length > 0;
}

/** 'analysed' (or 'failed') → 'importing', once: a second confirm (double click, second tab) gets false. */
export async function beginImportRun(networkId: string, runId: string) {
	const rows = await (
		await db()
	)
		.update(importRuns)
		.set({ status: 'importing', rowsDone: 0, error: null })
		.where(and(eq(importRuns.networkId, networkId), eq(importRuns.id, runId), confirmable))
		.returning({
			id: importRuns.id,
			fileId: importRuns.fileId,
			mapping: importRuns.mapping,
			fileName: importRuns.fileName
		});
	return rows[0] ?? null;
}

/**
 * Progress outside the import's transaction. On PostgreSQL another connection writes it, so other
 * server processes see it. PGlite has one connection, which the transaction holds: a write here
 * would wait for the transaction that waits for it. There the in-process counter is all there is.
 */
export async function recordImportProgress(networkId: string, runId: string, rowsDone: number) {
	const handle = await databaseHandle();
	if (handle.driver === 'pglite') return;
	await handle.db
		.update(importRuns)
		.set({ rowsDone })
		.where(
			and(eq(importRuns.networkId, networkId), eq(importRuns.id, runId), eq(importRuns.status, 'importing'))
		);
}

export async function failImportRun(networkId: string, runId: string, message: string) {
	await (
		await db()
	)
		.update(importRuns)
		.set({ status: 'failed', error: message.slice(0, 500), finishedAt: new Date() })
		.where(and(eq(importRuns.networkId, networkId), eq(importRuns.id, runId)));
}

export type ImportSummary = {
	created: number;
	updated: number;
	unchanged: number;
	duplicates: number;
	errors: number;
	contactsCreated: number;
	contactsUpdated: number;
};

type ApplyInput = {
	networkId: string;
	runId: string;
	actor: Pick<Actor, 'userId' | 'email'>;
	context?: AuditContext;
	onProgress?: (done: number, total: number) => void | Promise<void>;
};

/**
 * Imports every valid row of a run, or nothing: re-reads the stored file, re-classifies it against
 * the state inside the transaction, writes in batches, refreshes the search documents, audits once
 * and marks the run done, all in one transaction.
 */
export async function applyImportRun(input: ApplyInput): Promise<ImportSummary> {
	const { networkId, runId } = input;
	return (await db()).transaction(async (tx) => {
		const [run] = await tx
			.select()
			.from(importRuns)
			.where(
				and(eq(importRuns.networkId, networkId), eq(importRuns.id, runId), eq(importRuns.status, 'importing'))
			);
		if (!run?.fileId) throw new Error('import run not ready');
		const bytes = await loadImportFile(networkId, run.fileId, tx);
		if (!bytes) throw new Error('import file missing');
		const analysis = await analyseFile(bytes, run.mapping, await loadImportContext(networkId, tx));
		const total = analysis.rows.length;
		let done = analysis.counts.error + analysis.counts.duplicate + analysis.counts.unchanged;
		const progress = async (rows: number) => {
			done += rows;
			await input.onProgress?.(done, total);
		};
		const creates = analysis.rows.filter((r) => r.outcome === 'new');
		const updates = analysis.rows.filter((r) => r.outcome === 'update');
		const touched: string[] = [];

		const slugs = await loadSlugs(networkId, tx);
		for (let i = 0; i < creates.length; i += BATCH) {
			const batch = creates.slice(i, i + BATCH);
			const ids = await tx
				.insert(organisations)
				.values(
					batch.map((row) => ({
						...columnsOf(row),
						networkId,
						name: row.values.name!,
						slug: freeSlug(row.values.name!, slugs),
						kind: row.values.kind ?? 'member_company',
						status: row.values.status ?? 'member'
					}))
				)
				.returning({ id: organisations.id });
			batch.forEach((row, index) => (row.organisationId = ids[index]!.id));
			touched.push(...ids.map((r) => r.id));
			await progress(batch.length);
		}
		for (let i = 0; i < updates.length; i += BATCH) {
			const batch = updates.slice(i, i + BATCH);
			for (const row of batch) {
				const set = columnsOf(row, row.changes);
				if (Object.keys(set).length > 0)
					await tx
						.update(organisations)
						.set({ ...set, updatedAt: new Date() })
						.where(and(eq(organisations.networkId, networkId), eq(organisations.id, row.organisationId!)));
			}
			touched.push(...batch.filter((r) => r.changes.length > 0).map((r) => r.organisationId!));
			await progress(batch.length);
		}
		await writeCompetencies(tx, networkId, [
			...creates,
			...updates.filter((r) => r.changes.includes('competencies'))
		]);
		const contacts = await writeContacts(tx, networkId, [...creates, ...updates]);
		for (let i = 0; i < touched.length; i += 2000)
			await refreshSearchDocuments(networkId, touched.slice(i, i + 2000), tx);

		const summary: ImportSummary = {
			created: creates.length,
			updated: updates.length,
			unchanged: analysis.counts.unchanged,
			duplicates: analysis.counts.duplicate,
			errors: analysis.counts.error,
			...contacts
		};
		await recordAudit(
			{
				networkId,
				actor: input.actor,
				action: 'directory.import',
				targetType: 'import_run',
				targetId: runId,
				details: { fileName: run.fileName, ...summary },
				context: input.context
			},
			tx
		);
		await tx
			.update(importRuns)
			.set({ status: 'done', rowsDone: total, rowsTotal: total, summary, finishedAt: new Date() })
			.where(and(eq(importRuns.networkId, networkId), eq(importRuns.id, runId)));
		return summary;
	});
}

const columnNames: Record<ChangedField, keyof typeof organisations.$inferInsert | null> = {
	name: 'name',
	legalForm: 'legalForm',
	kind: 'kind',
	status: 'status',
	shortDescriptionDe: 'shortDescriptionDe',
	shortDescriptionEn: 'shortDescriptionEn',
	longDescriptionDe: 'longDescriptionDe',
	longDescriptionEn: 'longDescriptionEn',
	website: 'website',
	email: 'email',
	phone: 'phone',
	street: 'street',
	postalCode: 'postalCode',
	city: 'city',
	district: 'district',
	latitude: 'latitude',
	longitude: 'longitude',
	employees: 'employees',
	foundedYear: 'foundedYear',
	memberSince: 'memberSince',
	valueChain: 'valueChain',
	drivetrains: 'drivetrains',
	products: 'products',
	certifications: 'certifications',
	keywords: 'keywords',
	competencies: null
};

/** The row's values for the given fields (default: all it sets), as organisation columns. */
function columnsOf(row: AnalysedRow, fields?: ChangedField[]): Partial<typeof organisations.$inferInsert> {
	const set: Record<string, unknown> = {};
	for (const [field, column] of Object.entries(columnNames) as [ChangedField, string | null][]) {
		if (!column || (fields && !fields.includes(field))) continue;
		const value = (row.values as Record<string, unknown>)[field];
		if (value !== undefined) set[column] = value;
	}
	return set as Partial<typeof organisations.$inferInsert>;
}

/** A competence cell replaces the organisation's competencies with the ones it names. */
async function writeCompetencies(tx: Transaction, networkId: string, rows: AnalysedRow[]) {
	const withCompetencies = rows.filter((r) => r.competenceIds !== undefined);
	const replaced = withCompetencies.map((r) => r.organisationId!);
	for (let i = 0; i < replaced.length; i += 2000)
		await tx
			.delete(organisationCompetencies)
			.where(
				and(
					eq(organisationCompetencies.networkId, networkId),
					inArray(organisationCompetencies.organisationId, replaced.slice(i, i + 2000))
				)
			);
	const links = withCompetencies.flatMap((r) =>
		r.competenceIds!.map((competenceId) => ({ networkId, organisationId: r.organisationId!, competenceId }))
	);
	for (let i = 0; i < links.length; i += 5000)
		await tx
			.insert(organisationCompetencies)
			.values(links.slice(i, i + 5000))
			.onConflictDoNothing();
}

/** Contacts are created or updated, never given directory consent: that is the person's own choice. */
async function writeContacts(tx: Transaction, networkId: string, rows: AnalysedRow[]) {
	const inserts = rows
		.filter((r) => r.contact && r.contactChange === 'new')
		.map((r) => ({
			networkId,
			organisationId: r.organisationId!,
			firstName: r.contact!.firstName ?? '',
			lastName: r.contact!.lastName ?? '',
			email: r.contact!.email ?? null,
			phone: r.contact!.phone ?? null,
			jobTitle: r.contact!.jobTitle ?? null,
			contactFunction: r.contact!.function ?? null
		}));
	for (let i = 0; i < inserts.length; i += BATCH) await tx.insert(people).values(inserts.slice(i, i + BATCH));
	const updates = rows.filter((r) => r.contact && r.contactChange === 'update' && r.contactId);
	for (const row of updates) {
		const c = row.contact!;
		await tx
			.update(people)
			.set({
				...(c.firstName !== undefined && { firstName: c.firstName }),
				...(c.lastName !== undefined && { lastName: c.lastName }),
				...(c.email !== undefined && { email: c.email }),
				...(c.phone !== undefined && { phone: c.phone }),
				...(c.jobTitle !== undefined && { jobTitle: c.jobTitle }),
				...(c.function !== undefined && { contactFunction: c.function }),
				updatedAt: sql`now()`
			})
			.where(and(eq(people.networkId, networkId), eq(people.id, row.contactId!)));
	}
	return { contactsCreated: inserts.length, contactsUpdated: updates.length };
}
