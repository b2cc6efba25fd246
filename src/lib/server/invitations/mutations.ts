import { and, eq, sql } from 'drizzle-orm';
import { hashPassword } from 'better-auth/crypto';
import { db, type DatabaseOrTransaction, type Transaction } from '../db/index.ts';
import {
	account,
	invitations,
	networkRoleAssignments,
	networks,
	organisationMemberships,
	organisations,
	user
} from '../db/schema/index.ts';
import type { NetworkRole, OrganisationRole } from '../db/schema/roles.ts';
import { AppError, isUniqueViolation } from '../errors.ts';
import { recordAudit, type AuditContext } from '../audit/mutations.ts';
import { can } from '../policy/policy.ts';
import type { Actor } from '../policy/actor.ts';
import { checkPassword, type PasswordProblem } from '../auth/password-policy.ts';
import { ensurePersonForUser } from '../people/mutations.ts';
import { queueInvitationMail } from './mail.ts';
import { pendingCondition } from './queries.ts';
import { generateInvitationToken, hashInvitationToken, invitationExpiry, invitationLink } from './tokens.ts';

export type Invitation = typeof invitations.$inferSelect;
type Locale = 'de' | 'en';

export type CreateInvitationInput = {
	networkId: string;
	/** null when the command line invites (no signed-in actor). */
	invitedBy: Actor | null;
	email: string;
	name: string;
	organisationId?: string | null;
	organisationRole?: OrganisationRole | null;
	networkRole?: NetworkRole | null;
	origin: string;
	locale: Locale;
	context?: AuditContext;
};

function inTransaction<T>(tx: DatabaseOrTransaction | undefined, work: (tx: Transaction) => Promise<T>) {
	if (tx) return work(tx as Transaction);
	return db().then((database) => database.transaction(work));
}

/** Office and org admins may invite; who may offer what is decided by the policy. */
function assertMayInvite(
	actor: Actor,
	networkId: string,
	organisationId: string | null,
	networkRole: NetworkRole | null
) {
	if (actor.networkId !== networkId) throw new AppError('FORBIDDEN', 'Actor belongs to another network.');
	if (organisationId && !can(actor, 'organisation.invite', { networkId, organisationId })) {
		throw new AppError('FORBIDDEN', 'May not invite into this organisation.');
	}
	if (networkRole && !can(actor, 'office.invitations.manage', { networkId })) {
		throw new AppError('FORBIDDEN', 'May not offer network roles.');
	}
}

/** What the mail needs besides the invitation: names, and the invitee's language if known. */
async function mailFacts(tx: DatabaseOrTransaction, invitation: Invitation, fallbackLocale: Locale) {
	const [network] = await tx
		.select({ name: networks.name })
		.from(networks)
		.where(eq(networks.id, invitation.networkId));
	const [organisation] = invitation.organisationId
		? await tx
				.select({ name: organisations.name })
				.from(organisations)
				.where(
					and(
						eq(organisations.id, invitation.organisationId),
						eq(organisations.networkId, invitation.networkId)
					)
				)
		: [];
	const [existing] = await tx
		.select({ locale: user.locale })
		.from(user)
		.where(sql`lower(${user.email}) = ${invitation.email}`);
	const locale: Locale =
		existing?.locale === 'en' || existing?.locale === 'de' ? existing.locale : fallbackLocale;
	return {
		networkName: network?.name ?? 'Knotenpunkt',
		organisationName: organisation?.name ?? null,
		locale
	};
}

/**
 * Creates an invitation and queues its mail. The link (with the plain token) is returned only
 * here and never stored. Refuses (AppError FORBIDDEN) when the inviting actor may not offer it.
 */
