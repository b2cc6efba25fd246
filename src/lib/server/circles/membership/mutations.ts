import { and, asc, eq, inArray } from 'drizzle-orm';
import { db, type DatabaseOrTransaction } from '../../db/index.ts';
import {
	circleAdmissions,
	circleMemberships,
	networkRoleAssignments,
	organisationMemberships,
	organisations,
	user
} from '../../db/schema/index.ts';
import type { CircleRole } from '../../db/schema/roles.ts';
import { recordAudit, type AuditContext } from '../../audit/mutations.ts';
import type { Actor } from '../../policy/actor.ts';
import { isUniqueViolation } from '../../errors.ts';
import {
	DEFAULT_NOTIFICATION_MODE,
	type CircleAdmissionKind,
	type CircleAdmissionStatus
} from '../../../circles/vocabulary.ts';
import { recordCircleActivity } from '../activity.ts';
import type { CircleRow } from '../scope.ts';
import {
	queueAdmissionDecisionMail,
	queueAdmissionRequestMails,
	queueInvitationMail,
	type MailNetwork
} from './mails.ts';

/**
 * Joining, leaving and the admissions of a circle. Each use case is one transaction; races are
 * decided by the membership's primary key and the partial unique index on pending admissions
 * (ON CONFLICT DO NOTHING, so a lost race is an outcome, not an aborted transaction), and the
 * conditional updates of a pending admission (only one decision wins).
 */

type Circle = Pick<CircleRow, 'id' | 'networkId' | 'slug' | 'nameDe' | 'nameEn' | 'joinPolicy'>;

export type MembershipChange = {
	actor: Pick<Actor, 'userId' | 'email' | 'name'>;
	circle: Circle;
	context?: AuditContext;
};
type WithNetwork = MembershipChange & { network: MailNetwork };

export type MembershipFailure =
	| 'NOT_FOUND'
	| 'NOT_ALLOWED'
	| 'ALREADY_MEMBER'
	| 'ALREADY_PENDING'
	| 'NOT_MEMBER'
	| 'LAST_LEAD'
	| 'NOT_ELIGIBLE';
export type MembershipResult = { ok: true } | { ok: false; reason: MembershipFailure };

const refuse = (reason: MembershipFailure): MembershipResult => ({ ok: false, reason });
const done: MembershipResult = { ok: true };

function actorId(change: MembershipChange) {
	if (!change.actor.userId) throw new Error('a signed-in actor is required');
	return change.actor.userId;
}

async function transaction<T>(
	work: (tx: DatabaseOrTransaction) => Promise<T>
): Promise<T | MembershipResult> {
	try {
		return await (await db()).transaction(work);
	} catch (error) {
		// Both guards use ON CONFLICT; a violation that still gets through is the same lost race.
		if (isUniqueViolation(error)) return refuse('ALREADY_PENDING');
		throw error;
	}
}

async function audit(
	tx: DatabaseOrTransaction,
	change: MembershipChange,
	action: string,
	details: Record<string, unknown>
) {
	await recordAudit(
		{
			networkId: change.circle.networkId,
			actor: change.actor,
			action,
			targetType: 'circle',
			targetId: change.circle.id,
			details: { slug: change.circle.slug, ...details },
			context: change.context
		},
		tx
	);
}

/** Inserts the membership (if there is none yet) and records the joining; false when already in. */
async function admit(tx: DatabaseOrTransaction, change: MembershipChange, userId: string, name: string) {
	const { circle } = change;
	const inserted = await tx
		.insert(circleMemberships)
		.values({
			networkId: circle.networkId,
			circleId: circle.id,
			userId,
			role: 'member',
			notificationMode: DEFAULT_NOTIFICATION_MODE
		})
		.onConflictDoNothing()
		.returning({ userId: circleMemberships.userId });
	if (inserted.length === 0) return false;
	await recordCircleActivity(tx, {
		networkId: circle.networkId,
		circleId: circle.id,
		kind: 'member_joined',
		subjectId: circle.id,
		actorUserId: userId,
		title: name,
		path: `/circles/${circle.slug}/members`,
		notify: false
	});
	return true;
}

