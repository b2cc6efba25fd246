import { error } from '@sveltejs/kit';
import { notFound } from '../../guard.ts';
import { isUuid } from '../../office/params.ts';
import { can } from '../../policy/policy.ts';
import { circleResource, type CircleRow } from '../scope.ts';
import { findPost, findThread } from './queries.ts';

type ThreadEvent = {
	locals: Pick<App.Locals, 'actor' | 'network'>;
	params: Partial<Record<string, string>>;
	url: URL;
};

/**
 * The thread of `params.threadId` within this circle (call after requireCircle). Malformed,
 * unknown and other circles' ids are 404; so is a deleted thread, except for the circle's leads
 * and the office, who still see it (marked as deleted).
 */
export async function requireThread(event: ThreadEvent, circle: CircleRow) {
	const threadId = event.params.threadId;
	if (!isUuid(threadId)) notFound();
	const thread = await findThread(circle.networkId, circle.id, threadId);
	if (!thread) notFound();
	if (thread.deletedAt && !can(event.locals.actor, 'circle.lead', circleResource(circle))) notFound();
	return thread;
}

/** The post of `params.postId` within this thread; a deleted post is 404 (its body stays inside). */
export async function requirePost(event: ThreadEvent, circle: CircleRow, threadId: string) {
	const postId = event.params.postId;
	if (!isUuid(postId)) notFound();
	const post = await findPost(circle.networkId, circle.id, threadId, postId);
	if (!post || post.deletedAt) notFound();
	return post;
}

/** Maps a mutation's refusal to the answer a page gives for it. */
export function refuse(reason: 'NOT_FOUND' | 'FORBIDDEN'): never {
	if (reason === 'FORBIDDEN') error(403, 'Forbidden');
	notFound();
}