export async function createInvitation(input: CreateInvitationInput, tx?: DatabaseOrTransaction) {
	const email = input.email.trim().toLowerCase();
	const organisationId = input.organisationId ?? null;
	const networkRole = input.networkRole ?? null;
	const organisationRole = organisationId ? (input.organisationRole ?? 'org_member') : null;
	if (!email.includes('@')) throw new AppError('VALIDATION', 'An e-mail address is required.');
	if (!organisationId && !networkRole) {
		throw new AppError('VALIDATION', 'An invitation offers an organisation or a network role.');
	}
	if (input.invitedBy) assertMayInvite(input.invitedBy, input.networkId, organisationId, networkRole);

	return inTransaction(tx, async (t) => {
		if (organisationId) {
			const [organisation] = await t
				.select({ id: organisations.id })
				.from(organisations)
				.where(and(eq(organisations.id, organisationId), eq(organisations.networkId, input.networkId)));
			if (!organisation) throw new AppError('NOT_FOUND', 'Organisation not found.');
		}
		const token = generateInvitationToken();
		const [invitation] = await t
			.insert(invitations)
			.values({
				networkId: input.networkId,
				email,
				name: input.name.trim(),
				organisationId,
				organisationRole,
				networkRole,
				locale: input.locale,
				tokenHash: hashInvitationToken(token),
				invitedBy: input.invitedBy?.userId ?? null,
				expiresAt: invitationExpiry()
			})
			.returning();
		const link = invitationLink(input.origin, token);
		const facts = await mailFacts(t, invitation!, input.locale);
		await queueInvitationMail(
			{
				networkId: input.networkId,
				networkName: facts.networkName,
				to: email,
				name: invitation!.name,
				inviterName: input.invitedBy ? (input.invitedBy.name ?? input.invitedBy.email) : null,
				organisationName: facts.organisationName,
				organisationRole,
				networkRole,
				link,
				locale: facts.locale
			},
			t
		);
		await recordAudit(
			{
				networkId: input.networkId,
				actor: input.invitedBy,
				action: 'invitation.created',
				targetType: 'invitation',
				targetId: invitation!.id,
				details: {
					after: { email, organisationId, organisationRole, networkRole, expiresAt: invitation!.expiresAt }
				},
				context: input.context
			},
			t
		);
		return { invitation: invitation!, link };
	});
}

/** Office manages every invitation; an org admin those into their own organisation. */
export function mayManageInvitation(
	actor: Actor,
	invitation: Pick<Invitation, 'networkId' | 'organisationId' | 'networkRole'>
) {
	if (can(actor, 'office.invitations.manage', { networkId: invitation.networkId })) return true;
	return (
		!!invitation.organisationId &&
		!invitation.networkRole &&
		can(actor, 'organisation.invite', {
			networkId: invitation.networkId,
			organisationId: invitation.organisationId
		})
	);
}

type ManageInput = { actor: Actor; networkId: string; invitationId: string; context?: AuditContext };

async function findManageable(t: DatabaseOrTransaction, input: ManageInput) {
	const [invitation] = await t
		.select()
		.from(invitations)
		.where(and(eq(invitations.id, input.invitationId), eq(invitations.networkId, input.networkId)));
	if (!invitation) return null;
	if (!mayManageInvitation(input.actor, invitation))
		throw new AppError('FORBIDDEN', 'May not manage this invitation.');
	return invitation;
}

export async function revokeInvitation(
	input: ManageInput
): Promise<{ ok: true } | { ok: false; reason: 'NOT_FOUND' | 'NOT_PENDING' }> {
	return inTransaction(undefined, async (t) => {
		const invitation = await findManageable(t, input);
		if (!invitation) return { ok: false, reason: 'NOT_FOUND' } as const;
		const [revoked] = await t
			.update(invitations)
			.set({ revokedAt: new Date() })
			.where(
				and(eq(invitations.id, invitation.id), eq(invitations.networkId, input.networkId), pendingCondition())
			)
			.returning({ id: invitations.id });
		if (!revoked) return { ok: false, reason: 'NOT_PENDING' } as const;
		await recordAudit(
			{
				networkId: input.networkId,
				actor: input.actor,
				action: 'invitation.revoked',
				targetType: 'invitation',
				targetId: invitation.id,
				details: { email: invitation.email, before: { status: 'pending' }, after: { status: 'revoked' } },
				context: input.context
			},
			t
		);
		return { ok: true } as const;
	});
}

