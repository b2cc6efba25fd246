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
