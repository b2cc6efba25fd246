import { m } from '../../../paraglide/messages.js';
import type { CircleActivityKind, CircleJoinPolicy } from '../../../circles/vocabulary.ts';

/** How one joins a circle, in words. */
export const joinPolicyLabels: Record<CircleJoinPolicy, () => string> = {
	open: m.circles_join_policy_open,
	request: m.circles_join_policy_request,
	invitation: m.circles_join_policy_invitation
};

/** What happened, in words, for the recent-activity list. */
export const activityKindLabels: Record<CircleActivityKind, () => string> = {
	thread_created: m.circles_activity_thread_created,
	post_created: m.circles_activity_post_created,
	document_uploaded: m.circles_activity_document_uploaded,
	document_version: m.circles_activity_document_version,
	minutes_approved: m.circles_activity_minutes_approved,
	meeting_scheduled: m.circles_activity_meeting_scheduled,
	member_joined: m.circles_activity_member_joined,
	action_item_assigned: m.circles_activity_action_item_assigned
};

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** "08.12.2026" / "8 Dec 2026", in Europe/Berlin. */
export function formatDay(value: Date | string, locale: 'de' | 'en'): string {
	let format = dateFormats.get(locale);
	if (!format) {
		format = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'de-DE', {
			dateStyle: 'medium',
			timeZone: 'Europe/Berlin'
		});
		dateFormats.set(locale, format);
	}
	// A due date is a calendar day: noon UTC is that day in Berlin.
	return format.format(typeof value === 'string' ? new Date(`${value}T12:00:00Z`) : value);
}
