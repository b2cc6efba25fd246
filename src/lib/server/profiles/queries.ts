import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import { db } from '../db/index.ts';
import { organisationCompetencies, organisations, people, storedFiles } from '../db/schema/index.ts';
import { normaliseVisibility } from '../directory/visibility.ts';

/** Everything the edit form shows of one organisation, unfiltered: only editors get here. */
export async function findEditableProfile(networkId: string, organisationId: string) {
	const database = await db();
	const [row] = await database
		.select()
		.from(organisations)
		.where(and(eq(organisations.networkId, networkId), eq(organisations.id, organisationId)));
	if (!row) return null;
	const assigned = await database
		.select({ id: organisationCompetencies.competenceId })
		.from(organisationCompetencies)
		.where(
			and(
				eq(organisationCompetencies.networkId, networkId),
				eq(organisationCompetencies.organisationId, organisationId)
			)
		);
	return {
		id: row.id,
		slug: row.slug,
		name: row.name,
		legalForm: row.legalForm,
		shortDescriptionDe: row.shortDescriptionDe,
		shortDescriptionEn: row.shortDescriptionEn,
		longDescriptionDe: row.longDescriptionDe,
		longDescriptionEn: row.longDescriptionEn,
		website: row.website,
		email: row.email,
		phone: row.phone,
		street: row.street,
		postalCode: row.postalCode,
		city: row.city,
		district: row.district,
		latitude: row.latitude,
		longitude: row.longitude,
		foundedYear: row.foundedYear,
		employees: row.employees,
		kind: row.kind,
		status: row.status,
		memberSince: row.memberSince,
		valueChain: row.valueChain,
		drivetrains: row.drivetrains,
		competencies: assigned.map((a) => a.id),
		keywords: row.keywords,
		products: row.products,
		certifications: row.certifications,
		visibility: normaliseVisibility(row.visibility),
		logoFileId: row.logoFileId,
		updatedAt: row.updatedAt
	};
}

export type EditableProfile = NonNullable<Awaited<ReturnType<typeof findEditableProfile>>>;

/**
 * A logo for delivery: only a file that is the current logo of an organisation of this network,
 * with that organisation's visibility, so the route can decide who may see it.
 */
export async function findCurrentLogo(networkId: string, fileId: string) {
	const [row] = await (
		await db()
	)
		.select({
			contentType: storedFiles.contentType,
			byteSize: storedFiles.byteSize,
			sha256: storedFiles.sha256,
			content: storedFiles.content,
			visibility: organisations.visibility,
			status: organisations.status
		})
		.from(storedFiles)
		.innerJoin(
			organisations,
			and(eq(organisations.logoFileId, storedFiles.id), eq(organisations.networkId, networkId))
		)
		.where(
			and(eq(storedFiles.networkId, networkId), eq(storedFiles.id, fileId), eq(storedFiles.purpose, 'logo'))
		);
	if (!row) return null;
	return { ...row, visibility: normaliseVisibility(row.visibility) };
}

/** The signed-in person's contact entry in this network: organisation and consent. */
export async function findOwnContactEntry(networkId: string, userId: string) {
	const [row] = await (
		await db()
	)
		.select({
			personId: people.id,
			organisationId: organisations.id,
			organisationName: organisations.name,
			contactFunction: people.contactFunction,
			directoryConsentAt: people.directoryConsentAt
		})
		.from(people)
		.innerJoin(
			organisations,
			and(eq(organisations.id, people.organisationId), eq(organisations.networkId, networkId))
		)
		.where(and(eq(people.networkId, networkId), eq(people.userId, userId), isNotNull(people.organisationId)));
	return row ?? null;
}

/** Contact function and consent of an organisation's people, for the team page. */
export async function listContactSettings(networkId: string, organisationId: string) {
	return (await db())
		.select({
			id: people.id,
			contactFunction: people.contactFunction,
			hasConsented: sql<boolean>`${people.directoryConsentAt} is not null`
		})
		.from(people)
		.where(and(eq(people.networkId, networkId), eq(people.organisationId, organisationId)))
		.orderBy(asc(people.lastName));
}
