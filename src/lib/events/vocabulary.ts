/**
 * The events module's fixed vocabularies, shared by the database schema, the server, forms and the
 * client. Formats are not here: each network keeps its own list (event_formats).
 */
export const eventStatuses = ['draft', 'published', 'cancelled'] as const;
export type EventStatus = (typeof eventStatuses)[number];

export const eventLocationKinds = ['onsite', 'online', 'hybrid'] as const;
export type EventLocationKind = (typeof eventLocationKinds)[number];

/** Who runs the event: the network's office, an expert circle, or a member organisation. */
export const eventOrganiserKinds = ['office', 'circle', 'organisation'] as const;
export type EventOrganiserKind = (typeof eventOrganiserKinds)[number];

/** Who may see and register: everyone (guests too), the network's members, or one circle. */
export const eventAudiences = ['public', 'members', 'circle'] as const;
export type EventAudience = (typeof eventAudiences)[number];

export const eventQuestionKinds = ['text', 'yes_no', 'choice'] as const;
export type EventQuestionKind = (typeof eventQuestionKinds)[number];

/**
 * pending: a guest who has not yet confirmed by mail (holds no seat).
 * registered / attended / no_show hold a seat; waitlisted waits in arrival order.
 */
export const registrationStatuses = [
	'pending',
	'registered',
	'waitlisted',
	'cancelled',
	'attended',
	'no_show'
] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];

export const seatHoldingStatuses = [
	'registered',
	'attended',
	'no_show'
] as const satisfies readonly RegistrationStatus[];

export function holdsSeat(status: RegistrationStatus) {
	return (seatHoldingStatuses as readonly RegistrationStatus[]).includes(status);
}

/** The formats every new network starts with (keys stay stable; names can be edited). */
export const defaultEventFormats = [
	{ key: 'network-meeting', nameDe: 'Netzwerktreffen', nameEn: 'Network meeting' },
	{ key: 'circle-session', nameDe: 'Expertenkreis-Sitzung', nameEn: 'Expert circle session' },
	{ key: 'company-visit', nameDe: 'Werksbesichtigung', nameEn: 'Company visit' },
	{ key: 'workshop', nameDe: 'Workshop', nameEn: 'Workshop' },
	{ key: 'conference', nameDe: 'Konferenz', nameEn: 'Conference' },
	{ key: 'webinar', nameDe: 'Webinar', nameEn: 'Webinar' },
	{ key: 'trade-fair', nameDe: 'Messe', nameEn: 'Trade fair' }
] as const;

/** The network's time zone: every date is entered and shown in it. */
export const EVENT_TIME_ZONE = 'Europe/Berlin';

/** Default reminder: one day before the start. */
export const DEFAULT_REMINDER_MINUTES = 24 * 60;
