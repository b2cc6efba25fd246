import { sql, type SQL } from 'drizzle-orm';
import {
	cooperationMatches,
	cooperationMatchNotifications as notifications,
	cooperationMatchPreferences,
	cooperationProfiles,
	networkRoleAssignments,
	organisationMemberships,
	people
} from '../../db/schema/index.ts';
import {
	DEFAULT_MATCH_NOTIFICATION_MODE,
	type MatchNotificationMode
} from '../../../cooperation/vocabulary.ts';

/**
 * The conditions a notification must still meet when its mail goes out (at once or in the digest),
 * checked in the claiming update itself: the person's *current* preference, that they still belong
 * to the matched organisation as a member or partner of the network, that the profile is still
 * live, and that the match still stands (a renewal may have dropped it).
 */

/** The person's current preference; no row is the default (the weekly digest). */
export const currentMode = sql<MatchNotificationMode>`coalesce((select ${cooperationMatchPreferences.mode}
	from ${cooperationMatchPreferences}
	where ${cooperationMatchPreferences.networkId} = ${notifications.networkId}
	and ${cooperationMatchPreferences.userId} = ${notifications.userId}), ${DEFAULT_MATCH_NOTIFICATION_MODE})`;

const stillBelongs = sql`(exists (select 1 from ${organisationMemberships}
		where ${organisationMemberships.networkId} = ${notifications.networkId}
		and ${organisationMemberships.organisationId} = ${notifications.organisationId}
		and ${organisationMemberships.userId} = ${notifications.userId})
	or exists (select 1 from ${people}
		where ${people.networkId} = ${notifications.networkId}
		and ${people.organisationId} = ${notifications.organisationId}
		and ${people.userId} = ${notifications.userId}))
	and exists (select 1 from ${networkRoleAssignments}
		where ${networkRoleAssignments.networkId} = ${notifications.networkId}
		and ${networkRoleAssignments.userId} = ${notifications.userId}
		and ${networkRoleAssignments.role} in ('member', 'partner'))`;

const profileLive = (now: Date) => sql`exists (select 1 from ${cooperationProfiles}
	where ${cooperationProfiles.id} = ${notifications.profileId}
	and ${cooperationProfiles.networkId} = ${notifications.networkId}
	and ${cooperationProfiles.status} = 'published'
	and (${cooperationProfiles.expiresAt} is null or ${cooperationProfiles.expiresAt} > ${now}))`;

const matchStands = sql`exists (select 1 from ${cooperationMatches}
	where ${cooperationMatches.profileId} = ${notifications.profileId}
	and ${cooperationMatches.organisationId} = ${notifications.organisationId}
	and ${cooperationMatches.networkId} = ${notifications.networkId})`;

/** Unmailed, and still owed to a person whose current preference is `mode`. */
export function owedMail(mode: Exclude<MatchNotificationMode, 'off'>, now: Date): SQL {
	return sql`${notifications.emailedAt} is null
		and ${currentMode} = ${mode}
		and ${stillBelongs}
		and ${profileLive(now)}
		and ${matchStands}`;
}
