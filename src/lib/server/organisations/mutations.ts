import { and, eq } from 'drizzle-orm';
import { db } from '../db/index.ts';
import { organisationMemberships } from '../db/schema/index.ts';
import type { OrganisationRole } from '../db/schema/roles.ts';
import { AppError } from '../errors.ts';
import { recordAudit, type AuditContext } from '../audit/mutations.ts';
import { can } from '../policy/policy.ts';
import type { Actor } from '../policy/actor.ts';

type MembershipChange = {
	actor: Actor;
	networkId: string;
	organisationId: string;
	userId: string;
	context?: AuditContext;
};

export type MembershipResult = { ok: true; changed: boolean } | { ok: false; reason: 'NOT_FOUND' };

function assertMayManage(actor: Actor, networkId: string) {
	if (!can(actor, 'office.roles.manage', { networkId })) {
		throw new AppError('FORBIDDEN', 'May not manage organisation roles.');
	}
}

const membershipOf = (change: MembershipChange) =>
	and(
		eq(organisationMemberships.networkId, change.networkId),
		eq(organisationMemberships.organisationId, change.organisationId),
		eq(organisationMemberships.userId, change.userId)
	);

/** org_admin ⇄ org_member for an existing membership, audited with before and after. */
export async function changeOrganisationRole(
	change: MembershipChange & { role: OrganisationRole }
): Promise<MembershipResult> {
	assertMayManage(change.actor, change.networkId);
	return (await db()).transaction(async (t): Promise<MembershipResult> => {
		const [current] = await t
			.select({ role: organisationMemberships.role })
			.from(organisationMemberships)
			.where(membershipOf(change))
			.for('update');
		if (!current) return { ok: false, reason: 'NOT_FOUND' };
		if (current.role === change.role) return { ok: true, changed: false };
		await t.update(organisationMemberships).set({ role: change.role }).where(membershipOf(change));
		await recordAudit(
			{
				networkId: change.networkId,
				actor: change.actor,
				action: 'office.organisation_role.changed',
				targetType: 'user',
				targetId: change.userId,
				details: {
					organisationId: change.organisationId,
					before: { organisationRole: current.role },
					after: { organisationRole: change.role }
				},
				context: change.context
			},
			t
		);
		return { ok: true, changed: true };
	});
}

export async function removeFromOrganisation(change: MembershipChange): Promise<MembershipResult> {
	assertMayManage(change.actor, change.networkId);
	return (await db()).transaction(async (t): Promise<MembershipResult> => {
		const [removed] = await t
			.delete(organisationMemberships)
			.where(membershipOf(change))
			.returning({ role: organisationMemberships.role });
		if (!removed) return { ok: false, reason: 'NOT_FOUND' };
		await recordAudit(
			{
				networkId: change.networkId,
				actor: change.actor,
				action: 'office.organisation_member.removed',
				targetType: 'user',
				targetId: change.userId,
				details: {
					organisationId: change.organisationId,
					before: { organisationRole: removed.role },
					after: { organisationRole: null }
				},
				context: change.context
			},
			t
		);
		return { ok: true, changed: true };
	});
}
