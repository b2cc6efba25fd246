import { and, eq } from 'drizzle-orm';
import { db } from '../db/index.ts';
import { circleMemberships, networkRoleAssignments, organisationMemberships } from '../db/schema/index.ts';
import type { Actor } from './actor.ts';

type SessionUser = {
	id: string;
	email: string;
	name: string;
	emailVerified: boolean;
	twoFactorEnabled?: boolean | null;
};

/** Builds the actor for one network from a signed-in user: three indexed reads. */
export async function loadActor(networkId: string, user: SessionUser): Promise<Actor> {
	const database = await db();
	const [roles, orgs, circleRows] = await Promise.all([
		database
			.select({ role: networkRoleAssignments.role })
			.from(networkRoleAssignments)
			.where(
				and(eq(networkRoleAssignments.networkId, networkId), eq(networkRoleAssignments.userId, user.id))
			),
		database
			.select({
				organisationId: organisationMemberships.organisationId,
				role: organisationMemberships.role
			})
			.from(organisationMemberships)
			.where(
				and(eq(organisationMemberships.networkId, networkId), eq(organisationMemberships.userId, user.id))
			),
		database
			.select({ circleId: circleMemberships.circleId, role: circleMemberships.role })
			.from(circleMemberships)
			.where(and(eq(circleMemberships.networkId, networkId), eq(circleMemberships.userId, user.id)))
	]);
	return {
		networkId,
		userId: user.id,
		email: user.email,
		name: user.name,
		emailVerified: user.emailVerified,
		twoFactorEnabled: !!user.twoFactorEnabled,
		networkRoles: roles.map((r) => r.role),
		organisations: orgs,
		circles: circleRows
	};
}
