import { z } from 'zod';
import { EVENT_TIME_ZONE } from '../../events/vocabulary.ts';
import { m } from '../../paraglide/messages.js';
import { findApiEvent, listApiEvents, type FeedEvent } from '../events/feeds/queries.ts';
import { isUuid } from '../office/params.ts';
import { errorResponse, okResponse, requirePermission, runApi, type ApiContext } from './http.ts';
import { parseQuery } from './query-params.ts';
import { apiEventListSchema, eventListQuerySchema, type ApiEvent } from './events-schemas.ts';

/**
 * GET /api/v1/events and /events/{id}: the calendar's events as JSON. Which events a caller gets
 * is the calendar's rule (the policy's 'event.view' as SQL): without a token the public ones; with
 * one what the token's user may see. Drafts never; the join link never.
 */

/** The event as the API shows it; `networkName` names the office as organiser. */
export function toApiEvent(row: FeedEvent, origin: string, networkName: string): ApiEvent {
	const { event } = row;
	const organiserName =
		event.organiserKind === 'circle'
			? { de: row.organiserCircleNameDe ?? '', en: row.organiserCircleNameEn ?? '' }
			: event.organiserKind === 'organisation'
				? { de: row.organiserOrganisationName ?? '', en: row.organiserOrganisationName ?? '' }
				: { de: networkName, en: networkName };
	return {
		id: event.id,
		title: { de: event.titleDe, en: event.titleEn },
		description: { de: event.descriptionDe, en: event.descriptionEn },
		format: { key: row.format.key, name: { de: row.format.nameDe, en: row.format.nameEn } },
		startsAt: event.startsAt.toISOString(),
		endsAt: event.endsAt.toISOString(),
		timeZone: EVENT_TIME_ZONE,
		location: {
			kind: event.locationKind,
			venueName: event.venueName,
			street: event.street,
			postalCode: event.postalCode,
			city: event.city,
			latitude: event.latitude,
			longitude: event.longitude
		},
		organiser: {
			kind: event.organiserKind,
			name: organiserName,
			circleId: event.organiserCircleId,
			organisationId: event.organiserOrganisationId
		},
		host:
			event.hostOrganisationId && row.hostName ? { id: event.hostOrganisationId, name: row.hostName } : null,
		audience: event.audience,
		audienceCircleId: event.audienceCircleId,
		capacity: event.capacity,
		seatsLeft: event.capacity === null ? null : Math.max(0, event.capacity - event.seatsTaken),
		// Drafts are never selected for the API.
		status: event.status === 'cancelled' ? 'cancelled' : 'published',
		url: `${origin}/events/${event.id}`,
		icsUrl: `${origin}/events/${event.id}/event.ics`
	};
}

type NetworkName = { networkName: string };

/** GET /api/v1/events — one page of the events the caller may see, by start. */
export function listEvents(ctx: ApiContext & NetworkName) {
	return runApi(ctx, async (actor) => {
		requirePermission(actor, 'api.events.read');
		const query = parseQuery(ctx.url, eventListQuerySchema);
		const { rows, total } = await listApiEvents(actor, {
			from: query.from ?? new Date(),
			to: query.to,
			formatKey: query.format,
			circleId: query.circle?.toLowerCase(),
			audience: query.audience,
			page: query.page,
			pageSize: query.pageSize
		});
		const body: z.infer<typeof apiEventListSchema> = {
			data: rows.map((row) => toApiEvent(row, ctx.url.origin, ctx.networkName)),
			page: query.page,
			pageSize: query.pageSize,
			total
		};
		return okResponse(body, actor);
	});
}

/**
 * GET /api/v1/events/{id}. Unknown, malformed, other networks' and invisible events (drafts
 * included) all answer the same 404, so an id reveals nothing about what exists.
 */
export function showEvent(ctx: ApiContext & NetworkName, id: string) {
	return runApi(ctx, async (actor) => {
		requirePermission(actor, 'api.events.read');
		const row = isUuid(id) ? await findApiEvent(actor, id.toLowerCase()) : null;
		if (!row) return errorResponse('NOT_FOUND', 404, m.api_error_event_not_found({}, { locale: ctx.locale }));
		return okResponse(toApiEvent(row, ctx.url.origin, ctx.networkName), actor);
	});
}
