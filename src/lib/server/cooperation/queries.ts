import { and, eq } from 'drizzle-orm';
import { db, type DatabaseOrTransaction } from '../db/index.ts';
import { cooperationInterests, cooperationProfiles } from '../db/schema/index.ts';
import { isUuid } from '../office/params.ts';
import type { ProfileRow } from './scope.ts';

export type LoadedProfile = { profile: ProfileRow; revealedTo: string[] };

/**
 * The profile with this id in this network, with the organisations the owner revealed itself to
 * (accepted expressions of interest); null when there is none, also for malformed ids.
 */
export async function findProfile(
	networkId: string,
	id: string,
	database?: DatabaseOrTransaction
): Promise<LoadedProfile | null> {
	if (!isUuid(id)) return null;
	const handle = database ?? (await db());
	const [profile] = await handle
		.select()
		.from(cooperationProfiles)
		.where(and(eq(cooperationProfiles.networkId, networkId), eq(cooperationProfiles.id, id)))
		.limit(1);
	if (!profile) return null;
	const accepted = await handle
		.select({ organisationId: cooperationInterests.organisationId })
		.from(cooperationInterests)
		.where(
			and(
				eq(cooperationInterests.networkId, networkId),
				eq(cooperationInterests.profileId, id),
				eq(cooperationInterests.status, 'accepted')
			)
		);
	return { profile, revealedTo: accepted.map((row) => row.organisationId) };
}
