import { z } from 'zod';
import { apiSchemas, localizedTextSchema, maxPageSize } from '../../api/schemas.ts';
import {
	EVENT_TIME_ZONE,
	eventAudiences,
	eventLocationKinds,
	eventOrganiserKinds
} from '../../events/vocabulary.ts';

/**
 * The events API's shapes: registered in the same registry as the other API schemas, so the
 * OpenAPI document gets them as named components; the handlers build their answers with them.
 */

export const apiEventSchema = z
	.object({
		id: z.uuid(),
		title: localizedTextSchema.meta({ description: 'The English title may be empty.' }),
		description: localizedTextSchema.meta({
			description: 'Plain text; paragraphs separated by blank lines.'
		}),
		format: z
			.object({
				key: z.string().meta({ description: 'Stable key of the format; use it as the `format` filter.' }),
				name: localizedTextSchema
			})
			.meta({ description: "One of the network's event formats (network meeting, workshop, …)." }),
		startsAt: z.iso.datetime().meta({ description: 'Start, in UTC (ISO 8601).' }),
		endsAt: z.iso.datetime().meta({ description: 'End, in UTC (ISO 8601).' }),
		timeZone: z.literal(EVENT_TIME_ZONE).meta({
			description: 'The zone the event is planned and shown in; convert the UTC times for display.'
		}),
		location: z
			.object({
				kind: z.enum(eventLocationKinds),
				venueName: z.string(),
				street: z.string(),
				postalCode: z.string(),
				city: z.string(),
				latitude: z.number().min(-90).max(90).nullable(),
				longitude: z.number().min(-180).max(180).nullable()
			})
			.meta({
				description:
					'Where the event takes place. For online and hybrid events the join link is never part of the API: registered participants get it by mail and on the event page.'
			}),
		organiser: z
			.object({
				kind: z.enum(eventOrganiserKinds),
				name: localizedTextSchema,
				circleId: z.uuid().nullable(),
				organisationId: z.uuid().nullable()
			})
			.meta({
				description: "Who runs the event: the network's office, an expert circle or a member organisation."
			}),
		host: z
			.object({ id: z.uuid(), name: z.string() })
			.nullable()
			.meta({ description: 'The organisation hosting the event (e.g. for a company visit), if any.' }),
		audience: z.enum(eventAudiences).meta({
			description:
				'`public` (everyone, guests may register), `members` (the network), or `circle` (one circle).'
		}),
		audienceCircleId: z.uuid().nullable().meta({ description: 'The circle of a `circle` audience.' }),
		capacity: z.int().min(0).nullable().meta({ description: 'Seats in total; null means no limit.' }),
		seatsLeft: z.int().min(0).nullable().meta({
			description: 'Seats still free; null means no limit. When 0, registrations go to the waitlist.'
		}),
		status: z.enum(['published', 'cancelled']).meta({ description: 'Cancelled events stay listed.' }),
		url: z.url().meta({ description: 'The event page.' }),
		icsUrl: z.url().meta({ description: 'The event as an iCalendar file.' })
	})
	.register(apiSchemas, { id: 'Event', description: 'An event of the network, as the caller may see it.' });
export type ApiEvent = z.infer<typeof apiEventSchema>;

export const apiEventListSchema = z
	.object({
		data: z.array(apiEventSchema),
		page: z.int().min(1),
		pageSize: z.int().min(1).max(maxPageSize),
		total: z.int().min(0).meta({ description: 'Number of matching events on all pages.' })
	})
	.register(apiSchemas, { id: 'EventList', description: 'One page of events, in order of their start.' });

const HOUR = 60 * 60 * 1000;
const offsetFormatter = new Intl.DateTimeFormat('en-GB', {
	timeZone: EVENT_TIME_ZONE,
	timeZoneName: 'longOffset'
});

/** Offset of Europe/Berlin at an instant, in milliseconds ("GMT+02:00" → 7 200 000). */
function berlinOffset(instant: number): number {
	const name = offsetFormatter.formatToParts(new Date(instant)).find((p) => p.type === 'timeZoneName')?.value;
	const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
	if (!match) return 0;
	return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * HOUR + Number(match[3]) * 60_000);
}

/**
 * Midnight of a calendar day in Europe/Berlin. Midnight exists exactly once there (the switches
 * happen at 02:00 and 03:00), and two hours before UTC midnight is still the previous evening on
 * both sides of a switch, so the offset taken there is the one in force at local midnight.
 */
export function berlinMidnight(date: string): Date {
	const [year, month, day] = date.split('-').map(Number) as [number, number, number];
	const utcMidnight = Date.UTC(year, month - 1, day);
	return new Date(utcMidnight - berlinOffset(utcMidnight - 2 * HOUR));
}

/** A day (`2026-12-01`, midnight in Europe/Berlin) or an instant with its offset. */
const instant = (description: string) =>
	z
		.union([z.iso.date(), z.iso.datetime({ offset: true })], { message: 'api_validation_datetime' })
		.transform((value) => (value.length === 10 ? berlinMidnight(value) : new Date(value)))
		.meta({ description, examples: ['2026-12-01', '2026-12-01T17:00:00Z'] });

const pageNumber = (fallback: number, max: number) =>
	z.coerce
		.number({ message: 'api_validation_integer' })
		.int('api_validation_integer')
		.min(1, 'api_validation_min')
		.max(max, 'api_validation_max')
		.default(fallback);

export const eventListQuerySchema = z
	.object({
		from: instant(
			'Only events that end at or after this moment. A day means its midnight in Europe/Berlin. Default: now (upcoming and running events).'
		).optional(),
		to: instant(
			'Only events that start before this moment. A day means its midnight in Europe/Berlin.'
		).optional(),
		format: z
			.string()
			.trim()
			.min(1, 'validation_required')
			.max(80, 'validation_too_long')
			.regex(/^[a-z0-9-]+$/, 'validation_invalid')
			.optional()
			.meta({
				description: 'Only events of this format, by key (see `format.key`).',
				examples: ['workshop']
			}),
		circle: z
			.uuid('validation_invalid')
			.optional()
			.meta({ description: 'Only events for this circle or organised by it (by id).' }),
		audience: z
			.enum(eventAudiences, 'validation_choice')
			.optional()
			.meta({ description: 'Only events with this audience.' }),
		page: pageNumber(1, 1_000_000).meta({ description: 'Page number, starting at 1.' }),
		pageSize: pageNumber(20, maxPageSize).meta({ description: `Events per page (at most ${maxPageSize}).` })
	})
	.refine((query) => !query.from || !query.to || query.to > query.from, {
		message: 'api_validation_range',
		path: ['to']
	});
export type EventListQuery = z.infer<typeof eventListQuerySchema>;
