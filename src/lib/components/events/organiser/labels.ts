import { m } from '#lib/paraglide/messages.js';
import type { RegistrationStatus } from '#lib/events/vocabulary.ts';

type Locale = 'de' | 'en';
type Message = (params?: object, options?: { locale?: Locale }) => string;

/** Display names of registration statuses; with a locale for exports and mails. */
const statuses: Record<RegistrationStatus, Message> = {
	pending: m.event_organiser_status_pending,
	registered: m.event_organiser_status_registered,
	waitlisted: m.event_organiser_status_waitlisted,
	cancelled: m.event_organiser_status_cancelled,
	attended: m.event_organiser_status_attended,
	no_show: m.event_organiser_status_no_show
};

export function registrationStatusLabel(status: RegistrationStatus, locale?: Locale) {
	return statuses[status]({}, locale ? { locale } : undefined);
}

/** The order the filter offers them in. */
export const statusFilterOptions: RegistrationStatus[] = [
	'registered',
	'waitlisted',
	'pending',
	'attended',
	'no_show',
	'cancelled'
];

/** An answer as a person reads it: yes/no questions in words, everything else verbatim. */
export function answerText(kind: string, value: string | undefined, locale?: Locale) {
	if (value === undefined || value === '') return '';
	const options = locale ? { locale } : undefined;
	if (kind === 'yes_no') {
		if (['yes', 'true', 'on', '1'].includes(value)) return m.event_organiser_answer_yes({}, options);
		if (['no', 'false', 'off', '0'].includes(value)) return m.event_organiser_answer_no({}, options);
	}
	return value;
}

export function questionLabel(question: { labelDe: string; labelEn: string }, locale: Locale) {
	return locale === 'en' && question.labelEn.trim() ? question.labelEn : question.labelDe;
}
