import { and, eq, sql } from 'drizzle-orm';
import { db } from '../../db/index.ts';
import { cooperationProfiles, cooperationProfileViews } from '../../db/schema/index.ts';
import type { Actor } from '../../policy/actor.ts';
import { isLive, type ProfileRow } from '../scope.ts';

/**
 * Counts one opening of a live profile for its owner's figures: a signed-in person outside the
 * owner organisation once (the primary key decides, so reloading or two tabs at once count one),
 * a visitor each time. The owner's own people, and openings of drafts or expired profiles (by the
 * office, say), are no interest from the network and count nothing.
 */
export async function recordProfileView(
	actor: Actor,
	profile: Pick<ProfileRow, 'id' | 'networkId' | 'organisationId' | 'status' | 'expiresAt'>
): Promise<'person' | 'visitor' | 'none'> {
	if (!isLive(profile)) return 'none';
	const database = await db();
	if (actor.userId) {
		if (actor.organisations.some((m) => m.organisationId === profile.organisationId)) return 'none';
		await database
			.insert(cooperationProfileViews)
			.values({ networkId: profile.networkId, profileId: profile.id, userId: actor.userId })
			.onConflictDoNothing();
		return 'person';
	}
	await database
		.update(cooperationProfiles)
		.set({ anonymousViews: sql`${cooperationProfiles.anonymousViews} + 1` })
		.where(and(eq(cooperationProfiles.networkId, profile.networkId), eq(cooperationProfiles.id, profile.id)));
	return 'visitor';
}
