import { authorize } from '#lib/server/guard.ts';
import { parseForm } from '#lib/server/forms.ts';
import { eventLocationLine, eventTitle, formatEventRange } from '#lib/events/format.ts';
import {
	FEEDBACK_COMMENT_MAX,
	feedbackForm,
	openFeedback,
	submitFeedback,
	type FeedbackOpening
} from '#lib/server/events/follow-up/feedback.ts';

/**
 * The feedback form behind the link in the after-event mail. The signed link is the permission
 * (like the personal registration link): whoever holds it speaks for that registration, signed in
 * or not. Every failure of the link looks the same from outside.
 */
function shown(opening: FeedbackOpening, locale: 'de' | 'en') {
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
	authorize(event, 'public.view');
	event.setHeaders({ 'cache-control': 'no-store' });
	const { locals, params } = event;
	return {
		...shown(await openFeedback(locals.network.id, params.token), locals.locale),
		commentMax: FEEDBACK_COMMENT_MAX
	};
};

export const actions = {
	default: async (event) => {
		authorize(event, 'public.view');
		const { locals, params } = event;
		const parsed = await parseForm(event.request, feedbackForm, locals.locale);
		if (!parsed.ok) return parsed.failure;
		const result = await submitFeedback(locals.network.id, params.token, parsed.data);
		return { saved: result.ok, state: result.ok ? 'OPEN' : result.reason };
	}
};
