import { and, eq } from 'drizzle-orm';
import { db, type DatabaseOrTransaction } from '../../db/index.ts';
import { cooperationProfiles, cooperationSteps } from '../../db/schema/index.ts';
import { recordAudit, type AuditContext } from '../../audit/mutations.ts';
import { AppError } from '../../errors.ts';
import { findMailNetwork } from '../../networks/queries.ts';
import { isUuid } from '../../office/params.ts';
import type { Actor } from '../../policy/actor.ts';
import { can } from '../../policy/policy.ts';
import { recordMatches } from '../matching/index.ts';
import { notifyMatches } from '../notifications/index.ts';
import { isExpired } from '../scope.ts';
import { approvalExpiry } from './expiry.ts';
import { queueReviewMails } from './mail.ts';
import { findOrganisationAdmins, type OfficeProfileStatus } from './queries.ts';

export type ReviewInput = {
	actor: Actor;
	networkId: string;
	profileId: string;
	/** Where the mails' links point (the request's trusted origin). */
	origin: string;
	context?: AuditContext;
};

export type ReviewResult =
	| { ok: true; expiresAt: Date | null }
	| { ok: false; reason: 'NOT_FOUND' }
	| { ok: false; reason: 'NOT_IN_REVIEW'; status: OfficeProfileStatus };

type Decision = 'approved' | 'changes_requested' | 'rejected';

function requireReviewer(actor: Actor, networkId: string) {
	if (!can(actor, 'cooperation.review', { networkId }))
		throw new AppError('FORBIDDEN', 'May not review cooperation profiles.');
}

const inReview = (networkId: string, profileId: string) =>
	and(
		eq(cooperationProfiles.networkId, networkId),
		eq(cooperationProfiles.id, profileId),
		eq(cooperationProfiles.status, 'in_review')
	);

/** Why the conditional update touched nothing: no such profile, or it left review meanwhile. */
async function refusal(
	tx: DatabaseOrTransaction,
	networkId: string,
	profileId: string
): Promise<ReviewResult> {
	const [current] = await tx
		.select({ status: cooperationProfiles.status, expiresAt: cooperationProfiles.expiresAt })
		.from(cooperationProfiles)
		.where(and(eq(cooperationProfiles.networkId, networkId), eq(cooperationProfiles.id, profileId)));
	if (!current) return { ok: false, reason: 'NOT_FOUND' };
	return { ok: false, reason: 'NOT_IN_REVIEW', status: isExpired(current) ? 'expired' : current.status };
}

async function recordDecision(
	tx: DatabaseOrTransaction,
	input: ReviewInput,
	profile: { id: string; title: string; organisationId: string },
	decision: Decision,
	note: string
) {
	await tx.insert(cooperationSteps).values({
		networkId: input.networkId,
		profileId: profile.id,
		kind: decision,
		actorUserId: input.actor.userId,
		note
	});
	await recordAudit(
		{
			networkId: input.networkId,
			actor: input.actor,
			action: `cooperation.profile.${decision}`,
			targetType: 'cooperation_profile',
			targetId: profile.id,
			details: {
				title: profile.title,
				organisationId: profile.organisationId,
				...(note ? { reason: note } : {})
			},
			context: input.context
		},
		tx
	);
}

/**
 * Publishes a profile waiting for review, running until `approvalExpiry` of its owner's chosen
 * date. Its matches are recorded and the matched organisations' people notified in the same
 * transaction, so a published profile is never without its matches. Only a profile still
 * 'in_review' is published: the locked row and the conditional update decide against a
 * withdrawal or another reviewer a moment earlier.
 */
export async function approveProfile(input: ReviewInput): Promise<ReviewResult> {
	requireReviewer(input.actor, input.networkId);
	if (!isUuid(input.profileId)) return { ok: false, reason: 'NOT_FOUND' };
	const now = new Date();
	return (await db()).transaction(async (tx): Promise<ReviewResult> => {
		// The row is locked while the expiry is worked out from the owner's chosen date.
		const [waiting] = await tx
			.select({ expiresAt: cooperationProfiles.expiresAt })
			.from(cooperationProfiles)
			.where(inReview(input.networkId, input.profileId))
			.for('update');
		const expiresAt = approvalExpiry(waiting?.expiresAt ?? null, now);
		const [profile] = waiting
			? await tx
					.update(cooperationProfiles)
					.set({
						status: 'published',
						publishedAt: now,
						reviewedBy: input.actor.userId,
						reviewedAt: now,
						reviewNote: '',
						expiryRemindedAt: null,
						expiresAt,
						updatedAt: now
					})
					.where(inReview(input.networkId, input.profileId))
					.returning()
			: [];
		if (!profile) return refusal(tx, input.networkId, input.profileId);
		await recordDecision(tx, input, profile, 'approved', '');
		await recordMatches(tx, input.networkId, profile.id);
		await notifyMatches(tx, input.networkId, profile.id);
		const network = await findMailNetwork(tx, input.networkId);
		await queueReviewMails(
			{
				networkId: input.networkId,
				networkName: network.name,
				title: profile.title,
				link: `${input.origin.replace(/\/$/, '')}/cooperation/${profile.id}`,
				recipients: await findOrganisationAdmins(tx, input.networkId, profile.organisationId),
				decision: 'approved',
				expiresAt
			},
			tx
		);
		return { ok: true, expiresAt };
	});
}

export type ReasonedReviewInput = ReviewInput & { reason: string };

async function sendBack(
	input: ReasonedReviewInput,
	decision: 'changes_requested' | 'rejected'
): Promise<ReviewResult> {
	requireReviewer(input.actor, input.networkId);
	if (!isUuid(input.profileId)) return { ok: false, reason: 'NOT_FOUND' };
	const reason = input.reason.trim();
	if (!reason) throw new AppError('VALIDATION', 'A reason is required.');
	const now = new Date();
	return (await db()).transaction(async (tx): Promise<ReviewResult> => {
		const [profile] = await tx
			.update(cooperationProfiles)
			.set({
				status: decision,
				reviewedBy: input.actor.userId,
				reviewedAt: now,
				reviewNote: reason,
				updatedAt: now
			})
			.where(inReview(input.networkId, input.profileId))
			.returning();
		if (!profile) return refusal(tx, input.networkId, input.profileId);
		await recordDecision(tx, input, profile, decision, reason);
		const network = await findMailNetwork(tx, input.networkId);
		await queueReviewMails(
			{
				networkId: input.networkId,
				networkName: network.name,
				title: profile.title,
				link: `${input.origin.replace(/\/$/, '')}/cooperation/${profile.id}/edit`,
				recipients: await findOrganisationAdmins(tx, input.networkId, profile.organisationId),
				decision,
				reason
			},
			tx
		);
		return { ok: true, expiresAt: profile.expiresAt };
	});
}

/** Sends the profile back to its owner with the office's reason ('changes_requested'). */
export function requestProfileChanges(input: ReasonedReviewInput): Promise<ReviewResult> {
	return sendBack(input, 'changes_requested');
}

/** Refuses the profile with the office's reason ('rejected'). */
export function rejectProfile(input: ReasonedReviewInput): Promise<ReviewResult> {
	return sendBack(input, 'rejected');
}
