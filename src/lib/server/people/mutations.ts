import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { db, type DatabaseOrTransaction, type Transaction } from '../db/index.ts';
import { networkRoleAssignments, people, user } from '../db/schema/index.ts';
import type { NetworkRole } from '../db/schema/roles.ts';
import { AppError } from '../errors.ts';
import { recordAudit, type AuditContext } from '../audit/mutations.ts';
import { can } from '../policy/policy.ts';
import type { Actor } from '../policy/actor.ts';

/** "Erika Muster" → first "Erika", last "Muster"; one word stays the first name. */
export function splitName(name: string): { firstName: string; lastName: string } {
	const parts = name.trim().split(/\s+/).filter(Boolean);
	if (parts.length <= 1) return { firstName: parts[0] ?? '', lastName: '' };
	return { firstName: parts.slice(0, -1).join(' '), lastName: parts.at(-1)! };
}

/**
 * Makes sure an account has its person row in a network: an existing row for the account wins,
 * else a contact with the same e-mail and no account is linked, else a new row is created.
 */
export async function ensurePersonForUser(
	input: { networkId: string; userId: string; email: string; name: string; organisationId?: string | null },
	tx?: DatabaseOrTransaction
) {
	const t = tx ?? (await db());
	const organisationId = input.organisationId ?? null;
	const [linked] = await t
		.select()
		.from(people)
		.where(and(eq(people.networkId, input.networkId), eq(people.userId, input.userId)));
	if (linked) {
		if (organisationId && linked.organisationId !== organisationId) {
			await t
				.update(people)
				.set({ organisationId, updatedAt: new Date() })
				.where(and(eq(people.id, linked.id), eq(people.networkId, input.networkId)));
		}
		return linked.id;
	}
	const [contact] = await t
		.select()
		.from(people)
		.where(
			and(
				eq(people.networkId, input.networkId),
				isNull(people.userId),
				sql`lower(${people.email}) = ${input.email.toLowerCase()}`
			)
		)
		.orderBy(sql`${people.organisationId} is not distinct from ${organisationId} desc`, asc(people.createdAt))
		.limit(1);
	if (contact) {
		await t
			.update(people)
			.set({
				userId: input.userId,
				organisationId: organisationId ?? contact.organisationId,
				updatedAt: new Date()
			})
			.where(and(eq(people.id, contact.id), eq(people.networkId, input.networkId)));
		return contact.id;
	}
	const { firstName, lastName } = splitName(input.name);
	const [created] = await t
		.insert(people)
		.values({
			networkId: input.networkId,
			userId: input.userId,
			organisationId,
			firstName: firstName || input.email,
			lastName,
			email: input.email.toLowerCase()
		})
		.returning({ id: people.id });
	return created!.id;
}

type RoleChange = {
	actor: Actor;
	networkId: string;
	userId: string;
	role: NetworkRole;
	context?: AuditContext;
};

export type RoleChangeResult =
	| { ok: true; changed: boolean; before: NetworkRole[]; after: NetworkRole[] }
	| { ok: false; reason: 'NOT_FOUND' | 'LAST_OFFICE' };

function assertMayManageRoles(actor: Actor, networkId: string) {
	if (!can(actor, 'office.roles.manage', { networkId })) {
		throw new AppError('FORBIDDEN', 'May not manage network roles.');
	}
}

async function rolesOf(t: DatabaseOrTransaction, networkId: string, userId: string) {
	const rows = await t
		.select({ role: networkRoleAssignments.role })
		.from(networkRoleAssignments)
		.where(and(eq(networkRoleAssignments.networkId, networkId), eq(networkRoleAssignments.userId, userId)))
		.orderBy(asc(networkRoleAssignments.role));
	return rows.map((r) => r.role);
}

/** Only accounts that belong to this network (a person row or a role here) are managed here. */
async function userBelongsToNetwork(t: DatabaseOrTransaction, networkId: string, userId: string) {
	const [row] = await t
		.select({ id: user.id })
		.from(user)
		.where(
			and(
				eq(user.id, userId),
				sql`(exists (select 1 from ${people} where ${people.networkId} = ${networkId} and ${people.userId} = ${user.id})
				 or exists (select 1 from ${networkRoleAssignments} where ${networkRoleAssignments.networkId} = ${networkId} and ${networkRoleAssignments.userId} = ${user.id}))`
			)
		);
	return !!row;
}

async function auditRoleChange(
	t: Transaction,
	change: RoleChange,
	action: string,
	before: NetworkRole[],
	after: NetworkRole[]
) {
	await recordAudit(
		{
			networkId: change.networkId,
			actor: change.actor,
			action,
			targetType: 'user',
			targetId: change.userId,
			details: { role: change.role, before: { networkRoles: before }, after: { networkRoles: after } },
			context: change.context
		},
		t
	);
}

export async function grantNetworkRole(change: RoleChange): Promise<RoleChangeResult> {
	assertMayManageRoles(change.actor, change.networkId);
	return (await db()).transaction(async (t): Promise<RoleChangeResult> => {
		if (!(await userBelongsToNetwork(t, change.networkId, change.userId)))
			return { ok: false, reason: 'NOT_FOUND' };
		const before = await rolesOf(t, change.networkId, change.userId);
		const inserted = await t
			.insert(networkRoleAssignments)
			.values({ networkId: change.networkId, userId: change.userId, role: change.role })
			.onConflictDoNothing()
			.returning({ role: networkRoleAssignments.role });
		const after = await rolesOf(t, change.networkId, change.userId);
		if (inserted.length > 0) await auditRoleChange(t, change, 'office.network_role.granted', before, after);
		return { ok: true, changed: inserted.length > 0, before, after };
	});
}

/**
 * The network always keeps at least one office account. The office rows are locked first, so two
 * office users removing each other at the same moment cannot both succeed.
 */
export async function revokeNetworkRole(change: RoleChange): Promise<RoleChangeResult> {
	assertMayManageRoles(change.actor, change.networkId);
	return (await db()).transaction(async (t): Promise<RoleChangeResult> => {
		if (!(await userBelongsToNetwork(t, change.networkId, change.userId)))
			return { ok: false, reason: 'NOT_FOUND' };
		if (change.role === 'office') {
			const office = await t
				.select({ userId: networkRoleAssignments.userId })
				.from(networkRoleAssignments)
				.where(
					and(
						eq(networkRoleAssignments.networkId, change.networkId),
						eq(networkRoleAssignments.role, 'office')
					)
				)
				.for('update');
			const holdsIt = office.some((row) => row.userId === change.userId);
			if (holdsIt && office.length <= 1) return { ok: false, reason: 'LAST_OFFICE' };
		}
		const before = await rolesOf(t, change.networkId, change.userId);
		const removed = await t
			.delete(networkRoleAssignments)
			.where(
				and(
					eq(networkRoleAssignments.networkId, change.networkId),
					eq(networkRoleAssignments.userId, change.userId),
					eq(networkRoleAssignments.role, change.role)
				)
			)
			.returning({ role: networkRoleAssignments.role });
		const after = await rolesOf(t, change.networkId, change.userId);
		if (removed.length > 0) await auditRoleChange(t, change, 'office.network_role.revoked', before, after);
		return { ok: true, changed: removed.length > 0, before, after };
	});
}