/**
 * A new token and a new expiry for a not yet accepted or revoked invitation (also an expired one);
 * the old link stops working at once because only the new hash is stored.
 */
export async function resendInvitation(
	input: ManageInput & { origin: string }
): Promise<{ ok: true; link: string } | { ok: false; reason: 'NOT_FOUND' | 'NOT_PENDING' }> {
	return inTransaction(undefined, async (t) => {
		const invitation = await findManageable(t, input);
		if (!invitation) return { ok: false, reason: 'NOT_FOUND' } as const;
		const token = generateInvitationToken();
		const [renewed] = await t
			.update(invitations)
			.set({ tokenHash: hashInvitationToken(token), expiresAt: invitationExpiry() })
			.where(
				and(
					eq(invitations.id, invitation.id),
					eq(invitations.networkId, input.networkId),
					sql`${invitations.acceptedAt} is null and ${invitations.revokedAt} is null`
				)
			)
			.returning();
		if (!renewed) return { ok: false, reason: 'NOT_PENDING' } as const;
		const link = invitationLink(input.origin, token);
		const facts = await mailFacts(t, renewed, renewed.locale === 'en' ? 'en' : 'de');
		const [inviterRow] = renewed.invitedBy
			? await t.select({ name: user.name }).from(user).where(eq(user.id, renewed.invitedBy))
			: [];
		await queueInvitationMail(
			{
				networkId: input.networkId,
				networkName: facts.networkName,
				to: renewed.email,
				name: renewed.name,
				inviterName: inviterRow?.name ?? null,
				organisationName: facts.organisationName,
				organisationRole: renewed.organisationRole,
				networkRole: renewed.networkRole,
				link,
				locale: facts.locale
			},
			t
		);
		await recordAudit(
			{
				networkId: input.networkId,
				actor: input.actor,
				action: 'invitation.resent',
				targetType: 'invitation',
				targetId: renewed.id,
				details: {
					email: renewed.email,
					before: { expiresAt: invitation.expiresAt },
					after: { expiresAt: renewed.expiresAt }
				},
				context: input.context
			},
			t
		);
		return { ok: true, link } as const;
	});
}

/**
 * Claims the invitation: the database decides races, so of two simultaneous accepts exactly one
 * gets the row back.
 */
async function claimInvitation(t: Transaction, networkId: string, token: string, email?: string) {
	const [claimed] = await t
		.update(invitations)
		.set({ acceptedAt: new Date() })
		.where(
			and(
				eq(invitations.networkId, networkId),
				eq(invitations.tokenHash, hashInvitationToken(token)),
				pendingCondition(),
				email ? eq(invitations.email, email.toLowerCase()) : undefined
			)
		)
		.returning();
	return claimed ?? null;
}

/** Grants what the invitation offers: org membership (+ network role member), any network role, a person row. */
async function applyInvitation(t: Transaction, invitation: Invitation, userId: string, name: string) {
	const granted: { networkRoles: NetworkRole[]; organisationRole: OrganisationRole | null } = {
		networkRoles: [],
		organisationRole: null
	};
	if (invitation.organisationId) {
		const role = invitation.organisationRole ?? 'org_member';
		// An existing org admin stays admin when invited again as a member.
		const [membership] = await t
			.insert(organisationMemberships)
			.values({ networkId: invitation.networkId, organisationId: invitation.organisationId, userId, role })
			.onConflictDoUpdate({
				target: [organisationMemberships.organisationId, organisationMemberships.userId],
				set: {
					role: sql`case when ${organisationMemberships.role} = 'org_admin' then 'org_admin' else excluded.role end`
				}
			})
			.returning({ role: organisationMemberships.role });
		granted.organisationRole = membership?.role ?? role;
		granted.networkRoles.push('member');
	}
	if (invitation.networkRole && !granted.networkRoles.includes(invitation.networkRole)) {
		granted.networkRoles.push(invitation.networkRole);
	}
	for (const role of granted.networkRoles) {
		await t
			.insert(networkRoleAssignments)
			.values({ networkId: invitation.networkId, userId, role })
			.onConflictDoNothing();
	}
	await ensurePersonForUser(
		{
			networkId: invitation.networkId,
			userId,
			email: invitation.email,
			name,
			organisationId: invitation.organisationId
		},
		t
	);
	return granted;
}

