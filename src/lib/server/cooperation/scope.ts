import type { cooperationProfiles } from '../db/schema/index.ts';
import type { ProfileScope, Resource } from '../policy/policy.ts';

export type ProfileRow = typeof cooperationProfiles.$inferSelect;

/** Published, but past its expiry date (until renewed). */
export function isExpired(profile: Pick<ProfileRow, 'status' | 'expiresAt'>, now = new Date()): boolean {
	return (
		profile.status === 'published' && !!profile.expiresAt && profile.expiresAt.getTime() <= now.getTime()
	);
}

/** Published and not expired: listed, matched, open for expressions of interest. */
export function isLive(profile: Pick<ProfileRow, 'status' | 'expiresAt'>, now = new Date()): boolean {
	return profile.status === 'published' && !isExpired(profile, now);
}

export function profileScope(
	profile: Pick<ProfileRow, 'organisationId' | 'status' | 'visibility' | 'expiresAt'>,
	revealedTo: readonly string[] = []
): ProfileScope {
	return {
		organisationId: profile.organisationId,
		status: profile.status,
		visibility: profile.visibility,
		expired: isExpired(profile),
		revealedTo
	};
}

/**
 * The policy resource of a profile: `can(actor, 'cooperation.profile.view', profileResource(p))`.
 * `organisationId` is the organisation the actor acts for (an expression of interest's sender).
 */
export function profileResource(
	profile: Pick<ProfileRow, 'networkId' | 'organisationId' | 'status' | 'visibility' | 'expiresAt'>,
	revealedTo: readonly string[] = [],
	organisationId?: string
): Resource {
	return { networkId: profile.networkId, profile: profileScope(profile, revealedTo), organisationId };
}
