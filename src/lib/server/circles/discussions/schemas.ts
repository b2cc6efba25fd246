import { z } from 'zod';

/**
 * The discussion forms. Messages are catalogue keys (see validation.ts); localizeIssues turns them
 * into sentences. Bodies are stored exactly as typed (Markdown) and only checked for length and
 * for not being blank; titles are trimmed.
 */
export const TITLE_MIN = 3;
export const TITLE_MAX = 200;
export const BODY_MAX = 20_000;

const uuid = z
	.string({ message: 'validation_invalid' })
	.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'validation_invalid');

export const threadTitle = z
	.string({ message: 'circle_discussions_title_too_short' })
	.trim()
	.min(TITLE_MIN, 'circle_discussions_title_too_short')
	.max(TITLE_MAX, 'circle_discussions_title_too_long');

export const postBody = z
	.string({ message: 'circle_discussions_body_required' })
	.max(BODY_MAX, 'circle_discussions_body_too_long')
	.refine((value) => value.trim().length > 0, 'circle_discussions_body_required');

export const newThreadForm = z.object({ title: threadTitle, body: postBody });

export const replyForm = z.object({ body: postBody });

/** Editing a post; the title only counts for a thread's opening post. */
export const editPostForm = z.object({ body: postBody, title: threadTitle.optional() });

export const postIdForm = z.object({ postId: uuid });