async function isMember(tx: DatabaseOrTransaction, circle: Circle, userId: string) {
	const [row] = await tx
		.select({ role: circleMemberships.role })
		.from(circleMemberships)
		.where(
			and(
				eq(circleMemberships.networkId, circle.networkId),
				eq(circleMemberships.circleId, circle.id),
				eq(circleMemberships.userId, userId)
			)
		);
	return row ?? null;
}

async function recipient(tx: DatabaseOrTransaction, userId: string) {
	const [row] = await tx
		.select({ name: user.name, email: user.email, locale: user.locale })
		.from(user)
		.where(eq(user.id, userId));
	return row ?? null;
}

/** Who decides a request: the circle's leads, or the office while the circle has none. */
async function leadRecipients(tx: DatabaseOrTransaction, circle: Circle) {
	const recipient = { name: user.name, email: user.email, locale: user.locale };
	const leads = await tx
		.select(recipient)
		.from(circleMemberships)
		.innerJoin(user, eq(user.id, circleMemberships.userId))
		.where(
			and(
				eq(circleMemberships.networkId, circle.networkId),
				eq(circleMemberships.circleId, circle.id),
				eq(circleMemberships.role, 'lead')
			)
		);
	if (leads.length > 0) return leads;
	return tx
		.select(recipient)
		.from(networkRoleAssignments)
		.innerJoin(user, eq(user.id, networkRoleAssignments.userId))
		.where(
			and(eq(networkRoleAssignments.networkId, circle.networkId), eq(networkRoleAssignments.role, 'office'))
		);
}

async function organisationName(tx: DatabaseOrTransaction, networkId: string, userId: string) {
	const [row] = await tx
		.select({ name: organisations.name })
		.from(organisationMemberships)
		.innerJoin(organisations, eq(organisations.id, organisationMemberships.organisationId))
		.where(and(eq(organisationMemberships.networkId, networkId), eq(organisationMemberships.userId, userId)))
		.orderBy(asc(organisations.name))
		.limit(1);
	return row?.name ?? '';
}

/** A member person of the network (role member or partner): who may join and be invited. */
async function isEligible(tx: DatabaseOrTransaction, networkId: string, userId: string) {
	const [row] = await tx
		.select({ userId: networkRoleAssignments.userId })
		.from(networkRoleAssignments)
		.where(
			and(
				eq(networkRoleAssignments.networkId, networkId),
				eq(networkRoleAssignments.userId, userId),
				inArray(networkRoleAssignments.role, ['member', 'partner'])
			)
		)
		.limit(1);
	return !!row;
}

/** Open circle: the member person is in at once. A pending invitation is thereby accepted. */
export async function joinCircle(change: MembershipChange): Promise<MembershipResult> {
	const userId = actorId(change);
	if (change.circle.joinPolicy !== 'open') return refuse('NOT_ALLOWED');
	return transaction(async (tx) => {
		if (!(await admit(tx, change, userId, change.actor.name ?? ''))) return refuse('ALREADY_MEMBER');
		await closePending(tx, change.circle, { userId }, 'accepted', userId);
		await audit(tx, change, 'circle.member_joined', { userId, via: 'open' });
		return done;
	});
}

/**
 * Ends a pending admission of this circle — found by its id, or by its person — with `status`, by a
 * conditional update: of two concurrent answers only one finds it pending. Null when none was.
 */
async function closePending(
	tx: DatabaseOrTransaction,
	circle: Circle,
	match: { id?: string; userId?: string; kind?: CircleAdmissionKind },
	status: Exclude<CircleAdmissionStatus, 'pending'>,
	decidedBy: string
) {
	const [closed] = await tx
		.update(circleAdmissions)
		.set({ status, decidedBy, decidedAt: new Date() })
		.where(
			and(
				eq(circleAdmissions.networkId, circle.networkId),
				eq(circleAdmissions.circleId, circle.id),
				eq(circleAdmissions.status, 'pending'),
				match.id ? eq(circleAdmissions.id, match.id) : undefined,
				match.userId ? eq(circleAdmissions.userId, match.userId) : undefined,
				match.kind ? eq(circleAdmissions.kind, match.kind) : undefined
			)
		)
		.returning({ id: circleAdmissions.id, userId: circleAdmissions.userId });
	return closed ?? null;
}

