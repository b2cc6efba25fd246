import { and, count, desc, eq, inArray } from 'drizzle-orm';
import { db, type DatabaseOrTransaction } from '../../db/index.ts';
import {
	cooperationInterests,
	cooperationProfiles,
	networkRoleAssignments,
	organisationMemberships,
	organisations,
	user
} from '../../db/schema/index.ts';
import { interestStatuses, type InterestStatus } from '../../../cooperation/vocabulary.ts';
import { findRecipient, type MailRecipient } from '../review/queries.ts';
import { isLive } from '../scope.ts';

/** How many expressions of interest a profile has, by status (every status present, 0 if none). */
export async function countInterests(
	networkId: string,
	profileId: string,
	database?: DatabaseOrTransaction
): Promise<Record<InterestStatus, number>> {
	const handle = database ?? (await db());
	const rows = await handle
		.select({ status: cooperationInterests.status, count: count() })
		.from(cooperationInterests)
		.where(and(eq(cooperationInterests.networkId, networkId), eq(cooperationInterests.profileId, profileId)))
		.groupBy(cooperationInterests.status);
	const counts = Object.fromEntries(interestStatuses.map((status) => [status, 0])) as Record<
		InterestStatus,
		number
	>;
	for (const row of rows) counts[row.status] = Number(row.count);
	return counts;
}

/** A profile's expressions of interest, newest first, with the interested organisation and person. */
export async function listProfileInterests(networkId: string, profileId: string) {
	return (await db())
		.select({
			id: cooperationInterests.id,
			message: cooperationInterests.message,
			contribution: cooperationInterests.contribution,
			partnershipKind: cooperationInterests.partnershipKind,
			timeframe: cooperationInterests.timeframe,
			status: cooperationInterests.status,
			decidedAt: cooperationInterests.decidedAt,
			outcome: cooperationInterests.outcome,
			outcomeAt: cooperationInterests.outcomeAt,
			successStory: cooperationInterests.successStory,
			successStoryPublishable: cooperationInterests.successStoryPublishable,
			createdAt: cooperationInterests.createdAt,
			organisation: {
				id: organisations.id,
				name: organisations.name,
				slug: organisations.slug
			},
			person: { name: user.name, email: user.email }
		})
		.from(cooperationInterests)
		.innerJoin(
			organisations,
			and(eq(organisations.id, cooperationInterests.organisationId), eq(organisations.networkId, networkId))
		)
		.leftJoin(user, eq(user.id, cooperationInterests.userId))
		.where(and(eq(cooperationInterests.networkId, networkId), eq(cooperationInterests.profileId, profileId)))
		.orderBy(desc(cooperationInterests.createdAt), desc(cooperationInterests.id));
}
export type ProfileInterest = Awaited<ReturnType<typeof listProfileInterests>>[number];

/** The names of these organisations of the network (the actor's own, to send for). */
export async function findOrganisationNames(networkId: string, organisationIds: readonly string[]) {
	if (organisationIds.length === 0) return [];
	return (await db())
		.select({ id: organisations.id, name: organisations.name })
		.from(organisations)
		.where(and(eq(organisations.networkId, networkId), inArray(organisations.id, [...organisationIds])))
		.orderBy(organisations.name);
}

/** What `profileOwner` needs of the owning organisation. */
export async function findOwnerOrganisation(
	networkId: string,
	organisationId: string,
	database?: DatabaseOrTransaction
) {
	const handle = database ?? (await db());
	const [row] = await handle
		.select({
			id: organisations.id,
			name: organisations.name,
			slug: organisations.slug,
			kind: organisations.kind,
			sizeClass: organisations.sizeClass,
			district: organisations.district
		})
		.from(organisations)
		.where(and(eq(organisations.networkId, networkId), eq(organisations.id, organisationId)));
	return row ?? null;
}

/**
 * Expressions of interest sent by these organisations (the actor's), newest first, with the
 * profile, its owning organisation (to be shown only through `profileOwner`) and the
 * organisations the profile's owner revealed itself to.
 */
