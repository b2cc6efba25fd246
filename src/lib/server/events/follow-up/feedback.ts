import { z } from 'zod';
import { holdsSeat } from '../../../events/vocabulary.ts';
import { registrationIdOfToken, verifyFeedbackToken } from './feedback-link.ts';
import { saveFeedback } from './mutations.ts';
import { findFeedbackTarget, readFeedbackComments, readFeedbackCounts } from './queries.ts';

export const FEEDBACK_COMMENT_MAX = 2000;

/** The feedback form: a rating from 1 to 5 (required) and an optional comment. */
export const feedbackForm = z.object({
	rating: z.enum(['1', '2', '3', '4', '5'], { error: 'event_followup_rating_required' }).transform(Number),
	comment: z
		.string()
		.trim()
		.max(FEEDBACK_COMMENT_MAX, 'event_followup_comment_too_long')
		.optional()
		.transform((value) => value ?? '')
});

export type FeedbackTarget = NonNullable<Awaited<ReturnType<typeof findFeedbackTarget>>>;

export type FeedbackOpening =
	{ ok: true; target: FeedbackTarget } | { ok: false; reason: 'INVALID' | 'NOT_YET' | 'NOT_ELIGIBLE' };

/**
 * What a feedback link opens. A link that is malformed, forged, for another network or for a
 * registration that no longer exists is INVALID (the page says "not valid", nothing more). A
 * valid link opens only for people who held a seat, once the event has started.
 */
export async function openFeedback(
	networkId: string,
	token: string,
	now = new Date()
): Promise<FeedbackOpening> {
	const registrationId = registrationIdOfToken(token);
	if (!registrationId) return { ok: false, reason: 'INVALID' };
	const target = await findFeedbackTarget(networkId, registrationId);
	if (!target || !verifyFeedbackToken(token, target.registration)) return { ok: false, reason: 'INVALID' };
	if (target.event.status !== 'published' || !holdsSeat(target.registration.status))
		return { ok: false, reason: 'NOT_ELIGIBLE' };
	if (target.event.startsAt > now) return { ok: false, reason: 'NOT_YET' };
	return { ok: true, target };
}

export async function submitFeedback(
	networkId: string,
	token: string,
	values: z.infer<typeof feedbackForm>,
	now = new Date()
): Promise<FeedbackOpening> {
	const opening = await openFeedback(networkId, token, now);
	if (!opening.ok) return opening;
	const { registration, event } = opening.target;
	await saveFeedback({
		networkId,
		eventId: event.id,
		registrationId: registration.id,
		rating: values.rating,
		comment: values.comment
	});
	return opening;
}

export type FeedbackSummary = {
	count: number;
	/** Mean rating rounded to one decimal; null without feedback. */
	average: number | null;
	/** How many gave 1, 2, 3, 4 and 5 (index 0 is rating 1). */
	distribution: [number, number, number, number, number];
	/** Newest first. */
	comments: { rating: number; comment: string; createdAt: Date }[];
};

/** The aggregated feedback of one event, for its organisers (callers authorize event.manage). */
export async function summariseFeedback(
	networkId: string,
	eventId: string,
	commentLimit = 200
): Promise<FeedbackSummary> {
	const [counts, comments] = await Promise.all([
		readFeedbackCounts(networkId, eventId),
		readFeedbackComments(networkId, eventId, commentLimit)
	]);
	const distribution: FeedbackSummary['distribution'] = [0, 0, 0, 0, 0];
	for (const { rating, n } of counts) if (rating >= 1 && rating <= 5) distribution[rating - 1] = n;
	const count = distribution.reduce((sum, n) => sum + n, 0);
	const total = distribution.reduce((sum, n, index) => sum + n * (index + 1), 0);
	return {
		count,
		average: count ? Math.round((total / count) * 10) / 10 : null,
		distribution,
		comments
	};
}
