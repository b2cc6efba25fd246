import { serialiseJsonLd } from '../../components/directory/json-ld.ts';
import { eventDescription, eventTitle } from '../../events/format.ts';
import type { EventRow } from './scope.ts';

/**
 * What search engines and link previews read about an event: description, Open Graph tags and,
 * for public events only, schema.org `Event` JSON-LD (serialised with `<` escaped, so nothing in a
 * title or description can end the script element).
 */
type Locale = 'de' | 'en';

const attendanceMode = {
	onsite: 'https://schema.org/OfflineEventAttendanceMode',
	online: 'https://schema.org/OnlineEventAttendanceMode',
	hybrid: 'https://schema.org/MixedEventAttendanceMode'
} as const;

export function eventMeta(
	event: EventRow,
	names: { organiser: string; hostName: string | null },
	origin: string,
	locale: Locale
) {
	const url = `${origin}/events/${event.id}`;
	const title = eventTitle(event, locale);
	const fullDescription = eventDescription(event, locale).replace(/\s+/g, ' ').trim();
	const description =
		fullDescription.length > 200 ? `${fullDescription.slice(0, 197)}…` : fullDescription || title;
	const place = {
		'@type': 'Place',
		name: event.venueName || event.city,
		address: {
			'@type': 'PostalAddress',
			...(event.street ? { streetAddress: event.street } : {}),
			...(event.postalCode ? { postalCode: event.postalCode } : {}),
			...(event.city ? { addressLocality: event.city } : {}),
			addressCountry: 'DE'
		},
		...(event.latitude !== null && event.longitude !== null
			? { geo: { '@type': 'GeoCoordinates', latitude: event.latitude, longitude: event.longitude } }
			: {})
	};
	// The join link is for registered people only: the virtual location points at the event page.
	const virtual = { '@type': 'VirtualLocation', url };
	const location =
		event.locationKind === 'onsite' ? place : event.locationKind === 'online' ? virtual : [place, virtual];
	const isPublic = event.audience === 'public' && event.status !== 'draft';
	const jsonLd = isPublic
		? serialiseJsonLd({
				'@context': 'https://schema.org',
				'@type': 'Event',
				name: title,
				description,
				url,
				startDate: event.startsAt.toISOString(),
				endDate: event.endsAt.toISOString(),
				eventStatus:
					event.status === 'cancelled'
						? 'https://schema.org/EventCancelled'
						: 'https://schema.org/EventScheduled',
				eventAttendanceMode: attendanceMode[event.locationKind],
				location,
				organizer: { '@type': 'Organization', name: names.organiser },
				...(event.capacity !== null ? { maximumAttendeeCapacity: event.capacity } : {}),
				inLanguage: 'de'
			})
		: null;
	return { title, description, canonical: url, jsonLd };
}
