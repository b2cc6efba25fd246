import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { db } from '../db/index.ts';
import { organisationMemberships, organisations, people, user } from '../db/schema/index.ts';
import type { MembershipStatus, OrganisationKind } from '../db/schema/organisations.ts';
import { matchesText, pageOffset, similarity } from '../office/search.ts';

export type OrganisationFilter = {
	q?: string;
	kind?: OrganisationKind;
	status?: MembershipStatus;
	page: number;
	pageSize: number;
};

const searchable = sql`concat_ws(' ', ${organisations.name}, ${organisations.city})`;

export async function searchOrganisations(networkId: string, filter: OrganisationFilter) {
	const q = filter.q?.trim();
	const where = and(
		eq(organisations.networkId, networkId),
		q ? matchesText(q, searchable) : undefined,
		filter.kind ? eq(organisations.kind, filter.kind) : undefined,
		filter.status ? eq(organisations.status, filter.status) : undefined
	);
	const database = await db();
	const [rows, [total]] = await Promise.all([
		database
			.select({
				id: organisations.id,
				name: organisations.name,
				kind: organisations.kind,
				status: organisations.status,
				city: organisations.city,
				district: organisations.district,
				peopleCount: sql<number>`(select count(*)::int from ${people} where ${people.networkId} = ${networkId} and ${people.organisationId} = ${organisations.id})`,
				accountCount: sql<number>`(select count(*)::int from ${organisationMemberships} where ${organisationMemberships.networkId} = ${networkId} and ${organisationMemberships.organisationId} = ${organisations.id})`
			})
			.from(organisations)
			.where(where)
			.orderBy(
				...(q ? [desc(similarity(q, sql`${organisations.name}`))] : []),
				asc(organisations.name),
				asc(organisations.id)
			)
			.limit(filter.pageSize)
			.offset(pageOffset(filter.page, filter.pageSize)),
		database.select({ value: count() }).from(organisations).where(where)
	]);
	return { rows, total: total?.value ?? 0 };
}

export async function findOrganisation(networkId: string, organisationId: string) {
	const [row] = await (
		await db()
	)
		.select()
		.from(organisations)
		.where(and(eq(organisations.networkId, networkId), eq(organisations.id, organisationId)));
	return row ?? null;
}

/** People rows of one organisation (contacts and account holders). */
export async function listOrganisationPeople(networkId: string, organisationId: string) {
	return (await db())
		.select({
			id: people.id,
			firstName: people.firstName,
			lastName: people.lastName,
			email: sql<string | null>`coalesce(${user.email}, ${people.email})`,
			phone: people.phone,
			jobTitle: people.jobTitle,
			userId: people.userId
		})
		.from(people)
		.leftJoin(user, eq(user.id, people.userId))
		.where(and(eq(people.networkId, networkId), eq(people.organisationId, organisationId)))
		.orderBy(asc(people.lastName), asc(people.firstName));
}

/** Accounts with a role in one organisation. */
export async function listOrganisationAccounts(networkId: string, organisationId: string) {
	return (await db())
		.select({
			userId: user.id,
			name: user.name,
			email: user.email,
			role: organisationMemberships.role,
			since: organisationMemberships.createdAt,
			personId: sql<
				string | null
			>`(select ${people.id} from ${people} where ${people.networkId} = ${networkId} and ${people.userId} = ${user.id} limit 1)`
		})
		.from(organisationMemberships)
		.innerJoin(user, eq(user.id, organisationMemberships.userId))
		.where(
			and(
				eq(organisationMemberships.networkId, networkId),
				eq(organisationMemberships.organisationId, organisationId)
			)
		)
		.orderBy(asc(organisationMemberships.role), asc(user.name));
}

/** For select boxes: every organisation of the network, by name. */
export async function listOrganisationOptions(networkId: string) {
	return (await db())
		.select({ id: organisations.id, name: organisations.name })
		.from(organisations)
		.where(eq(organisations.networkId, networkId))
		.orderBy(asc(organisations.name));
}

export async function countMemberOrganisations(networkId: string) {
	const [row] = await (
		await db()
	)
		.select({ value: count() })
		.from(organisations)
		.where(and(eq(organisations.networkId, networkId), eq(organisations.status, 'member')));
	return row?.value ?? 0;
}
