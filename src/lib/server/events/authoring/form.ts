import type { z } from 'zod';
import { m } from '../../../paraglide/messages.js';
import { localizeIssues, type FieldErrors } from '../../forms.ts';
import { utcToLocal } from '../../../events/time.ts';
import type { Actor } from '../../policy/actor.ts';
import { can } from '../../policy/policy.ts';
import { listCircles, listEventOrganisations, listFormats } from '../queries.ts';
import { eventFields, eventRelations, seriesFields, type EventInput, type SeriesInput } from '../schemas.ts';
import type { EventRow } from '../scope.ts';

/**
 * The event form's server side: the choices an actor gets (formats, organisers they may use,
 * host organisations, circles), the form values of a stored event, and parsing a posted form
 * into the shared schema with field errors in the reader's language.
 */
type Locale = 'de' | 'en';
export type Option = { value: string; label: string };

export async function eventFormOptions(actor: Actor, locale: Locale, current?: EventRow) {
	const networkId = actor.networkId;
	const [formats, organisations, circles] = await Promise.all([
		listFormats(networkId),
		listEventOrganisations(networkId),
		listCircles(networkId)
	]);
	const circleName = (circle: { nameDe: string; nameEn: string }) =>
		locale === 'en' ? circle.nameEn : circle.nameDe;
	// Which organisers the actor may choose is the policy's 'event.create' for each candidate.
	const mayOrganise = (
		organiserKind: EventRow['organiserKind'],
		organiserCircleId: string | null,
		organiserOrganisationId: string | null
	) =>
		can(actor, 'event.create', {
			networkId,
			event: {
				status: 'draft',
				audience: 'members',
				audienceCircleId: null,
				organiserKind,
				organiserCircleId,
				organiserOrganisationId,
				hostOrganisationId: null
			}
		});
	// The current organiser stays selectable, so saving an event never changes it by accident.
	const organisers: Option[] = [
		...(mayOrganise('office', null, null) || current?.organiserKind === 'office'
			? [{ value: 'office', label: m.event_authoring_organiser_office({}, { locale }) }]
			: []),
		...circles
			.filter((circle) => mayOrganise('circle', circle.id, null) || current?.organiserCircleId === circle.id)
			.map((circle) => ({
				value: `circle:${circle.id}`,
				label: m.event_authoring_organiser_circle({ name: circleName(circle) }, { locale })
			})),
		...organisations
			.filter(
				(organisation) =>
					mayOrganise('organisation', null, organisation.id) ||
					current?.organiserOrganisationId === organisation.id
			)
			.map((organisation) => ({ value: `organisation:${organisation.id}`, label: organisation.name }))
	];
	return {
		formats: formats.map((format) => ({
			value: format.id,
			label: locale === 'en' ? format.nameEn : format.nameDe
		})),
		organisers,
		hosts: [
			{ value: '', label: m.event_authoring_host_none({}, { locale }) },
			...organisations.map((organisation) => ({ value: organisation.id, label: organisation.name }))
		],
		circles: [
			{ value: '', label: m.event_authoring_circle_none({}, { locale }) },
			...circles.map((circle) => ({ value: circle.id, label: circleName(circle) }))
		]
	};
}