/** Circle on request: a pending request, and a mail to every lead. */
export async function requestAdmission(change: WithNetwork & { message: string }): Promise<MembershipResult> {
	const userId = actorId(change);
	const { circle } = change;
	if (circle.joinPolicy !== 'request') return refuse('NOT_ALLOWED');
	return transaction(async (tx) => {
		if (await isMember(tx, circle, userId)) return refuse('ALREADY_MEMBER');
		const inserted = await tx
			.insert(circleAdmissions)
			.values({
				networkId: circle.networkId,
				circleId: circle.id,
				userId,
				kind: 'request',
				message: change.message,
				createdBy: userId
			})
			.onConflictDoNothing()
			.returning({ id: circleAdmissions.id });
		if (inserted.length === 0) return refuse('ALREADY_PENDING');
		await queueAdmissionRequestMails(tx, {
			circle,
			network: change.network,
			leads: await leadRecipients(tx, circle),
			requester: {
				name: change.actor.name ?? '',
				organisation: await organisationName(tx, circle.networkId, userId)
			},
			message: change.message
		});
		await audit(tx, change, 'circle.admission_requested', { userId, admissionId: inserted[0]!.id });
		return done;
	});
}

/** The requester takes back their pending request. */
export async function withdrawRequest(change: MembershipChange): Promise<MembershipResult> {
	const userId = actorId(change);
	return transaction(async (tx) => {
		const closed = await closePending(tx, change.circle, { userId, kind: 'request' }, 'withdrawn', userId);
		if (!closed) return refuse('NOT_FOUND');
		await audit(tx, change, 'circle.admission_withdrawn', { userId, admissionId: closed.id });
		return done;
	});
}

/** The invited person answers their pending invitation. */
export async function answerInvitation(
	change: MembershipChange & { accept: boolean }
): Promise<MembershipResult> {
	const userId = actorId(change);
	return transaction(async (tx) => {
		const closed = await closePending(
			tx,
			change.circle,
			{ userId, kind: 'invitation' },
			change.accept ? 'accepted' : 'declined',
			userId
		);
		if (!closed) return refuse('NOT_FOUND');
		const admissionId = closed.id;
		if (change.accept) {
			await admit(tx, change, userId, change.actor.name ?? '');
			await audit(tx, change, 'circle.member_joined', { userId, via: 'invitation', admissionId });
		} else {
			await audit(tx, change, 'circle.invitation_declined', { userId, admissionId });
		}
		return done;
	});
}

/**
 * Ends a membership (leaving, or removed by a lead). The circle's lead rows are locked first, so
 * two leads leaving at once cannot both pass the last-lead check.
 */
async function endMembership(
	tx: DatabaseOrTransaction,
	circle: Circle,
	userId: string
): Promise<MembershipResult & { role?: CircleRole }> {
	const leads = await tx
		.select({ userId: circleMemberships.userId })
		.from(circleMemberships)
		.where(
			and(
				eq(circleMemberships.networkId, circle.networkId),
				eq(circleMemberships.circleId, circle.id),
				eq(circleMemberships.role, 'lead')
			)
		)
		.for('update');
	const membership = await isMember(tx, circle, userId);
	if (!membership) return refuse('NOT_MEMBER');
	if (membership.role === 'lead' && leads.length <= 1) return refuse('LAST_LEAD');
	await tx
		.delete(circleMemberships)
		.where(
			and(
				eq(circleMemberships.networkId, circle.networkId),
				eq(circleMemberships.circleId, circle.id),
				eq(circleMemberships.userId, userId)
			)
		);
	return { ok: true, role: membership.role };
}

export async function leaveCircle(change: MembershipChange): Promise<MembershipResult> {
	const userId = actorId(change);
	return transaction(async (tx) => {
		const result = await endMembership(tx, change.circle, userId);
		if (!result.ok) return result;
		await audit(tx, change, 'circle.member_left', { userId, role: result.role });
		return done;
	});
}

/** A lead (or the office) removes a member; the last lead stays. */
export async function removeMember(change: MembershipChange & { userId: string }): Promise<MembershipResult> {
	return transaction(async (tx) => {
		const result = await endMembership(tx, change.circle, change.userId);
		if (!result.ok) return result;
		await audit(tx, change, 'circle.member_removed', { userId: change.userId, role: result.role });
		return done;
	});
}

