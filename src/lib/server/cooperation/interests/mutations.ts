import { and, eq, inArray } from 'drizzle-orm';
import { db, type DatabaseOrTransaction } from '../../db/index.ts';
import { cooperationInterests, cooperationSteps } from '../../db/schema/index.ts';
import { recordAudit, type AuditContext } from '../../audit/mutations.ts';
import { isUniqueViolation } from '../../errors.ts';
import type { Actor } from '../../policy/actor.ts';
import { can } from '../../policy/policy.ts';
import type { ProfileStepKind } from '../../../cooperation/vocabulary.ts';
import { profileOwner } from '../owner.ts';
import type { ProfileRow } from '../scope.ts';
import {
	queueInterestDeclinedMails,
	queueInterestReceivedMails,
	queueInterestSentMail,
	queueIntroductionMails,
	type MailNetwork,
	type MailRecipient
} from './mails.ts';
import { findOrganisationAdmins, findRecipient } from '../review/queries.ts';
import {
	findOrganisationContact,
	findOwnerOrganisation,
	findSendingPerson,
	lockLiveProfile
} from './queries.ts';
import type { InterestInput, OutcomeInput } from './schemas.ts';

/**
 * Expressions of interest, their decision, outcome and withdrawal. One transaction per use case,
 * with its timeline step, audit entry and mails. Races are decided by the database: the partial
 * unique index (one open interest per profile and organisation) and conditional updates from the
 * expected status (of two concurrent decisions only one finds the interest pending).
 */

export type InterestFailure =
	| 'NOT_FOUND'
	| 'FORBIDDEN'
	| 'NOT_LIVE'
	| 'ALREADY_INTERESTED'
	| 'ALREADY_DECIDED'
	| 'NOT_ACCEPTED'
	| 'NOT_PENDING';
export type InterestResult = { ok: true; interestId: string } | { ok: false; reason: InterestFailure };

type Change = { actor: Actor; context?: AuditContext };
type ProfileChange = Change & { profile: ProfileRow };

const refuse = (reason: InterestFailure): InterestResult => ({ ok: false, reason });

function actorId(change: Change) {
	if (!change.actor.userId) throw new Error('a signed-in actor is required');
	return change.actor.userId;
}

async function addStep(
	tx: DatabaseOrTransaction,
	input: { profile: ProfileRow; interestId: string; kind: ProfileStepKind; actorUserId: string }
) {
	await tx.insert(cooperationSteps).values({
		networkId: input.profile.networkId,
		profileId: input.profile.id,
		interestId: input.interestId,
		kind: input.kind,
		actorUserId: input.actorUserId
	});
}

async function audit(
	tx: DatabaseOrTransaction,
	change: Change,
	input: { networkId: string; profileId: string; action: string; details: Record<string, unknown> }
) {
	await recordAudit(
		{
			networkId: input.networkId,
			actor: change.actor,
			action: input.action,
			targetType: 'cooperation_profile',
			targetId: input.profileId,
			details: input.details,
			context: change.context
		},
		tx
	);
}

/** Why a conditional update of an interest *of this profile* found nothing: unknown, or decided. */
async function missedReason(
	tx: DatabaseOrTransaction,
	profile: ProfileRow,
	interestId: string,
	otherwise: InterestFailure
) {
	const [row] = await tx
		.select({ id: cooperationInterests.id })
		.from(cooperationInterests)
		.where(
			and(
				eq(cooperationInterests.networkId, profile.networkId),
				eq(cooperationInterests.profileId, profile.id),
				eq(cooperationInterests.id, interestId)
			)
		);
	return refuse(row ? otherwise : 'NOT_FOUND');
}

/**
 * Sends an expression of interest for `input.organisationId` (the caller has checked
 * 'cooperation.interest.send' for it). The owner's admins are told who asks; the sender receives
 * a confirmation that names the owner only if the sender may know it. The profile's row is locked
 * and checked again here: one withdrawn or expired since the page's check takes no interest.
 */