export type AcceptFailure = 'INVALID' | 'ACCOUNT_EXISTS' | 'WRONG_ACCOUNT' | PasswordProblem;

export type AcceptResult = { ok: true; userId: string; email: string } | { ok: false; reason: AcceptFailure };

/**
 * The invitee has no account yet: create it (verified — opening the mail proved the address),
 * grant the roles and mark the invitation accepted, all in one transaction.
 */
export async function acceptInvitationWithNewAccount(input: {
	networkId: string;
	token: string;
	name: string;
	password: string;
	locale: Locale;
	context?: AuditContext;
}): Promise<AcceptResult> {
	const problem = checkPassword(input.password);
	if (problem) return { ok: false, reason: problem };
	const passwordHash = await hashPassword(input.password);
	try {
		return await inTransaction(undefined, async (t): Promise<AcceptResult> => {
			const invitation = await claimInvitation(t, input.networkId, input.token);
			if (!invitation) return { ok: false, reason: 'INVALID' };
			const userId = crypto.randomUUID();
			const name = input.name.trim() || invitation.name || invitation.email;
			// The unique e-mail constraint decides whether an account already exists.
			await t.insert(user).values({
				id: userId,
				email: invitation.email,
				name,
				emailVerified: true,
				locale: input.locale
			});
			await t.insert(account).values({
				id: crypto.randomUUID(),
				accountId: userId,
				providerId: 'credential',
				userId,
				password: passwordHash
			});
			const granted = await applyInvitation(t, invitation, userId, name);
			await recordAudit(
				{
					networkId: invitation.networkId,
					actor: { userId, email: invitation.email },
					action: 'invitation.accepted',
					targetType: 'invitation',
					targetId: invitation.id,
					details: { accountCreated: true, organisationId: invitation.organisationId, after: granted },
					context: input.context
				},
				t
			);
			return { ok: true, userId, email: invitation.email };
		});
	} catch (error) {
		if (isUniqueViolation(error)) return { ok: false, reason: 'ACCOUNT_EXISTS' };
		throw error;
	}
}

/** The invitee already has an account and is signed in with it: one click grants the roles. */
export async function acceptInvitationAsUser(input: {
	networkId: string;
	token: string;
	user: { id: string; email: string; name: string };
	context?: AuditContext;
}): Promise<AcceptResult> {
	return inTransaction(undefined, async (t): Promise<AcceptResult> => {
		const invitation = await claimInvitation(t, input.networkId, input.token, input.user.email);
		if (!invitation) {
			// Tell "wrong account" apart only for a still valid invitation; everything else stays vague.
			const [other] = await t
				.select({ id: invitations.id })
				.from(invitations)
				.where(
					and(
						eq(invitations.networkId, input.networkId),
						eq(invitations.tokenHash, hashInvitationToken(input.token)),
						pendingCondition()
					)
				);
			return { ok: false, reason: other ? 'WRONG_ACCOUNT' : 'INVALID' };
		}
		const granted = await applyInvitation(t, invitation, input.user.id, input.user.name);
		await recordAudit(
			{
				networkId: invitation.networkId,
				actor: { userId: input.user.id, email: input.user.email },
				action: 'invitation.accepted',
				targetType: 'invitation',
				targetId: invitation.id,
				details: { accountCreated: false, organisationId: invitation.organisationId, after: granted },
				context: input.context
			},
			t
		);
		return { ok: true, userId: input.user.id, email: input.user.email };
	});
}