/** A lead decides a pending request of *this* circle; the requester hears of it in their language. */
export async function decideRequest(
	change: WithNetwork & { admissionId: string; approve: boolean }
): Promise<MembershipResult> {
	const deciderId = actorId(change);
	const { circle } = change;
	return transaction(async (tx) => {
		const closed = await closePending(
			tx,
			circle,
			{ id: change.admissionId, kind: 'request' },
			change.approve ? 'accepted' : 'declined',
			deciderId
		);
		if (!closed) return refuse('NOT_FOUND');
		const requesterId = closed.userId;
		const requester = await recipient(tx, requesterId);
		if (change.approve) await admit(tx, change, requesterId, requester?.name ?? '');
		if (requester)
			await queueAdmissionDecisionMail(tx, {
				circle,
				network: change.network,
				requester,
				approved: change.approve
			});
		await audit(tx, change, change.approve ? 'circle.admission_approved' : 'circle.admission_declined', {
			userId: requesterId,
			admissionId: change.admissionId
		});
		return done;
	});
}

/** A lead invites a member person of the network who is not yet in the circle. */
export async function inviteMember(change: WithNetwork & { userId: string }): Promise<MembershipResult> {
	const inviterId = actorId(change);
	const { circle } = change;
	return transaction(async (tx) => {
		if (!(await isEligible(tx, circle.networkId, change.userId))) return refuse('NOT_ELIGIBLE');
		if (await isMember(tx, circle, change.userId)) return refuse('ALREADY_MEMBER');
		const inserted = await tx
			.insert(circleAdmissions)
			.values({
				networkId: circle.networkId,
				circleId: circle.id,
				userId: change.userId,
				kind: 'invitation',
				createdBy: inviterId
			})
			.onConflictDoNothing()
			.returning({ id: circleAdmissions.id });
		if (inserted.length === 0) return refuse('ALREADY_PENDING');
		const invitee = await recipient(tx, change.userId);
		if (invitee)
			await queueInvitationMail(tx, {
				circle,
				network: change.network,
				invitee,
				inviterName: change.actor.name ?? ''
			});
		await audit(tx, change, 'circle.member_invited', { userId: change.userId, admissionId: inserted[0]!.id });
		return done;
	});
}

/** A lead takes back a pending invitation of *this* circle. */
export async function withdrawInvitation(
	change: MembershipChange & { admissionId: string }
): Promise<MembershipResult> {
	const leadId = actorId(change);
	const { circle } = change;
	return transaction(async (tx) => {
		const closed = await closePending(
			tx,
			circle,
			{ id: change.admissionId, kind: 'invitation' },
			'withdrawn',
			leadId
		);
		if (!closed) return refuse('NOT_FOUND');
		await audit(tx, change, 'circle.invitation_withdrawn', {
			userId: closed.userId,
			admissionId: change.admissionId
		});
		return done;
	});
}

/** The office makes a member a lead or a lead a member again (never the last lead). */
export async function setCircleRole(
	change: MembershipChange & { userId: string; role: CircleRole }
): Promise<MembershipResult> {
	const { circle } = change;
	return transaction(async (tx) => {
		const leads = await tx
			.select({ userId: circleMemberships.userId })
			.from(circleMemberships)
			.where(
				and(
					eq(circleMemberships.networkId, circle.networkId),
					eq(circleMemberships.circleId, circle.id),
					eq(circleMemberships.role, 'lead')
				)
			)
			.for('update');
		const membership = await isMember(tx, circle, change.userId);
		if (!membership) return refuse('NOT_MEMBER');
		if (membership.role === change.role) return done;
		if (change.role === 'member' && leads.length <= 1) return refuse('LAST_LEAD');
		await tx
			.update(circleMemberships)
			.set({ role: change.role })
			.where(
				and(
					eq(circleMemberships.networkId, circle.networkId),
					eq(circleMemberships.circleId, circle.id),
					eq(circleMemberships.userId, change.userId)
				)
			);
		await audit(tx, change, 'circle.role_changed', { userId: change.userId, role: change.role });
		return done;
	});
}
