import { authorize, notFound } from '#lib/server/guard.ts';
import { isUuid } from '#lib/server/office/params.ts';
import { can } from '#lib/server/policy/policy.ts';
import { eventResource } from '#lib/server/events/scope.ts';
import { circleResource } from '#lib/server/circles/scope.ts';
import { findEvent, listAttachments } from '#lib/server/events/queries.ts';
import { findEventNames, listSeriesSiblings } from '#lib/server/events/authoring/queries.ts';
import { eventMeta } from '#lib/server/events/event-meta.ts';
import { registrationState } from '#lib/server/events/registration/index.ts';
import { holdsSeat } from '#lib/events/vocabulary.ts';
import {
	eventAddressQuery,
	eventDescription,
	eventLocationLine,
	eventTitle,
	formatEventRange,
	formatEventStart,
	paragraphs
} from '#lib/events/format.ts';
import { m } from '#lib/paraglide/messages.js';
import { config } from '#lib/server/config.ts';
import { isListed } from '#lib/server/directory/visibility.ts';
import type { MembershipStatus } from '#lib/directory/vocabulary.ts';

/**
 * One event. Unknown, malformed and other networks' ids are 404; an event the actor may not see
 * sends visitors to sign in and answers 403 to signed-in people. The online join link leaves the
 * server only for someone whose registration holds a seat.
 */
export const load = async (event) => {
	const { locals, params } = event;
	const { actor, locale } = locals;
	if (!isUuid(params.id)) notFound();
	const row = await findEvent(locals.network.id, params.id);
	if (!row) notFound();
	const resource = eventResource(row);
	authorize(event, 'event.view', resource);
	const [names, attachments, siblings, registration] = await Promise.all([
		findEventNames(row),
		listAttachments(row.networkId, row.id),
		listSeriesSiblings(actor, row),
		registrationState(actor, row)
	]);
	const circleName = (circle: { nameDe: string; nameEn: string } | null) =>
		circle ? (locale === 'en' ? circle.nameEn : circle.nameDe) : '';
	const organiser =
		row.organiserKind === 'office'
			? m.events_organiser_office({}, { locale })
			: row.organiserKind === 'circle'
				? m.events_organiser_circle({ circle: circleName(names.organiserCircle) }, { locale })
				: (names.organiserOrganisation?.name ?? '');
	const audience =
		row.audience === 'public'
			? m.events_audience_public_long({}, { locale })
			: row.audience === 'members'
				? m.events_audience_members_long({}, { locale })
				: m.events_audience_circle_named({ circle: circleName(names.audienceCircle) }, { locale });
	const seat = registration.own !== null && holdsSeat(registration.own.status);
	const hasPlace = row.locationKind !== 'online' && !!(row.venueName || row.city);
	const mapHref =
		row.latitude !== null && row.longitude !== null
			? `https://www.openstreetmap.org/?mlat=${row.latitude}&mlon=${row.longitude}#map=16/${row.latitude}/${row.longitude}`
			: eventAddressQuery(row)
				? `https://www.openstreetmap.org/search?query=${encodeURIComponent(eventAddressQuery(row))}`
				: null;
	const { MAP_TILE_URL, MAP_TILE_ATTRIBUTION } = config();
	// The place on the region's map, when the organiser gave coordinates.
	const map =
		hasPlace && row.latitude !== null && row.longitude !== null
			? {
					latitude: row.latitude,
					longitude: row.longitude,
					outlines: locals.network.settings.region?.outlines ?? [],
					tiles: MAP_TILE_URL ? { url: MAP_TILE_URL, attribution: MAP_TILE_ATTRIBUTION } : null
				}
			: null;
	return {
		map,
		event: {
			id: row.id,
			title: eventTitle(row, locale),
			status: row.status,
			cancellationReason: row.cancellationReason,
			format: names.format ? (locale === 'en' ? names.format.nameEn : names.format.nameDe) : '',
			when: formatEventRange(row.startsAt, row.endsAt, locale),
			isoStart: row.startsAt.toISOString(),
			isoEnd: row.endsAt.toISOString(),
			locationKind: row.locationKind,
			venueName: row.venueName,
			street: row.street,
			postalCode: row.postalCode,
			city: row.city,
			place: hasPlace ? eventLocationLine({ ...row, locationKind: 'onsite' }, locale) : '',
			mapHref: hasPlace ? mapHref : null,
			joinUrl: seat && row.locationKind !== 'onsite' && row.status === 'published' ? row.onlineUrl : null,
			host: names.hostOrganisation
				? {
						name: names.hostOrganisation.name,
						// Only organisations listed in the atlas have a public profile to link to.
						href: isListed(names.hostOrganisation.status as MembershipStatus, 'public')
							? `/atlas/${names.hostOrganisation.slug}`
							: null
					}
				: null,
			organiser,
			audience,
			contact: { name: row.contactName, email: row.contactEmail, phone: row.contactPhone },
			paragraphs: paragraphs(eventDescription(row, locale))
		},
		attachments,
		siblings: siblings.map((sibling) => ({
			id: sibling.id,
			title: eventTitle(sibling, locale),
			when: formatEventStart(sibling.startsAt, locale),
			isoStart: sibling.startsAt.toISOString(),
			status: sibling.status
		})),
		registration,
		// A circle's meeting has its agenda and minutes in the circle's workspace.
		circleMeetingHref:
			names.organiserCircle && can(actor, 'circle.read', circleResource(names.organiserCircle))
				? `/circles/${names.organiserCircle.slug}/meetings/${row.id}`
				: null,
		mayManage: can(actor, 'event.manage', resource),
		mayCheckIn: can(actor, 'event.check_in', resource),
		meta: eventMeta(row, { organiser, hostName: names.hostOrganisation?.name ?? null }, locals.origin, locale)
	};
};