/** The stored event as the form's string values. */
export function eventFormValues(event: EventRow): Record<string, string> {
	const start = utcToLocal(event.startsAt);
	const end = utcToLocal(event.endsAt);
	const opens = event.registrationOpensAt ? utcToLocal(event.registrationOpensAt) : null;
	const closes = event.registrationClosesAt ? utcToLocal(event.registrationClosesAt) : null;
	return {
		titleDe: event.titleDe,
		titleEn: event.titleEn,
		descriptionDe: event.descriptionDe,
		descriptionEn: event.descriptionEn,
		formatId: event.formatId,
		startDate: start.date,
		startTime: start.time,
		endDate: end.date,
		endTime: end.time,
		locationKind: event.locationKind,
		venueName: event.venueName,
		street: event.street,
		postalCode: event.postalCode,
		city: event.city,
		latitude: event.latitude === null ? '' : String(event.latitude),
		longitude: event.longitude === null ? '' : String(event.longitude),
		onlineUrl: event.onlineUrl ?? '',
		hostOrganisationId: event.hostOrganisationId ?? '',
		organiser:
			event.organiserKind === 'office'
				? 'office'
				: event.organiserKind === 'circle'
					? `circle:${event.organiserCircleId}`
					: `organisation:${event.organiserOrganisationId}`,
		audience: event.audience,
		audienceCircleId: event.audienceCircleId ?? '',
		capacity: event.capacity === null ? '' : String(event.capacity),
		registrationEnabled: event.registrationEnabled ? 'on' : '',
		registrationOpensDate: opens?.date ?? '',
		registrationOpensTime: opens?.time ?? '',
		registrationClosesDate: closes?.date ?? '',
		registrationClosesTime: closes?.time ?? '',
		contactName: event.contactName,
		contactEmail: event.contactEmail,
		contactPhone: event.contactPhone,
		reminderHours: String(Math.round(event.reminderMinutesBefore / 60)),
		status: event.status === 'draft' ? 'draft' : 'published'
	};
}

/**
 * Defaults of a new event's form: published, registration on, members' audience. A circle asked
 * for (`?organiser=circle:<id>`, the circle's "Sitzung planen") is preselected as organiser and
 * audience when it is among the actor's choices; otherwise the request is ignored.
 */
export function newEventFormValues(organisers: Option[], requested?: string | null): Record<string, string> {
	const circle =
		requested?.startsWith('circle:') && organisers.some((option) => option.value === requested)
			? requested.slice('circle:'.length)
			: null;
	return {
		locationKind: 'onsite',
		audience: circle ? 'circle' : 'members',
		...(circle ? { audienceCircleId: circle } : {}),
		registrationEnabled: 'on',
		reminderHours: '24',
		status: 'published',
		organiser: circle ? `circle:${circle}` : (organisers[0]?.value ?? '')
	};
}

/** Catalogue keys from a domain result, in the reader's language. */
export function translateKeys(keys: Record<string, string>, locale: Locale): FieldErrors {
	const catalogue = m as unknown as Record<string, (p?: object, o?: { locale: string }) => string>;
	return Object.fromEntries(
		Object.entries(keys).map(([field, key]) => [
			field,
			(catalogue[key] ?? m.validation_invalid)({}, { locale })
		])
	);
}

type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

function parse<S extends z.ZodType>(
	schema: S,
	raw: Record<string, unknown>,
	locale: Locale
): Parsed<z.output<S>> {
	const result = schema.safeParse(raw);
	return result.success
		? { ok: true, data: result.data }
		: { ok: false, errors: localizeIssues(result.error.issues, locale) };
}

export function formRecord(form: FormData): Record<string, unknown> {
	return Object.fromEntries([...form.keys()].map((key) => [key, form.get(key)]));
}

export function parseEventForm(
	form: FormData,
	locale: Locale,
	withSeries: boolean
): { ok: true; input: EventInput; series: SeriesInput } | { ok: false; errors: FieldErrors } {
	const raw = formRecord(form);
	const event = parse(eventFields, raw, locale);
	const series = withSeries
		? parse(seriesFields, raw, locale)
		: { ok: true as const, data: { repeat: 'none' as const, count: 1 } };
	if (event.ok && series.ok) return { ok: true, input: event.data, series: series.data };
	const errors = { ...(event.ok ? {} : event.errors), ...(series.ok ? {} : series.errors) };
	// zod skips the checks across fields while single fields fail: add them, so one round shows all.
	const related = Object.fromEntries(eventRelations(raw).issues.map((issue) => [issue.path, issue.message]));
	return { ok: false, errors: { ...translateKeys(related, locale), ...errors } };
}
