import { m } from '../../../paraglide/messages.js';
import { EVENT_TIME_ZONE } from '../../../events/vocabulary.ts';
import { eventTitle } from '../../../events/format.ts';
import {
	answerText,
	questionLabel,
	registrationStatusLabel
} from '../../../components/events/organiser/labels.ts';
import { toCsv, toXlsx } from '../../directory-export/writers.ts';
import type { EventRow } from '../scope.ts';
import { listAttendees, questionsOf, type AttendeeFilter } from './queries.ts';

type Locale = 'de' | 'en';
export type AttendeeExportFormat = 'csv' | 'xlsx';

const stamps = new Map<Locale, Intl.DateTimeFormat>();
/** "24.11.2026, 09:12" in Europe/Berlin, whatever the server's zone. */
export function berlinStamp(instant: Date, locale: Locale) {
	let format = stamps.get(locale);
	if (!format) {
		format = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'de-DE', {
			timeZone: EVENT_TIME_ZONE,
			dateStyle: 'medium',
			timeStyle: 'short'
		});
		stamps.set(locale, format);
	}
	return format.format(instant);
}

/** The attendee list as a table: fixed columns, then one column per registration question. */
export async function attendeeTable(
	networkId: string,
	eventId: string,
	filter: AttendeeFilter,
	locale: Locale
) {
	const [questions, attendees] = await Promise.all([
		questionsOf(networkId, eventId),
		listAttendees(networkId, eventId, filter)
	]);
	const options = { locale };
	const headers = [
		m.event_organiser_column_name({}, options),
		m.event_organiser_column_organisation({}, options),
		m.event_organiser_column_email({}, options),
		m.event_organiser_column_status({}, options),
		m.event_organiser_column_registered_at({}, options),
		m.event_organiser_column_checked_in_at({}, options),
		...questions.map((question) => questionLabel(question, locale))
	];
	const rows = attendees.map((attendee) => [
		attendee.name,
		attendee.organisationName,
		attendee.email,
		registrationStatusLabel(attendee.status, locale),
		berlinStamp(attendee.createdAt, locale),
		attendee.checkedInAt ? berlinStamp(attendee.checkedInAt, locale) : '',
		...questions.map((question) => answerText(question.kind, attendee.answers[question.id], locale))
	]);
	return { headers, rows };
}

/** The file for `attendees.{csv,xlsx}`: formulas are defused by the shared writers. */
export async function exportAttendees(input: {
	networkId: string;
	event: EventRow;
	filter: AttendeeFilter;
	locale: Locale;
	format: AttendeeExportFormat;
}) {
	const { headers, rows } = await attendeeTable(input.networkId, input.event.id, input.filter, input.locale);
	const body =
		input.format === 'csv'
			? toCsv(headers, rows)
			: await toXlsx(m.event_organiser_export_sheet({}, { locale: input.locale }), headers, rows);
	const slug = eventTitle(input.event, input.locale)
		.normalize('NFKD')
		.replace(/[^\w-]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.toLowerCase();
	const fileName = `${m.event_organiser_export_file({}, { locale: input.locale })}-${slug || input.event.id}.${input.format}`;
	return { body, fileName };
}
