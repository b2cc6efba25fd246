import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db, type DatabaseOrTransaction } from '../../db/index.ts';
import {
	cooperationMatches,
	cooperationMatchNotifications as notifications,
	cooperationMatchPreferences,
	cooperationProfiles,
	organisations,
	user
} from '../../db/schema/index.ts';
import { anonymousActor, type Actor } from '../../policy/actor.ts';
import {
	DEFAULT_MATCH_NOTIFICATION_MODE,
	matchingContactFunctions,
	type MatchNotificationMode
} from '../../../cooperation/vocabulary.ts';
import { profileOwner } from '../owner.ts';
import type { MailRecipient, MatchMailItem } from './mails.ts';
import { owedMail } from './conditions.ts';

/** The person's choice for match notifications in this network (no row: the weekly digest). */
export async function findMatchPreference(networkId: string, userId: string): Promise<MatchNotificationMode> {
	const database = await db();
	const [row] = await database
		.select({ mode: cooperationMatchPreferences.mode })
		.from(cooperationMatchPreferences)
		.where(
			and(
				eq(cooperationMatchPreferences.networkId, networkId),
				eq(cooperationMatchPreferences.userId, userId)
			)
		);
	return row?.mode ?? DEFAULT_MATCH_NOTIFICATION_MODE;
}

/** The people who are owed a weekly digest: unmailed notifications they still want weekly. */
export async function findDigestRecipients(database: DatabaseOrTransaction, now: Date) {
	return database
		.selectDistinct({ networkId: notifications.networkId, userId: notifications.userId })
		.from(notifications)
		.where(and(sql`${notifications.createdAt} < ${now}`, owedMail('weekly', now)));
}

export async function findMailRecipients(
	tx: DatabaseOrTransaction,
	userIds: string[]
): Promise<Map<string, MailRecipient>> {
	if (userIds.length === 0) return new Map();
	const rows = await tx
		.select({
			id: user.id,
			name: user.name,
			email: user.email,
			notificationEmail: user.notificationEmail,
			locale: user.locale
		})
		.from(user)
		.where(inArray(user.id, userIds));
	return new Map(rows.map(({ id, ...recipient }) => [id, recipient]));
}

/**
 * The recipient as the mail speaks to them: a member of the matched organisation. The owner is
 * shown as `profileOwner` answers for that reader, and nothing is revealed to them by an accepted
 * interest in a mail (revealedTo stays empty), so an anonymous profile stays anonymous in every mail.
 */
function readerOf(networkId: string, userId: string, organisationId: string): Actor {
	return {
		...anonymousActor(networkId),
		userId,
		networkRoles: ['member'],
		organisations: [{ organisationId, role: 'org_member' }]
	};
}

/** The claimed notifications of one person as mail items, newest profile first. */
export async function findMailItems(
	tx: DatabaseOrTransaction,
	networkId: string,
	userId: string,
	claimed: { profileId: string; organisationId: string }[]
): Promise<MatchMailItem[]> {
	if (claimed.length === 0) return [];
	const owner = alias(organisations, 'owner');
	const matched = alias(organisations, 'matched');
	const rows = await tx
		.select({
			profile: cooperationProfiles,
			owner: {
				id: owner.id,
				name: owner.name,
				slug: owner.slug,
				kind: owner.kind,
				sizeClass: owner.sizeClass,
				district: owner.district
			},
			matchedId: matched.id,
			matchedName: matched.name,
			reasons: cooperationMatches.reasons
		})
		.from(cooperationMatches)
		.innerJoin(
			cooperationProfiles,
			and(
				eq(cooperationProfiles.id, cooperationMatches.profileId),
				eq(cooperationProfiles.networkId, networkId)
			)
		)
		.innerJoin(owner, and(eq(owner.id, cooperationProfiles.organisationId), eq(owner.networkId, networkId)))
		.innerJoin(
			matched,
			and(eq(matched.id, cooperationMatches.organisationId), eq(matched.networkId, networkId))
		)
		.where(
			and(
				eq(cooperationMatches.networkId, networkId),
				inArray(
					cooperationMatches.profileId,
					claimed.map((entry) => entry.profileId)
				)
			)
		)
		.orderBy(desc(cooperationProfiles.publishedAt), desc(cooperationProfiles.createdAt));
	const wanted = new Set(claimed.map((entry) => `${entry.profileId}:${entry.organisationId}`));
	return rows
		.filter((row) => wanted.has(`${row.profile.id}:${row.matchedId}`))
		.map((row) => ({
			profileId: row.profile.id,
			type: row.profile.type,
			title: row.profile.title,
			summary: row.profile.summary,
			owner: profileOwner(readerOf(networkId, userId, row.matchedId), row.profile, [], row.owner),
			organisationName: row.matchedName,
			reasons: row.reasons
		}));
}

export type MatchAudienceEntry = { userId: string; organisationId: string; mode: MatchNotificationMode };

/**
 * Who should hear of the profile's recorded matches, with their current preference: the org
 * admins of each matched organisation and its people (with an account) whose contact function
 * matches the profile's type; only members and partners of the network, never anyone of the
 * owner's organisation. Once per person (a person of two matched organisations for the
 * better-ranked one).
 */
export async function findMatchAudience(
	tx: DatabaseOrTransaction,
	networkId: string,
	profileId: string
): Promise<MatchAudienceEntry[]> {
	const [profile] = await tx
		.select({ type: cooperationProfiles.type, organisationId: cooperationProfiles.organisationId })
		.from(cooperationProfiles)
		.where(and(eq(cooperationProfiles.id, profileId), eq(cooperationProfiles.networkId, networkId)));
	if (!profile) return [];
	const names = matchingContactFunctions[profile.type];
	const hasFunction = names.length
		? sql`p.contact_function in (${sql.join(
				names.map((name) => sql`${name}`),
				sql`, `
			)})`
		: sql`false`;
	const result = await tx.execute<{
		user_id: string;
		organisation_id: string;
		mode: MatchNotificationMode;
	}>(sql`
		with matched as (
			select organisation_id, rank from cooperation_matches
			where network_id = ${networkId} and profile_id = ${profileId}
			and organisation_id <> ${profile.organisationId}
		), candidates as (
			select m.organisation_id, m.rank, om.user_id from matched m
			join organisation_memberships om on om.organisation_id = m.organisation_id
				and om.network_id = ${networkId} and om.role = 'org_admin'
			union
			select m.organisation_id, m.rank, p.user_id from matched m
			join people p on p.organisation_id = m.organisation_id and p.network_id = ${networkId}
				and p.user_id is not null and ${hasFunction}
		)
		select distinct on (c.user_id) c.user_id, c.organisation_id,
			coalesce(pref.mode, ${DEFAULT_MATCH_NOTIFICATION_MODE}) as mode
		from candidates c
		left join cooperation_match_preferences pref
			on pref.network_id = ${networkId} and pref.user_id = c.user_id
		where exists (select 1 from network_role_assignments r
				where r.network_id = ${networkId} and r.user_id = c.user_id and r.role in ('member', 'partner'))
			and not exists (select 1 from organisation_memberships own
				where own.network_id = ${networkId} and own.organisation_id = ${profile.organisationId}
				and own.user_id = c.user_id)
			and not exists (select 1 from people own
				where own.network_id = ${networkId} and own.organisation_id = ${profile.organisationId}
				and own.user_id = c.user_id)
		order by c.user_id, c.rank, c.organisation_id
	`);
	return result.rows.map((row) => ({
		userId: row.user_id,
		organisationId: row.organisation_id,
		mode: row.mode
	}));
}
