import { and, asc, desc, eq } from 'drizzle-orm';
import { db, type DatabaseOrTransaction } from '../db/index.ts';
import {
	competencies,
	importRuns,
	networks,
	organisationCompetencies,
	organisations,
	people,
	storedFiles
} from '../db/schema/index.ts';
import { analyseFile } from './analyse.ts';
import type { ImportContext, StoredContact, StoredOrganisation } from './classify.ts';

/**
 * Everything the dry run compares against: the network's organisations with their own
 * competencies and contacts, the taxonomy and the configured districts. Read inside the import's
 * transaction too, so the confirm step decides on the state it writes to.
 */
export async function loadImportContext(
	networkId: string,
	tx?: DatabaseOrTransaction
): Promise<ImportContext> {
	const database = tx ?? (await db());
	const [network] = await database
		.select({ settings: networks.settings })
		.from(networks)
		.where(eq(networks.id, networkId));
	const rows = await database
		.select({
			id: organisations.id,
			slug: organisations.slug,
			name: organisations.name,
			legalForm: organisations.legalForm,
			kind: organisations.kind,
			status: organisations.status,
			shortDescriptionDe: organisations.shortDescriptionDe,
			shortDescriptionEn: organisations.shortDescriptionEn,
			longDescriptionDe: organisations.longDescriptionDe,
			longDescriptionEn: organisations.longDescriptionEn,
			website: organisations.website,
			email: organisations.email,
			phone: organisations.phone,
			street: organisations.street,
			postalCode: organisations.postalCode,
			city: organisations.city,
			district: organisations.district,
			latitude: organisations.latitude,
			longitude: organisations.longitude,
			employees: organisations.employees,
			foundedYear: organisations.foundedYear,
			memberSince: organisations.memberSince,
			valueChain: organisations.valueChain,
			drivetrains: organisations.drivetrains,
			products: organisations.products,
			certifications: organisations.certifications,
			keywords: organisations.keywords
		})
		.from(organisations)
		.where(eq(organisations.networkId, networkId))
		.orderBy(asc(organisations.createdAt), asc(organisations.id));
	const [links, contacts, taxonomy] = await Promise.all([
		database
			.select({
				organisationId: organisationCompetencies.organisationId,
				id: organisationCompetencies.competenceId
			})
			.from(organisationCompetencies)
			.where(eq(organisationCompetencies.networkId, networkId)),
		database
			.select({
				id: people.id,
				organisationId: people.organisationId,
				firstName: people.firstName,
				lastName: people.lastName,
				email: people.email,
				phone: people.phone,
				jobTitle: people.jobTitle,
				contactFunction: people.contactFunction
			})
			.from(people)
			.where(eq(people.networkId, networkId))
			.orderBy(asc(people.createdAt), asc(people.id)),
		database
			.select({
				id: competencies.id,
				path: competencies.path,
				nameDe: competencies.nameDe,
				nameEn: competencies.nameEn
			})
			.from(competencies)
			.where(eq(competencies.networkId, networkId))
	]);
	const byId = new Map<string, StoredOrganisation>();
	for (const row of rows) byId.set(row.id, { ...row, competenceIds: [], contacts: [] });
	for (const link of links) byId.get(link.organisationId)?.competenceIds.push(link.id);
	for (const { organisationId, ...contact } of contacts)
		if (organisationId) byId.get(organisationId)?.contacts.push(contact satisfies StoredContact);
	return { districts: network?.settings.districts ?? [], organisations: [...byId.values()], taxonomy };
}

export async function findImportRun(networkId: string, runId: string) {
	const [row] = await (
		await db()
	)
		.select()
		.from(importRuns)
		.where(and(eq(importRuns.networkId, networkId), eq(importRuns.id, runId)));
	return row ?? null;
}

export async function listImportRuns(networkId: string, limit = 20) {
	return (await db())
		.select({
			id: importRuns.id,
			fileName: importRuns.fileName,
			status: importRuns.status,
			rowsTotal: importRuns.rowsTotal,
			createdAt: importRuns.createdAt,
			finishedAt: importRuns.finishedAt
		})
		.from(importRuns)
		.where(eq(importRuns.networkId, networkId))
		.orderBy(desc(importRuns.createdAt))
		.limit(limit);
}

/** The uploaded bytes of a run (purpose 'import' only: never a logo through this door). */
export async function loadImportFile(networkId: string, fileId: string, tx?: DatabaseOrTransaction) {
	const database = tx ?? (await db());
	const [row] = await database
		.select({ content: storedFiles.content })
		.from(storedFiles)
		.where(
			and(eq(storedFiles.networkId, networkId), eq(storedFiles.id, fileId), eq(storedFiles.purpose, 'import'))
		);
	return row ? new Uint8Array(row.content) : null;
}

/** The slugs in use, to give new organisations free ones. */
export async function loadSlugs(networkId: string, tx: DatabaseOrTransaction) {
	const rows = await tx
		.select({ slug: organisations.slug })
		.from(organisations)
		.where(eq(organisations.networkId, networkId));
	return new Set(rows.map((r) => r.slug));
}

/** A run with its dry run, recomputed from the stored file: it survives reloads and restarts. */
export async function loadImportAnalysis(networkId: string, runId: string) {
	const run = await findImportRun(networkId, runId);
	if (!run) return null;
	const bytes = run.fileId ? await loadImportFile(networkId, run.fileId) : null;
	if (!bytes) return { run, analysis: null };
	const analysis = await analyseFile(bytes, run.mapping, await loadImportContext(networkId));
	return { run, analysis };
}
