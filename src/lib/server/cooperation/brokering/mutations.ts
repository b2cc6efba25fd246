import { and, eq } from 'drizzle-orm';
import { db, type DatabaseOrTransaction } from '../../db/index.ts';
import {
	cooperationInterests,
	cooperationProfiles,
	cooperationSteps,
	organisations
} from '../../db/schema/index.ts';
import { recordAudit, type AuditContext } from '../../audit/mutations.ts';
import { AppError } from '../../errors.ts';
import { findMailNetwork } from '../../networks/queries.ts';
import { isUuid } from '../../office/params.ts';
import type { Actor } from '../../policy/actor.ts';
import { can } from '../../policy/policy.ts';
import { findOrganisationAdmins, findRecipient, type MailRecipient } from '../review/queries.ts';
import { queueBrokeringMails } from './mail.ts';
import { findProposableEvent } from './queries.ts';

export type BrokerInput = {
	actor: Actor;
	networkId: string;
	profileId: string;
	origin: string;
	context?: AuditContext;
};

export type BrokerResult =
	| { ok: true }
	| { ok: false; reason: 'NOT_FOUND' | 'INTEREST_NOT_FOUND' | 'INTEREST_NOT_ACCEPTED' | 'EVENT_NOT_FOUND' };

function requireBroker(actor: Actor, networkId: string) {
	if (!can(actor, 'cooperation.broker', { networkId }))
		throw new AppError('FORBIDDEN', 'May not broker cooperation profiles.');
}

async function findProfileWithOwner(tx: DatabaseOrTransaction, networkId: string, profileId: string) {
	const [row] = await tx
		.select({
			id: cooperationProfiles.id,
			title: cooperationProfiles.title,
			organisationId: cooperationProfiles.organisationId,
			ownerName: organisations.name
		})
		.from(cooperationProfiles)
		.innerJoin(
			organisations,
			and(eq(organisations.id, cooperationProfiles.organisationId), eq(organisations.networkId, networkId))
		)
		.where(and(eq(cooperationProfiles.networkId, networkId), eq(cooperationProfiles.id, profileId)));
	return row ?? null;
}

/** An internal note of the office on the profile's timeline ('office_note'), never shown to its owner. */
export async function addOfficeNote(input: BrokerInput & { note: string }): Promise<BrokerResult> {
	requireBroker(input.actor, input.networkId);
	if (!isUuid(input.profileId)) return { ok: false, reason: 'NOT_FOUND' };
	return (await db()).transaction(async (tx): Promise<BrokerResult> => {
		const profile = await findProfileWithOwner(tx, input.networkId, input.profileId);
		if (!profile) return { ok: false, reason: 'NOT_FOUND' };
		await tx.insert(cooperationSteps).values({
			networkId: input.networkId,
			profileId: profile.id,
			kind: 'office_note',
			actorUserId: input.actor.userId,
			note: input.note
		});
		await recordAudit(
			{
				networkId: input.networkId,
				actor: input.actor,
				action: 'cooperation.office_note',
				targetType: 'cooperation_profile',
				targetId: profile.id,
				context: input.context
			},
			tx
		);
		return { ok: true };
	});
}

type Suggestion = BrokerInput & { interestId: string; message: string } & (
		{ kind: 'meeting'; meetingAt: Date; place: string } | { kind: 'event'; eventId: string }
	);

/** Both parties of the introduction: the owner's admins and whoever sent the interest (else its organisation's admins). */
async function bothParties(
	tx: DatabaseOrTransaction,
	networkId: string,
	ownerId: string,
	interest: { organisationId: string; userId: string | null }
): Promise<MailRecipient[]> {
	const sender = interest.userId ? await findRecipient(tx, interest.userId) : null;
	const partners = sender ? [sender] : await findOrganisationAdmins(tx, networkId, interest.organisationId);
	const all = [...(await findOrganisationAdmins(tx, networkId, ownerId)), ...partners];
	return all.filter((recipient, index) => all.findIndex((r) => r.email === recipient.email) === index);
}

