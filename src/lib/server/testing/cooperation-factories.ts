import type { Database } from '../db/index.ts';
import {
	cooperationInterests,
	cooperationProfileCompetencies,
	cooperationProfiles
} from '../db/schema/index.ts';
import { PROFILE_RUNTIME_DAYS } from '../../cooperation/vocabulary.ts';

const DAY_MS = 86_400_000;

/**
 * A cooperation profile; published and running for PROFILE_RUNTIME_DAYS unless overridden. Pass
 * `competenceIds` to name taxonomy competencies.
 */
export async function createProfile(
	db: Database,
	networkId: string,
	organisationId: string,
	overrides: Partial<typeof cooperationProfiles.$inferInsert> & { competenceIds?: string[] } = {}
) {
	const { competenceIds = [], ...values } = overrides;
	const status = values.status ?? 'published';
	const now = Date.now();
	const [row] = await db
		.insert(cooperationProfiles)
		.values({
			networkId,
			organisationId,
			type: 'technology_request',
			title: `Kooperationsprofil ${Math.random().toString(36).slice(2, 8)}`,
			summary: 'Wir suchen einen Partner.',
			status,
			...(status === 'published'
				? {
						submittedAt: new Date(now - DAY_MS),
						publishedAt: new Date(now),
						expiresAt: new Date(now + PROFILE_RUNTIME_DAYS * DAY_MS)
					}
				: {}),
			...values
		})
		.returning();
	if (competenceIds.length > 0)
		await db
			.insert(cooperationProfileCompetencies)
			.values(competenceIds.map((competenceId) => ({ networkId, profileId: row!.id, competenceId })));
	return row!;
}

/** An expression of interest of `organisationId` (sent by `userId`) in a profile; pending unless overridden. */
export async function createInterest(
	db: Database,
	networkId: string,
	profileId: string,
	organisationId: string,
	userId: string | null,
	overrides: Partial<typeof cooperationInterests.$inferInsert> = {}
) {
	const [row] = await db
		.insert(cooperationInterests)
		.values({
			networkId,
			profileId,
			organisationId,
			userId,
			message: 'Wir haben Interesse an einem Gespräch.',
			...overrides
		})
		.returning();
	return row!;
}
