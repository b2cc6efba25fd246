import { and, eq, inArray } from 'drizzle-orm';
import { db, type Transaction } from '../db/index.ts';
import {
	circles,
	eventFormats,
	eventRegistrations,
	eventSeries,
	events,
	organisations
} from '../db/schema/index.ts';
import { recordAudit, type AuditContext } from '../audit/mutations.ts';
import { can } from '../policy/policy.ts';
import type { Actor } from '../policy/actor.ts';
import { localToUtc, utcToLocal } from '../../events/time.ts';
import { fillFreeSeats, queueRegistrationMail } from './registration/index.ts';
import { eventResource, type EventRow } from './scope.ts';
import type { EventInput, SeriesInput } from './schemas.ts';

/**
 * Creating, changing and cancelling events. Each use case is one transaction; who may do it is
 * asked of the policy with the event's (planned) organiser. Field errors are catalogue keys that
 * the route puts into the reader's language.
 */

export type FieldErrorKeys = Record<string, string>;
export type AuthoringFailure =
	| { ok: false; reason: 'NOT_FOUND' | 'NOT_ALLOWED' | 'CANCELLED' }
	| { ok: false; reason: 'INVALID'; fieldErrors: FieldErrorKeys };

export type CreateResult = { ok: true; event: EventRow; seriesEvents: EventRow[] } | AuthoringFailure;
export type UpdateResult = { ok: true; event: EventRow; notified: number } | AuthoringFailure;
export type CancelResult = { ok: true; event: EventRow; notified: number } | AuthoringFailure;

const DAY = 24 * 60 * 60 * 1000;

/** The referenced format, organisations and circles must be this network's. */
async function checkReferences(
	t: Transaction,
	networkId: string,
	input: EventInput
): Promise<FieldErrorKeys> {
	const errors: FieldErrorKeys = {};
	const [format] = await t
		.select({ id: eventFormats.id })
		.from(eventFormats)
		.where(and(eq(eventFormats.networkId, networkId), eq(eventFormats.id, input.formatId)));
	if (!format) errors.formatId = 'validation_choice';
	const organisationIds = [input.hostOrganisationId, input.organiserOrganisationId].filter(
		(id): id is string => !!id
	);
	if (organisationIds.length) {
		const found = new Set(
			(
				await t
					.select({ id: organisations.id })
					.from(organisations)
					.where(and(eq(organisations.networkId, networkId), inArray(organisations.id, organisationIds)))
			).map((row) => row.id)
		);
		if (input.hostOrganisationId && !found.has(input.hostOrganisationId))
			errors.hostOrganisationId = 'validation_choice';
		if (input.organiserOrganisationId && !found.has(input.organiserOrganisationId))
			errors.organiser = 'validation_choice';
	}
	const circleIds = [input.organiserCircleId, input.audienceCircleId].filter((id): id is string => !!id);
	if (circleIds.length) {
		const found = new Set(
			(
				await t
					.select({ id: circles.id })
					.from(circles)
					.where(and(eq(circles.networkId, networkId), inArray(circles.id, circleIds)))
			).map((row) => row.id)
		);
		if (input.organiserCircleId && !found.has(input.organiserCircleId))
			errors.organiser = 'validation_choice';
		if (input.audienceCircleId && !found.has(input.audienceCircleId))
			errors.audienceCircleId = 'validation_choice';
	}
	return errors;
}

function plannedResource(networkId: string, input: EventInput) {
	return eventResource({ networkId, ...input, status: input.status });
}

