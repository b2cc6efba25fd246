import { authorize, notFound } from '#lib/server/guard.ts';
import { parseForm } from '#lib/server/forms.ts';
import { eventLocationLine, eventTitle, formatEventRange } from '#lib/events/format.ts';
import {
	FEEDBACK_COMMENT_MAX,
	feedbackForm,
	openFeedback,
	submitFeedback,
	type FeedbackOpening
} from '#lib/server/events/follow-up/feedback.ts';
import { secretLinkHeaders } from '#lib/server/events/secret-link-headers.ts';

/**
 * The feedback form behind the link in the after-event mail. The signed link is the permission
 * (like the personal registration link): whoever holds it speaks for that registration, signed in
 * or not. A malformed, forged or foreign link is simply not found; the page is never cached nor
 * indexed and sends no referrer.
 */

function shown(opening: FeedbackOpening, locale: 'de' | 'en') {
	if (!opening.ok && opening.reason === 'INVALID') notFound();
	if (!opening.ok) return { state: opening.reason, event: null, feedback: null };
	const { event, feedback } = opening.target;
	return {
		state: 'OPEN' as const,
		event: {
			id: event.id,
			title: eventTitle(event, locale),
			when: formatEventRange(event.startsAt, event.endsAt, locale),
			where: eventLocationLine(event, locale)
		},
		feedback
	};
}

export const load = async (event) => {
	authorize(event, 'events.calendar');
	event.setHeaders(secretLinkHeaders);
	const { locals, params } = event;
	return {
		...shown(await openFeedback(locals.network.id, params.token), locals.locale),
		commentMax: FEEDBACK_COMMENT_MAX
	};
};

export const actions = {
	default: async (event) => {
		authorize(event, 'events.calendar');
		const { locals, params } = event;
		const opening = await openFeedback(locals.network.id, params.token);
		if (!opening.ok && opening.reason === 'INVALID') notFound();
		const parsed = await parseForm(event.request, feedbackForm, locals.locale);
		if (!parsed.ok) return parsed.failure;
		const result = await submitFeedback(locals.network.id, params.token, parsed.data);
		if (!result.ok && result.reason === 'INVALID') notFound();
		return { saved: result.ok, state: result.ok ? 'OPEN' : result.reason };
	}
};
