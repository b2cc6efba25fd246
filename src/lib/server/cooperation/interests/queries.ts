import { and, count, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import { db, type DatabaseOrTransaction } from '../../db/index.ts';
import {
	cooperationInterests,
	cooperationProfiles,
	organisationMemberships,
	organisations,
	user
} from '../../db/schema/index.ts';
import {
	interestOutcomes,
	interestStatuses,
	type InterestOutcome,
	type InterestStatus
} from '../../../cooperation/vocabulary.ts';

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

/**
 * The latest recorded outcomes of accepted introductions, by outcome: of one profile, or of the
 * whole network (for the network's reports).
 */
export async function countOutcomes(
	networkId: string,
	profileId?: string
): Promise<Record<InterestOutcome, number>> {
	const rows = await (
		await db()
	)
		.select({ outcome: cooperationInterests.outcome, count: count() })
		.from(cooperationInterests)
		.where(
			and(
				eq(cooperationInterests.networkId, networkId),
				profileId ? eq(cooperationInterests.profileId, profileId) : undefined,
				eq(cooperationInterests.status, 'accepted'),
				isNotNull(cooperationInterests.outcome)
			)
		)
		.groupBy(cooperationInterests.outcome);
	const counts = Object.fromEntries(interestOutcomes.map((outcome) => [outcome, 0])) as Record<
		InterestOutcome,
		number
	>;
	for (const row of rows) if (row.outcome) counts[row.outcome] = Number(row.count);
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
			and(
				eq(organisations.id, cooperationInterests.organisationId),
				eq(organisations.networkId, cooperationInterests.networkId)
			)
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
			profile: cooperationProfiles
		})
		.from(cooperationInterests)
		.innerJoin(
			cooperationProfiles,
			and(
				eq(cooperationProfiles.id, cooperationInterests.profileId),
				eq(cooperationProfiles.networkId, cooperationInterests.networkId)
			)
		)
		.innerJoin(organisations, eq(organisations.id, cooperationInterests.organisationId))
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

/** The people who decide on a profile's interests: the owning organisation's admins. */
export async function findOrganisationAdmins(
	tx: DatabaseOrTransaction,
	networkId: string,
	organisationId: string
) {
	return tx
		.select({ name: user.name, email: user.email, locale: user.locale })
		.from(organisationMemberships)
		.innerJoin(user, eq(user.id, organisationMemberships.userId))
		.where(
			and(
				eq(organisationMemberships.networkId, networkId),
				eq(organisationMemberships.organisationId, organisationId),
				eq(organisationMemberships.role, 'org_admin')
			)
		)
		.orderBy(user.email);
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

/** A person's name, address and language for a mail. */
export async function findMailPerson(tx: DatabaseOrTransaction, userId: string) {
	const [row] = await tx
		.select({ name: user.name, email: user.email, locale: user.locale })
		.from(user)
		.where(eq(user.id, userId));
	return row ?? null;
}