/** Shifts a local date ("2026-12-08") by whole days or months, keeping the day of month where it exists. */
function shiftLocalDate(date: string, repeat: 'weekly' | 'monthly', step: number) {
	const [year, month, day] = date.split('-').map(Number) as [number, number, number];
	if (repeat === 'weekly') {
		const shifted = new Date(Date.UTC(year, month - 1, day) + step * 7 * DAY);
		return shifted.toISOString().slice(0, 10);
	}
	const total = year * 12 + (month - 1) + step;
	const targetYear = Math.floor(total / 12);
	const targetMonth = (total % 12) + 1;
	const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
	return `${String(targetYear).padStart(4, '0')}-${String(targetMonth).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

/**
 * The dates of a series: the same local wall-clock time each week or month (18:00 stays 18:00
 * across the daylight-saving switch). An occurrence whose time does not exist that day is refused.
 */
export function seriesDates(startsAt: Date, endsAt: Date, series: SeriesInput) {
	if (series.repeat === 'none') return [{ startsAt, endsAt }];
	const start = utcToLocal(startsAt);
	const end = utcToLocal(endsAt);
	const dates: { startsAt: Date; endsAt: Date }[] = [];
	for (let step = 0; step < series.count; step++) {
		const s = localToUtc({ date: shiftLocalDate(start.date, series.repeat, step), time: start.time });
		const e = localToUtc({ date: shiftLocalDate(end.date, series.repeat, step), time: end.time });
		if (!s.ok || !e.ok || e.value < s.value) return null;
		dates.push({ startsAt: s.value, endsAt: e.value });
	}
	return dates;
}

/** Creates one event, or a series of them (one series row, N events). Audited. */
export async function createEvent(
	actor: Actor,
	input: EventInput,
	_origin: string,
	options: { series?: SeriesInput; context?: AuditContext } = {}
): Promise<CreateResult> {
	const networkId = actor.networkId;
	if (!can(actor, 'event.create', plannedResource(networkId, input)))
		return { ok: false, reason: 'NOT_ALLOWED' };
	const series = options.series ?? { repeat: 'none', count: 1 };
	const dates = seriesDates(input.startsAt, input.endsAt, series);
	if (!dates)
		return {
			ok: false,
			reason: 'INVALID',
			fieldErrors: { repeat: 'event_authoring_validation_series_time' }
		};
	return (await db()).transaction(async (t) => {
		const errors = await checkReferences(t, networkId, input);
		if (Object.keys(errors).length)
			return { ok: false as const, reason: 'INVALID' as const, fieldErrors: errors };
		let seriesId: string | null = null;
		if (dates.length > 1) {
			const [row] = await t
				.insert(eventSeries)
				.values({ networkId, title: input.titleDe })
				.returning({ id: eventSeries.id });
			seriesId = row!.id;
		}
		const created = await t
			.insert(events)
			.values(
				dates.map((date) => ({
					...input,
					...date,
					networkId,
					seriesId,
					createdBy: actor.userId
				}))
			)
			.returning();
		created.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
		for (const event of created) {
			await recordAudit(
				{
					networkId,
					actor,
					action: 'event.created',
					targetType: 'event',
					targetId: event.id,
					details: {
						title: event.titleDe,
						status: event.status,
						seriesId,
						startsAt: event.startsAt.toISOString()
					},
					context: options.context
				},
				t
			);
		}
		return { ok: true as const, event: created[0]!, seriesEvents: created };
	});
}

async function lockEvent(t: Transaction, networkId: string, eventId: string) {
	const [row] = await t
		.select()
		.from(events)
		.where(and(eq(events.networkId, networkId), eq(events.id, eventId)))
		.for('update');
	return row ?? null;
}

const sameInstant = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

/** What changed that attendees' calendars must pick up; time and place changes are also mailed. */
export function describeChange(before: EventRow, after: EventInput) {
	const timeChanged =
		!sameInstant(before.startsAt, after.startsAt) || !sameInstant(before.endsAt, after.endsAt);
	const placeChanged =
		before.locationKind !== after.locationKind ||
		before.venueName !== after.venueName ||
		before.street !== after.street ||
		before.postalCode !== after.postalCode ||
		before.city !== after.city ||
		(before.onlineUrl ?? null) !== (after.onlineUrl ?? null);
	const textChanged =
		before.titleDe !== after.titleDe ||
		before.titleEn !== after.titleEn ||
		before.descriptionDe !== after.descriptionDe ||
		before.descriptionEn !== after.descriptionEn;
	return { timeChanged, placeChanged, calendarChanged: timeChanged || placeChanged || textChanged };
}

/**
 * Saves the edit form. Capacity cannot go below the seats taken; more capacity promotes people
 * from the waitlist; a new time or place is mailed to everyone registered or waiting.
 */
export async function updateEvent(
	actor: Actor,
	eventId: string,
	input: EventInput,
	origin: string,
	context?: AuditContext
): Promise<UpdateResult> {
	const networkId = actor.networkId;
	return (await db()).transaction(async (t) => {
		const before = await lockEvent(t, networkId, eventId);
		if (!before) return { ok: false as const, reason: 'NOT_FOUND' as const };
		if (!can(actor, 'event.manage', eventResource(before)))
			return { ok: false as const, reason: 'NOT_ALLOWED' as const };
		// Handing the event to another organiser needs the right to organise for that one too.
		if (!can(actor, 'event.manage', plannedResource(networkId, input)))
			return {
				ok: false as const,
				reason: 'INVALID' as const,
				fieldErrors: { organiser: 'validation_choice' }
			};
		if (before.status === 'cancelled') return { ok: false as const, reason: 'CANCELLED' as const };
		const errors = await checkReferences(t, networkId, input);
		if (input.capacity !== null && input.capacity < before.seatsTaken)
			errors.capacity = 'event_authoring_validation_capacity_below_seats';
		if (Object.keys(errors).length)
			return { ok: false as const, reason: 'INVALID' as const, fieldErrors: errors };
		const change = describeChange(before, input);
		const [after] = await t
			.update(events)
			.set({
				...input,
				...(change.calendarChanged ? { sequence: before.sequence + 1, updatedAt: new Date() } : {})
			})
			.where(and(eq(events.networkId, networkId), eq(events.id, eventId)))
			.returning();
		const moreSeats =
			after!.capacity === null ? before.capacity !== null : (before.capacity ?? Infinity) < after!.capacity;
		if (moreSeats && after!.status === 'published') await fillFreeSeats(t, eventId, origin);
		let notified = 0;
		if ((change.timeChanged || change.placeChanged) && after!.status === 'published') {
			const registered = await t
				.select({ id: eventRegistrations.id })
				.from(eventRegistrations)
				.where(
					and(
						eq(eventRegistrations.networkId, networkId),
						eq(eventRegistrations.eventId, eventId),
						inArray(eventRegistrations.status, ['registered', 'waitlisted'])
					)
				);
			for (const registration of registered)
				await queueRegistrationMail(t, registration.id, 'event_updated', origin);
			notified = registered.length;
		}
		await recordAudit(
			{
				networkId,
				actor,
				action: 'event.updated',
				targetType: 'event',
				targetId: eventId,
				details: {
					title: after!.titleDe,
					timeChanged: change.timeChanged,
					placeChanged: change.placeChanged,
					sequence: after!.sequence,
					capacity: { from: before.capacity, to: after!.capacity },
					status: { from: before.status, to: after!.status },
					notified
				},
				context
			},
			t
		);
		const [current] = await t.select().from(events).where(eq(events.id, eventId));
		return { ok: true as const, event: current!, notified };
	});
}

/**
 * Cancels the event: status cancelled, SEQUENCE raised, and everyone still registered, waiting or
 * unconfirmed is told (with a cancelling calendar entry). Registrations stay as they are: the
 * attendee list keeps who was there to be told.
 */
export async function cancelEvent(
	actor: Actor,
	eventId: string,
	reason: string,
	origin: string,
	context?: AuditContext
): Promise<CancelResult> {
	const networkId = actor.networkId;
	return (await db()).transaction(async (t) => {
		const before = await lockEvent(t, networkId, eventId);
		if (!before) return { ok: false as const, reason: 'NOT_FOUND' as const };
		if (!can(actor, 'event.manage', eventResource(before)))
			return { ok: false as const, reason: 'NOT_ALLOWED' as const };
		if (before.status === 'cancelled') return { ok: false as const, reason: 'CANCELLED' as const };
		const now = new Date();
		const [after] = await t
			.update(events)
			.set({
				status: 'cancelled',
				cancelledAt: now,
				cancellationReason: reason.trim(),
				sequence: before.sequence + 1,
				updatedAt: now
			})
			.where(and(eq(events.networkId, networkId), eq(events.id, eventId)))
			.returning();
		const live = await t
			.select({ id: eventRegistrations.id })
			.from(eventRegistrations)
			.where(
				and(
					eq(eventRegistrations.networkId, networkId),
					eq(eventRegistrations.eventId, eventId),
					inArray(eventRegistrations.status, ['registered', 'waitlisted', 'pending'])
				)
			);
		// A draft never had anyone registered; everyone live on a published event is told.
		for (const registration of live)
			await queueRegistrationMail(t, registration.id, 'event_cancelled', origin);
		await recordAudit(
			{
				networkId,
				actor,
				action: 'event.cancelled',
				targetType: 'event',
				targetId: eventId,
				details: {
					title: before.titleDe,
					reason: reason.trim(),
					notified: live.length,
					sequence: after!.sequence
				},
				context
			},
			t
		);
		return { ok: true as const, event: after!, notified: live.length };
	});
}