export async function sendInterest(
	change: ProfileChange & { revealedTo: readonly string[]; network: MailNetwork; input: InterestInput }
): Promise<InterestResult> {
	const userId = actorId(change);
	const { profile, input } = change;
	const networkId = profile.networkId;
	try {
		return await (
			await db()
		).transaction(async (tx) => {
			if (!(await lockLiveProfile(tx, networkId, profile.id))) return refuse('NOT_LIVE');
			const [interest] = await tx
				.insert(cooperationInterests)
				.values({
					networkId,
					profileId: profile.id,
					organisationId: input.organisationId,
					userId,
					message: input.message,
					contribution: input.contribution,
					partnershipKind: input.partnershipKind,
					timeframe: input.timeframe
				})
				.returning({ id: cooperationInterests.id });
			const interestId = interest!.id;
			await addStep(tx, { profile, interestId, kind: 'interest_sent', actorUserId: userId });
			const sender = await findRecipient(tx, userId);
			const senderOrganisation = await findOrganisationContact(tx, networkId, input.organisationId);
			const owner = await findOwnerOrganisation(networkId, profile.organisationId, tx);
			const admins = await findOrganisationAdmins(tx, networkId, profile.organisationId);
			const organisation = senderOrganisation?.name ?? '';
			await queueInterestReceivedMails(tx, {
				profile,
				network: change.network,
				admins,
				sender: { person: sender?.name ?? change.actor.name ?? '', organisation },
				answers: input
			});
			if (sender && owner)
				await queueInterestSentMail(tx, {
					profile,
					network: change.network,
					sender,
					organisation,
					owner: profileOwner(change.actor, profile, change.revealedTo, owner),
					answers: input
				});
			await audit(tx, change, {
				networkId,
				profileId: profile.id,
				action: 'cooperation.interest_sent',
				details: { interestId, organisationId: input.organisationId }
			});
			return { ok: true as const, interestId };
		});
	} catch (error) {
		if (isUniqueViolation(error)) return refuse('ALREADY_INTERESTED');
		throw error;
	}
}

/**
 * Who hears of a decision on the interested side: the person who sent it while they still belong
 * to the interested organisation, else that organisation's admins.
 */
async function interestedPeople(
	tx: DatabaseOrTransaction,
	networkId: string,
	interest: { userId: string | null; organisationId: string }
): Promise<{ person: MailRecipient | null; recipients: MailRecipient[] }> {
	const person = await findSendingPerson(tx, networkId, interest);
	if (person) return { person, recipients: [person] };
	return { person: null, recipients: await findOrganisationAdmins(tx, networkId, interest.organisationId) };
}

/**
 * The owner's admin accepts or declines a pending interest of *this* profile. Accepting is the
 * introduction (for an anonymous profile, the owner's decision to reveal itself): both sides get
 * each other's contact details. Declining tells the sender neutrally, without naming the owner.
 */
export async function decideInterest(
	change: ProfileChange & { network: MailNetwork; interestId: string; accept: boolean }
): Promise<InterestResult> {
	const deciderId = actorId(change);
	const { profile, interestId } = change;
	const networkId = profile.networkId;
	return (await db()).transaction(async (tx) => {
		const now = new Date();
		const [decided] = await tx
			.update(cooperationInterests)
			.set({
				status: change.accept ? 'accepted' : 'declined',
				decidedBy: deciderId,
				decidedAt: now,
				updatedAt: now
			})
			.where(
				and(
					eq(cooperationInterests.networkId, networkId),
					eq(cooperationInterests.profileId, profile.id),
					eq(cooperationInterests.id, interestId),
					eq(cooperationInterests.status, 'pending')
				)
			)
			.returning({
				id: cooperationInterests.id,
				userId: cooperationInterests.userId,
				organisationId: cooperationInterests.organisationId
			});
		if (!decided) return missedReason(tx, profile, interestId, 'ALREADY_DECIDED');
		await addStep(tx, {
			profile,
			interestId,
			kind: change.accept ? 'interest_accepted' : 'interest_declined',
			actorUserId: deciderId
		});
		const interested = await interestedPeople(tx, networkId, decided);
		if (change.accept) {
			const owner = await findOrganisationContact(tx, networkId, profile.organisationId);
			const interestedOrganisation = await findOrganisationContact(tx, networkId, decided.organisationId);
			const ownerAdmins = await findOrganisationAdmins(tx, networkId, profile.organisationId);
			const decider = await findRecipient(tx, deciderId);
			if (owner && interestedOrganisation && decider)
				await queueIntroductionMails(tx, {
					profile,
					network: change.network,
					owner,
					decider,
					interested: interestedOrganisation,
					interestedPeople: interested.recipients,
					sendingPerson: interested.person,
					ownerAdmins
				});
		} else {
			await queueInterestDeclinedMails(tx, {
				profile,
				network: change.network,
				recipients: interested.recipients
			});
		}
		await audit(tx, change, {
			networkId,
			profileId: profile.id,
			action: change.accept ? 'cooperation.interest_accepted' : 'cooperation.interest_declined',
			details: { interestId, organisationId: decided.organisationId }
		});
		return { ok: true as const, interestId };
	});
}