export async function listSentInterests(networkId: string, organisationIds: readonly string[]) {
	if (organisationIds.length === 0) return [];
	const database = await db();
	const rows = await database
		.select({
			id: cooperationInterests.id,
			status: cooperationInterests.status,
			outcome: cooperationInterests.outcome,
			message: cooperationInterests.message,
			createdAt: cooperationInterests.createdAt,
			decidedAt: cooperationInterests.decidedAt,
			sender: { id: organisations.id, name: organisations.name },
			senderUserId: cooperationInterests.userId,
			profile: cooperationProfiles
		})
		.from(cooperationInterests)
		.innerJoin(
			cooperationProfiles,
			and(
				eq(cooperationProfiles.id, cooperationInterests.profileId),
				eq(cooperationProfiles.networkId, networkId)
			)
		)
		.innerJoin(
			organisations,
			and(eq(organisations.id, cooperationInterests.organisationId), eq(organisations.networkId, networkId))
		)
		.where(
			and(
				eq(cooperationInterests.networkId, networkId),
				inArray(cooperationInterests.organisationId, [...organisationIds])
			)
		)
		.orderBy(desc(cooperationInterests.createdAt), desc(cooperationInterests.id));
	if (rows.length === 0) return [];
	const profileIds = [...new Set(rows.map((row) => row.profile.id))];
	const ownerIds = [...new Set(rows.map((row) => row.profile.organisationId))];
	const [owners, accepted] = await Promise.all([
		database
			.select({
				id: organisations.id,
				name: organisations.name,
				slug: organisations.slug,
				kind: organisations.kind,
				sizeClass: organisations.sizeClass,
				district: organisations.district
			})
			.from(organisations)
			.where(and(eq(organisations.networkId, networkId), inArray(organisations.id, ownerIds))),
		database
			.select({
				profileId: cooperationInterests.profileId,
				organisationId: cooperationInterests.organisationId
			})
			.from(cooperationInterests)
			.where(
				and(
					eq(cooperationInterests.networkId, networkId),
					inArray(cooperationInterests.profileId, profileIds),
					eq(cooperationInterests.status, 'accepted')
				)
			)
	]);
	const ownerById = new Map(owners.map((owner) => [owner.id, owner]));
	return rows.flatMap((row) => {
		const owner = ownerById.get(row.profile.organisationId);
		if (!owner) return [];
		const revealedTo = accepted
			.filter((entry) => entry.profileId === row.profile.id)
			.map((entry) => entry.organisationId);
		return [{ ...row, owner, revealedTo }];
	});
}

/** An organisation's contact details, as the other side of an accepted introduction receives them. */
export async function findOrganisationContact(
	tx: DatabaseOrTransaction,
	networkId: string,
	organisationId: string
) {
	const [row] = await tx
		.select({
			id: organisations.id,
			name: organisations.name,
			street: organisations.street,
			postalCode: organisations.postalCode,
			city: organisations.city,
			website: organisations.website,
			phone: organisations.phone,
			email: organisations.email
		})
		.from(organisations)
		.where(and(eq(organisations.networkId, networkId), eq(organisations.id, organisationId)));
	return row ?? null;
}
export type OrganisationContact = NonNullable<Awaited<ReturnType<typeof findOrganisationContact>>>;

/**
 * The person who sent an interest as a mail recipient, only while they still belong to the
 * interested organisation (its membership in this network, and the network role member or
 * partner); null once they left (or their account is gone): their organisation's admins are
 * told instead, so someone who left never learns an anonymous owner's identity.
 */
export async function findSendingPerson(
	tx: DatabaseOrTransaction,
	networkId: string,
	interest: { userId: string | null; organisationId: string }
): Promise<MailRecipient | null> {
	if (!interest.userId) return null;
	const [belongs] = await tx
		.select({ userId: organisationMemberships.userId })
		.from(organisationMemberships)
		.innerJoin(
			networkRoleAssignments,
			and(
				eq(networkRoleAssignments.userId, organisationMemberships.userId),
				eq(networkRoleAssignments.networkId, networkId),
				inArray(networkRoleAssignments.role, ['member', 'partner'])
			)
		)
		.where(
			and(
				eq(organisationMemberships.networkId, networkId),
				eq(organisationMemberships.organisationId, interest.organisationId),
				eq(organisationMemberships.userId, interest.userId)
			)
		)
		.limit(1);
	return belongs ? findRecipient(tx, interest.userId) : null;
}

/**
 * Locks a profile's row for the rest of the transaction (a concurrent withdrawal or change waits)
 * and tells whether it is still live: published and not expired.
 */
export async function lockLiveProfile(tx: DatabaseOrTransaction, networkId: string, profileId: string) {
	const [row] = await tx
		.select({ status: cooperationProfiles.status, expiresAt: cooperationProfiles.expiresAt })
		.from(cooperationProfiles)
		.where(and(eq(cooperationProfiles.networkId, networkId), eq(cooperationProfiles.id, profileId)))
		.for('share');
	return !!row && isLive(row);
}
