import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import { db } from '../../db/index.ts';
import { eventQuestions, eventRegistrations, events, networks } from '../../db/schema/index.ts';
import { can } from '../../policy/policy.ts';
import type { Actor } from '../../policy/actor.ts';
import { eventResource, type EventRow } from '../scope.ts';
import type { Question } from './answers.ts';
import { waitlistPosition } from './position.ts';
import { hashToken, isTokenShaped } from './tokens.ts';
import type { OwnRegistration, RegistrationState } from './types.ts';
import { closedReason } from './window.ts';

/** The event with this id in this network (no policy: callers authorize). */
export async function findEventRow(networkId: string, eventId: string): Promise<EventRow | null> {
	const [row] = await (
		await db()
	)
		.select()
		.from(events)
		.where(and(eq(events.id, eventId), eq(events.networkId, networkId)));
	return row ?? null;
}

export async function listQuestions(networkId: string, eventId: string): Promise<Question[]> {
	return (await db())
		.select({
			id: eventQuestions.id,
			kind: eventQuestions.kind,
			labelDe: eventQuestions.labelDe,
			labelEn: eventQuestions.labelEn,
			options: eventQuestions.options,
			required: eventQuestions.required,
			position: eventQuestions.position
		})
		.from(eventQuestions)
		.where(and(eq(eventQuestions.eventId, eventId), eq(eventQuestions.networkId, networkId)))
		.orderBy(asc(eventQuestions.position), asc(eventQuestions.id));
}

/**
 * The event with its questions (in form order) in one query — what a registration reads before it
 * checks the answers (no policy: callers authorize).
 */
export async function findEventWithQuestions(
	networkId: string,
	eventId: string
): Promise<{ event: EventRow; questions: Question[] } | null> {
	const [row] = await (
		await db()
	)
		.select({
			event: events,
			questions: sql<Question[]>`(
				select coalesce(json_agg(json_build_object(
					'id', q.id, 'kind', q.kind, 'labelDe', q.label_de, 'labelEn', q.label_en,
					'options', q.options, 'required', q.required, 'position', q.position
				) order by q.position, q.id), '[]')
				from ${eventQuestions} q
				where q.event_id = ${eventId} and q.network_id = ${networkId}
			)`.mapWith((value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value) as Question[])
		})
		.from(events)
		.where(and(eq(events.id, eventId), eq(events.networkId, networkId)));
	return row ?? null;
}

export async function networkName(networkId: string): Promise<string> {
	const [row] = await (
		await db()
	)
		.select({ name: networks.name })
		.from(networks)
		.where(eq(networks.id, networkId));
	return row?.name ?? '';
}

/** The actor's live (not cancelled) registration for the event. */
export async function findOwnRegistration(actor: Actor, eventId: string): Promise<OwnRegistration | null> {
	if (!actor.userId) return null;
	const [row] = await (
		await db()
	)
		.select({ id: eventRegistrations.id, status: eventRegistrations.status })
		.from(eventRegistrations)
		.where(
			and(
				eq(eventRegistrations.eventId, eventId),
				eq(eventRegistrations.networkId, actor.networkId),
				eq(eventRegistrations.userId, actor.userId),
				ne(eventRegistrations.status, 'cancelled')
			)
		);
	if (!row) return null;
	const position = row.status === 'waitlisted' ? await waitlistPosition(await db(), row.id) : null;
	return { id: row.id, status: row.status, waitlistPosition: position };
}

async function waitlistLength(eventId: string) {
	const [row] = await (
		await db()
	)
		.select({ n: count() })
		.from(eventRegistrations)
		.where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.status, 'waitlisted')));
	return Number(row?.n ?? 0);
}

/** What the event page shows about registering, for this actor. */
export async function registrationState(actor: Actor, event: EventRow): Promise<RegistrationState> {
	const resource = eventResource(event);
	const reason = closedReason(event);
	const [own, questions, waiting] = await Promise.all([
		findOwnRegistration(actor, event.id),
		listQuestions(event.networkId, event.id),
		waitlistLength(event.id)
	]);
	const canMember = can(actor, 'event.register', resource);
	return {
		eventId: event.id,
		own,
		capacity: event.capacity,
		seatsLeft: event.capacity === null ? null : Math.max(0, event.capacity - event.seatsTaken),
		waitlistLength: waiting,
		isOpen: reason === null,
		closedReason: reason,
		opensAt: reason === 'not_yet_open' ? event.registrationOpensAt : null,
		canRegisterAsMember: canMember,
		canRegisterAsGuest: !actor.userId && can(actor, 'event.register_guest', resource),
		mayRegisterAfterSignIn: !actor.userId && event.status === 'published',
		questions
	};
}

/** A registration by its personal link (the plain token from the mail), with its event. */
export async function findRegistrationByAccessToken(networkId: string, token: string) {
	if (!isTokenShaped(token)) return null;
	const [row] = await (
		await db()
	)
		.select({ registration: eventRegistrations, event: events })
		.from(eventRegistrations)
		.innerJoin(events, eq(events.id, eventRegistrations.eventId))
		.where(
			and(
				eq(eventRegistrations.accessTokenHash, hashToken(token)),
				eq(eventRegistrations.networkId, networkId)
			)
		);
	if (!row) return null;
	const position =
		row.registration.status === 'waitlisted' ? await waitlistPosition(await db(), row.registration.id) : null;
	return { ...row, waitlistPosition: position };
}

/** The pending guest registration a confirmation link names (valid or not), with its event. */
export async function findPendingByConfirmToken(networkId: string, token: string) {
	if (!isTokenShaped(token)) return null;
	const [row] = await (
		await db()
	)
		.select({
			id: eventRegistrations.id,
			name: eventRegistrations.name,
			expired: sql<boolean>`${eventRegistrations.confirmExpiresAt} <= now()`,
			event: events
		})
		.from(eventRegistrations)
		.innerJoin(events, eq(events.id, eventRegistrations.eventId))
		.where(
			and(
				eq(eventRegistrations.confirmTokenHash, hashToken(token)),
				eq(eventRegistrations.networkId, networkId),
				eq(eventRegistrations.status, 'pending')
			)
		);
	return row ?? null;
}
