import { hashPassword } from 'better-auth/crypto';
import type { Database } from '../db/index.ts';
import {
	account,
	circleMemberships,
	circles,
	competencies,
	networkRoleAssignments,
	organisationCompetencies,
	networks,
	organisationMemberships,
	organisations,
	people,
	user
} from '../db/schema/index.ts';
import type { CircleRole, NetworkRole, OrganisationRole } from '../db/schema/roles.ts';
import { ensureEventFormats } from '../seed/event-formats.ts';

/**
 * Factories with overrides, shared by the demo seed and the tests. Each inserts one row and
 * returns it. Names are random enough to never collide within one database.
 */
const unique = () => Math.random().toString(36).slice(2, 10);

export async function createNetwork(db: Database, overrides: Partial<typeof networks.$inferInsert> = {}) {
	const id = unique();
	const [row] = await db
		.insert(networks)
		.values({
			slug: `net-${id}`,
			name: `Testnetz ${id}`,
			shortName: `TN${id}`,
			hosts: [],
			settings: { districts: ['Stadt Osnabrück', 'Landkreis Osnabrück', 'Kreis Steinfurt'] },
			...overrides
		})
		.returning();
	await ensureEventFormats(db, row!.id);
	return row!;
}

export async function createOrganisation(
	db: Database,
	networkId: string,
	overrides: Partial<typeof organisations.$inferInsert> = {}
) {
	const id = unique();
	const [row] = await db
		.insert(organisations)
		.values({
			networkId,
			name: `Muster GmbH ${id}`,
			slug: `muster-${id}`,
			kind: 'member_company',
			status: 'member',
			...overrides
		})
		.returning();
	return row!;
}

export type CreateUserOptions = {
	email?: string;
	name?: string;
	password?: string;
	emailVerified?: boolean;
	locale?: 'de' | 'en';
	/** Pre-hashed password, to hash once and reuse for many users (the demo seed does this). */
	passwordHash?: string;
};

/** A user with an email/password credential account, as better-auth would create it. */
export async function createUser(db: Database, options: CreateUserOptions = {}) {
	const id = crypto.randomUUID();
	const email = (options.email ?? `user-${unique()}@example.test`).toLowerCase();
	const [row] = await db
		.insert(user)
		.values({
			id,
			email,
			name: options.name ?? 'Test Person',
			emailVerified: options.emailVerified ?? true,
			locale: options.locale ?? 'de'
		})
		.returning();
	const hash = options.passwordHash ?? (await hashPassword(options.password ?? 'correct-horse-battery'));
	await db.insert(account).values({
		id: crypto.randomUUID(),
		accountId: id,
		providerId: 'credential',
		userId: id,
		password: hash
	});
	return row!;
}

export async function createPerson(
	db: Database,
	networkId: string,
	overrides: Partial<typeof people.$inferInsert> = {}
) {
	const [row] = await db
		.insert(people)
		.values({ networkId, firstName: 'Erika', lastName: `Muster-${unique()}`, ...overrides })
		.returning();
	return row!;
}

export async function grantNetworkRole(db: Database, networkId: string, userId: string, role: NetworkRole) {
	await db.insert(networkRoleAssignments).values({ networkId, userId, role }).onConflictDoNothing();
}

export async function addToOrganisation(
	db: Database,
	networkId: string,
	organisationId: string,
	userId: string,
	role: OrganisationRole
) {
	await db
		.insert(organisationMemberships)
		.values({ networkId, organisationId, userId, role })
		.onConflictDoUpdate({
			target: [organisationMemberships.organisationId, organisationMemberships.userId],
			set: { role }
		});
}

export async function createCircle(
	db: Database,
	networkId: string,
	overrides: Partial<typeof circles.$inferInsert> = {}
) {
	const id = unique();
	const [row] = await db
		.insert(circles)
		.values({ networkId, slug: `kreis-${id}`, nameDe: `Kreis ${id}`, nameEn: `Circle ${id}`, ...overrides })
		.returning();
	return row!;
}

export async function addToCircle(
	db: Database,
	networkId: string,
	circleId: string,
	userId: string,
	role: CircleRole
) {
	await db.insert(circleMemberships).values({ networkId, circleId, userId, role }).onConflictDoNothing();
}

/** A taxonomy node; its path is the parent's path plus the slug. */
export async function createCompetence(
	db: Database,
	networkId: string,
	options: {
		slug: string;
		nameDe: string;
		nameEn?: string;
		parent?: { id: string; path: string };
		position?: number;
	}
) {
	const [row] = await db
		.insert(competencies)
		.values({
			networkId,
			parentId: options.parent?.id ?? null,
			slug: options.slug,
			path: options.parent ? `${options.parent.path}.${options.slug}` : options.slug,
			nameDe: options.nameDe,
			nameEn: options.nameEn ?? options.nameDe,
			position: options.position ?? 0
		})
		.returning();
	return row!;
}

/** Gives an organisation competencies. Call refreshSearchDocuments afterwards to make them searchable. */
export async function assignCompetencies(
	db: Database,
	networkId: string,
	organisationId: string,
	competenceIds: string[]
) {
	if (competenceIds.length === 0) return;
	await db
		.insert(organisationCompetencies)
		.values(competenceIds.map((competenceId) => ({ networkId, organisationId, competenceId })))
		.onConflictDoNothing();
}
