import type { z } from 'zod';
import type { ApiEvent, apiEventListSchema } from './events-schemas.ts';

/** Example answers of the events endpoints for the OpenAPI document (parsed by the schemas in the tests). */

const origin = 'https://kompetenz.example';
const id = '3c9a7e10-5b2d-4f6e-9a81-0c2d3e4f5a6b';

export const eventExample: ApiEvent = {
	id,
	title: {
		de: 'Werksbesichtigung: Batteriegehäuse in Serie',
		en: 'Company visit: battery housings in series'
	},
	description: {
		de: 'Rundgang durch die Fertigung mit anschließendem Austausch.',
		en: 'Tour of the production followed by an exchange.'
	},
	format: { key: 'company-visit', name: { de: 'Werksbesichtigung', en: 'Company visit' } },
	startsAt: '2026-10-24T23:30:00.000Z',
	endsAt: '2026-10-25T02:30:00.000Z',
	timeZone: 'Europe/Berlin',
	location: {
		kind: 'onsite',
		venueName: 'Hasetal Präzisionsteile GmbH',
		street: 'Hafenring 12',
		postalCode: '49090',
		city: 'Osnabrück',
		latitude: 52.2925,
		longitude: 8.0331
	},
	organiser: {
		kind: 'office',
		name: { de: 'Kompetenznetz Osnabrück', en: 'Kompetenznetz Osnabrück' },
		circleId: null,
		organisationId: null
	},
	host: { id: '0b6f3c5e-8a51-4c1e-9d0f-1f2a3b4c5d6e', name: 'Hasetal Präzisionsteile GmbH' },
	audience: 'public',
	audienceCircleId: null,
	capacity: 30,
	seatsLeft: 4,
	status: 'published',
	url: `${origin}/events/${id}`,
	icsUrl: `${origin}/events/${id}/event.ics`
};

export const eventListExample: z.infer<typeof apiEventListSchema> = {
	data: [eventExample],
	page: 1,
	pageSize: 20,
	total: 1
};
