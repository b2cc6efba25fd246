import { error, redirect } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { requireCircle } from '#lib/server/circles/guard.ts';
import { circleResource } from '#lib/server/circles/scope.ts';
import { refuse, requireThread } from '#lib/server/circles/discussions/access.ts';
import { circleMentionables, listPosts } from '#lib/server/circles/discussions/queries.ts';
import {
	deletePost,
	markThreadSeen,
	replyToThread,
	setThreadPinned
} from '#lib/server/circles/discussions/mutations.ts';
import { mentionMap } from '#lib/server/circles/discussions/mentions.ts';
import { postIdForm, replyForm } from '#lib/server/circles/discussions/schemas.ts';
import { postViews } from '#lib/server/circles/discussions/view.ts';
import { forForm } from '#lib/server/auth/http.ts';
import { formFailure, parseForm } from '#lib/server/forms.ts';
import { auditContext } from '#lib/server/office/params.ts';
import { can } from '#lib/server/policy/policy.ts';

/**
 * One thread with its posts. Bodies are rendered here (renderMarkdown, mentions of the circle's
 * current members); a deleted post's body never leaves the server. Opening the thread marks its
 * notifications as seen, so they stay out of the reader's digest.
 */
export const load = async (event) => {
	const circle = await requireCircle(event, 'circle.read');
	const thread = await requireThread(event, circle);
	const { actor } = event.locals;
	const [posts, members] = await Promise.all([
		listPosts(circle.networkId, circle.id, thread.id),
		circleMentionables(circle.networkId, circle.id)
	]);
	if (actor.userId)
		await markThreadSeen({
			networkId: circle.networkId,
			userId: actor.userId,
			subjectIds: [thread.id, ...posts.map((post) => post.id)]
		});
	const resource = circleResource(circle);
	const deleted = thread.deletedAt !== null;
	const canContribute = !deleted && can(actor, 'circle.contribute', resource);
	return {
		thread: { id: thread.id, title: thread.title, pinned: thread.pinnedAt !== null, deleted },
		posts: postViews(posts, { actor, circle, mentions: mentionMap(members), threadDeleted: deleted }),
		mentionables: canContribute ? members.map(({ handle, name }) => ({ handle, name })) : [],
		canContribute,
		canPin: !deleted && can(actor, 'circle.lead', resource)
	};
};

export const actions = {
	reply: async (event) => {
		const circle = await requireCircle(event, 'circle.contribute');
		const thread = await requireThread(event, circle);
		const parsed = await parseForm(event.request, replyForm, event.locals.locale);
		if (!parsed.ok) return forForm('reply', parsed.failure);
		const result = await replyToThread({
			actor: event.locals.actor,
			circle,
			threadId: thread.id,
			body: parsed.data.body
		});
		if (!result.ok) {
			if (result.reason === 'GONE')
				return forForm('reply', formFailure(409, m.circle_discussions_gone(), parsed.form));
			refuse(result.reason);
		}
		redirect(303, `/circles/${circle.slug}/threads/${thread.id}#post-${result.postId}`);
	},

	delete: async (event) => {
		const circle = await requireCircle(event, 'circle.read');
		const thread = await requireThread(event, circle);
		const parsed = await parseForm(event.request, postIdForm, event.locals.locale);
		if (!parsed.ok) error(404, 'Not found');
		const result = await deletePost({
			actor: event.locals.actor,
			circle,
			threadId: thread.id,
			postId: parsed.data.postId,
			context: auditContext(event)
		});
		if (!result.ok) {
			if (result.reason === 'GONE') return formFailure(409, m.circle_discussions_gone());
			refuse(result.reason);
		}
		if (result.threadDeleted) redirect(303, `/circles/${circle.slug}/threads`);
		return { success: m.circle_discussions_deleted_success() };
	},

	pin: async (event) => {
		const circle = await requireCircle(event, 'circle.lead');
		const thread = await requireThread(event, circle);
		const form = await event.request.formData();
		const pinned = form.get('pinned') === 'true';
		const result = await setThreadPinned({
			actor: event.locals.actor,
			circle,
			threadId: thread.id,
			pinned,
			context: auditContext(event)
		});
		if (!result.ok) {
			if (result.reason === 'GONE') return formFailure(409, m.circle_discussions_gone());
			refuse(result.reason);
		}
		return {
			success: pinned ? m.circle_discussions_pinned_success() : m.circle_discussions_unpinned_success()
		};
	}
};