/** The owner's admin or the office records (or changes) what became of an accepted introduction. */
export async function recordOutcome(
	change: ProfileChange & { input: OutcomeInput }
): Promise<InterestResult> {
	const userId = actorId(change);
	const { profile, input } = change;
	const networkId = profile.networkId;
	return (await db()).transaction(async (tx) => {
		const now = new Date();
		const [recorded] = await tx
			.update(cooperationInterests)
			.set({
				outcome: input.outcome,
				outcomeAt: now,
				outcomeBy: userId,
				successStory: input.successStory,
				successStoryPublishable: input.successStoryPublishable,
				updatedAt: now
			})
			.where(
				and(
					eq(cooperationInterests.networkId, networkId),
					eq(cooperationInterests.profileId, profile.id),
					eq(cooperationInterests.id, input.interestId),
					eq(cooperationInterests.status, 'accepted')
				)
			)
			.returning({ id: cooperationInterests.id });
		if (!recorded) return missedReason(tx, profile, input.interestId, 'NOT_ACCEPTED');
		await addStep(tx, { profile, interestId: recorded.id, kind: 'outcome_recorded', actorUserId: userId });
		await audit(tx, change, {
			networkId,
			profileId: profile.id,
			action: 'cooperation.outcome_recorded',
			details: {
				interestId: recorded.id,
				outcome: input.outcome,
				successStoryPublishable: input.successStoryPublishable
			}
		});
		return { ok: true as const, interestId: recorded.id };
	});
}

/**
 * Takes back a pending interest of one of `organisationIds` (the actor's): not one of theirs is
 * not found; whether this actor may ('cooperation.interest.withdraw': the sender while still in
 * the organisation, or its admins) is the policy's decision, per interest.
 */
export async function withdrawInterest(
	change: Change & { networkId: string; interestId: string; organisationIds: readonly string[] }
): Promise<InterestResult> {
	const userId = actorId(change);
	const { networkId, interestId } = change;
	if (change.organisationIds.length === 0) return refuse('NOT_FOUND');
	const ownInterest = and(
		eq(cooperationInterests.networkId, networkId),
		eq(cooperationInterests.id, interestId),
		inArray(cooperationInterests.organisationId, [...change.organisationIds])
	);
	return (await db()).transaction(async (tx) => {
		const [interest] = await tx
			.select({
				organisationId: cooperationInterests.organisationId,
				userId: cooperationInterests.userId
			})
			.from(cooperationInterests)
			.where(ownInterest);
		if (!interest) return refuse('NOT_FOUND');
		const resource = { networkId, organisationId: interest.organisationId, userId: interest.userId };
		if (!can(change.actor, 'cooperation.interest.withdraw', resource)) return refuse('FORBIDDEN');
		const now = new Date();
		const [withdrawn] = await tx
			.update(cooperationInterests)
			.set({ status: 'withdrawn', updatedAt: now })
			.where(and(ownInterest, eq(cooperationInterests.status, 'pending')))
			.returning({
				id: cooperationInterests.id,
				profileId: cooperationInterests.profileId,
				organisationId: cooperationInterests.organisationId
			});
		if (!withdrawn) return refuse('NOT_PENDING');
		await tx.insert(cooperationSteps).values({
			networkId,
			profileId: withdrawn.profileId,
			interestId,
			kind: 'interest_withdrawn',
			actorUserId: userId
		});
		await audit(tx, change, {
			networkId,
			profileId: withdrawn.profileId,
			action: 'cooperation.interest_withdrawn',
			details: { interestId, organisationId: withdrawn.organisationId }
		});
		return { ok: true as const, interestId };
	});
}