/**
 * A meeting or an event slot suggested to both parties of an accepted expression of interest
 * (looked up within the profile). Only accepted ones: by accepting, the owner has revealed itself
 * and both sides have each other's contact details, so the office reveals nothing by writing to
 * both. The interest row is locked, so a suggestion cannot slip past a withdrawal.
 */
async function suggest(input: Suggestion): Promise<BrokerResult> {
	requireBroker(input.actor, input.networkId);
	if (!isUuid(input.profileId)) return { ok: false, reason: 'NOT_FOUND' };
	if (!isUuid(input.interestId)) return { ok: false, reason: 'INTEREST_NOT_FOUND' };
	return (await db()).transaction(async (tx): Promise<BrokerResult> => {
		const profile = await findProfileWithOwner(tx, input.networkId, input.profileId);
		if (!profile) return { ok: false, reason: 'NOT_FOUND' };
		const [interest] = await tx
			.select({
				id: cooperationInterests.id,
				status: cooperationInterests.status,
				organisationId: cooperationInterests.organisationId,
				userId: cooperationInterests.userId,
				partnerName: organisations.name
			})
			.from(cooperationInterests)
			.innerJoin(
				organisations,
				and(
					eq(organisations.id, cooperationInterests.organisationId),
					eq(organisations.networkId, input.networkId)
				)
			)
			.where(
				and(
					eq(cooperationInterests.networkId, input.networkId),
					eq(cooperationInterests.profileId, profile.id),
					eq(cooperationInterests.id, input.interestId)
				)
			)
			.for('update', { of: cooperationInterests });
		if (!interest) return { ok: false, reason: 'INTEREST_NOT_FOUND' };
		if (interest.status !== 'accepted') return { ok: false, reason: 'INTEREST_NOT_ACCEPTED' };
		const event =
			input.kind === 'event' ? await findProposableEvent(tx, input.networkId, input.eventId) : null;
		if (input.kind === 'event' && !event) return { ok: false, reason: 'EVENT_NOT_FOUND' };

		const kind = input.kind === 'meeting' ? 'meeting_suggested' : 'event_slot_proposed';
		await tx.insert(cooperationSteps).values({
			networkId: input.networkId,
			profileId: profile.id,
			interestId: interest.id,
			kind,
			actorUserId: input.actor.userId,
			note: input.message,
			...(input.kind === 'meeting'
				? { meetingAt: input.meetingAt, meetingPlace: input.place }
				: { eventId: event!.id })
		});
		const network = await findMailNetwork(tx, input.networkId);
		const origin = input.origin.replace(/\/$/, '');
		const common = {
			networkId: input.networkId,
			networkName: network.name,
			title: profile.title,
			owner: profile.ownerName,
			partner: interest.partnerName,
			message: input.message,
			profileLink: `${origin}/cooperation/${profile.id}`,
			recipients: await bothParties(tx, input.networkId, profile.organisationId, interest)
		};
		await queueBrokeringMails(
			input.kind === 'meeting'
				? { ...common, kind: 'meeting', meetingAt: input.meetingAt, place: input.place }
				: { ...common, kind: 'event', event: event!, eventLink: `${origin}/events/${event!.id}` },
			tx
		);
		await recordAudit(
			{
				networkId: input.networkId,
				actor: input.actor,
				action: `cooperation.${kind}`,
				targetType: 'cooperation_interest',
				targetId: interest.id,
				details: {
					profileId: profile.id,
					...(input.kind === 'meeting'
						? { meetingAt: input.meetingAt.toISOString(), place: input.place }
						: { eventId: event!.id })
				},
				context: input.context
			},
			tx
		);
		return { ok: true };
	});
}

export function suggestMeeting(
	input: BrokerInput & { interestId: string; meetingAt: Date; place: string; message: string }
): Promise<BrokerResult> {
	return suggest({ ...input, kind: 'meeting' });
}

export function proposeEventSlot(
	input: BrokerInput & { interestId: string; eventId: string; message: string }
): Promise<BrokerResult> {
	return suggest({ ...input, kind: 'event' });
}
