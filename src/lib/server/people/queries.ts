import { and, asc, count, desc, eq, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { db } from '../db/index.ts';
import {
	networkRoleAssignments,
	organisationMemberships,
	organisations,
	people,
	user
} from '../db/schema/index.ts';
import type { NetworkRole } from '../db/schema/roles.ts';
import { containsPattern, matchesText, pageOffset, similarity } from '../office/search.ts';

export type PeopleFilter = {
	q?: string;
	hasAccount?: boolean;
	role?: NetworkRole;
	page: number;
	pageSize: number;
};

const fullName = sql<string>`concat_ws(' ', ${people.firstName}, ${people.lastName})`;

/** People of one network, searched by name, e-mail or organisation (substring or trigram match). */
export async function searchPeople(networkId: string, filter: PeopleFilter) {
	const q = filter.q?.trim();
	const where = and(
		eq(people.networkId, networkId),
		q
			? or(
					matchesText(q, fullName),
					matchesText(q, sql`${organisations.name}`),
					sql`coalesce(${people.email}, '') ilike ${containsPattern(q)}`,
					sql`coalesce(${user.email}, '') ilike ${containsPattern(q)}`
				)
			: undefined,
		filter.hasAccount === true ? isNotNull(people.userId) : undefined,
		filter.hasAccount === false ? isNull(people.userId) : undefined,
		filter.role
			? sql`exists (select 1 from ${networkRoleAssignments}
				where ${networkRoleAssignments.networkId} = ${networkId}
				and ${networkRoleAssignments.userId} = ${people.userId}
				and ${networkRoleAssignments.role} = ${filter.role})`
			: undefined
	);
	const database = await db();
	const base = () =>
		database
			.select({
				id: people.id,
				firstName: people.firstName,
				lastName: people.lastName,
				email: sql<string | null>`coalesce(${user.email}, ${people.email})`,
				jobTitle: people.jobTitle,
				organisationId: people.organisationId,
				organisationName: organisations.name,
				userId: people.userId,
				networkRoles: sql<
					NetworkRole[]
				>`coalesce((select array_agg(${networkRoleAssignments.role} order by ${networkRoleAssignments.role})
					from ${networkRoleAssignments}
					where ${networkRoleAssignments.networkId} = ${networkId} and ${networkRoleAssignments.userId} = ${people.userId}), '{}')`
			})
			.from(people)
			.leftJoin(
				organisations,
				and(eq(organisations.id, people.organisationId), eq(organisations.networkId, networkId))
			)
			.leftJoin(user, eq(user.id, people.userId));
	const [rows, [total]] = await Promise.all([
		base()
			.where(where)
			.orderBy(
				...(q
					? [desc(sql`greatest(${similarity(q, fullName)}, ${similarity(q, sql`${organisations.name}`)})`)]
					: []),
				asc(people.lastName),
				asc(people.firstName),
				asc(people.id)
			)
			.limit(filter.pageSize)
			.offset(pageOffset(filter.page, filter.pageSize)),
		database
			.select({ value: count() })
			.from(people)
			.leftJoin(
				organisations,
				and(eq(organisations.id, people.organisationId), eq(organisations.networkId, networkId))
			)
			.leftJoin(user, eq(user.id, people.userId))
			.where(where)
	]);
	return {
		rows: rows.map((row) => ({ ...row, networkRoles: parseRoles(row.networkRoles) })),
		total: total?.value ?? 0
	};
}

/** array_agg comes back as an array from pg and as text ("{a,b}") from some drivers. */
function parseRoles(value: unknown): NetworkRole[] {
	if (Array.isArray(value)) return value as NetworkRole[];
	if (typeof value === 'string')
		return value.replace(/[{}]/g, '').split(',').filter(Boolean) as NetworkRole[];
	return [];
}

/** One person of the network, with account, network roles and organisation memberships. */
export async function findPerson(networkId: string, personId: string) {
	const database = await db();
	const [person] = await database
		.select({
			id: people.id,
			firstName: people.firstName,
			lastName: people.lastName,
			email: people.email,
			phone: people.phone,
			jobTitle: people.jobTitle,
			organisationId: people.organisationId,
			organisationName: organisations.name,
			userId: people.userId,
			createdAt: people.createdAt
		})
		.from(people)
		.leftJoin(
			organisations,
			and(eq(organisations.id, people.organisationId), eq(organisations.networkId, networkId))
		)
		.where(and(eq(people.networkId, networkId), eq(people.id, personId)));
	if (!person) return null;
	if (!person.userId) return { person, account: null, networkRoles: [], memberships: [] };
	const [accountRow, roles, memberships] = await Promise.all([
		database
			.select({
				id: user.id,
				email: user.email,
				name: user.name,
				emailVerified: user.emailVerified,
				twoFactorEnabled: user.twoFactorEnabled,
				locale: user.locale,
				createdAt: user.createdAt
			})
			.from(user)
			.where(eq(user.id, person.userId)),
		database
			.select({ role: networkRoleAssignments.role })
			.from(networkRoleAssignments)
			.where(
				and(eq(networkRoleAssignments.networkId, networkId), eq(networkRoleAssignments.userId, person.userId))
			),
		database
			.select({
				organisationId: organisationMemberships.organisationId,
				organisationName: organisations.name,
				role: organisationMemberships.role
			})
			.from(organisationMemberships)
			.innerJoin(
				organisations,
				and(
					eq(organisations.id, organisationMemberships.organisationId),
					eq(organisations.networkId, networkId)
				)
			)
			.where(
				and(
					eq(organisationMemberships.networkId, networkId),
					eq(organisationMemberships.userId, person.userId)
				)
			)
			.orderBy(asc(organisations.name))
	]);
	return {
		person,
		account: accountRow[0] ?? null,
		networkRoles: roles.map((r) => r.role),
		memberships
	};
}

export async function countPeople(networkId: string) {
	const [row] = await (
		await db()
	)
		.select({ value: count() })
		.from(people)
		.where(eq(people.networkId, networkId));
	return row?.value ?? 0;
}
