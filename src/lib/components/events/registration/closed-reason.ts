import { m } from '../../../paraglide/messages.js';
import { formatEventStart } from '../../../events/format.ts';
import type { ClosedReason } from '../../../server/events/registration/types.ts';

/** The sentence that says why an event takes no registrations, in the reader's language. */
export function closedReasonText(reason: ClosedReason, opensAt: Date | null, locale: 'de' | 'en'): string {
	switch (reason) {
		case 'disabled':
			return m.event_mails_closed_disabled({}, { locale });
		case 'not_yet_open':
			return opensAt
				? m.event_mails_closed_not_yet_open_at({ date: formatEventStart(opensAt, locale) }, { locale })
				: m.event_mails_closed_not_yet_open({}, { locale });
		case 'closed_window':
			return m.event_mails_closed_closed_window({}, { locale });
		case 'closed_by_organiser':
			return m.event_mails_closed_closed_by_organiser({}, { locale });
		case 'cancelled':
			return m.event_mails_closed_cancelled({}, { locale });
		case 'past':
			return m.event_mails_closed_past({}, { locale });
	}
}

/** The result notice after a redirect (`?registered=…`). */
export function resultText(result: string | null, locale: 'de' | 'en', hours = 48): string | null {
	switch (result) {
		case 'registered':
			return m.event_mails_result_registered({}, { locale });
		case 'waitlisted':
			return m.event_mails_result_waitlisted({}, { locale });
		case 'pending':
			return m.event_mails_result_pending({ hours }, { locale });
		case 'cancelled':
			return m.event_mails_result_cancelled({}, { locale });
		case 'left':
			return m.event_mails_result_left({}, { locale });
		default:
			return null;
	}
}
