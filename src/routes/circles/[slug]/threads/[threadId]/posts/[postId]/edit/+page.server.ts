import { redirect, type RequestEvent } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { authorize, notFound } from '#lib/server/guard.ts';
import { requireCircle } from '#lib/server/circles/guard.ts';
import { circleResource } from '#lib/server/circles/scope.ts';
import { refuse, requirePost, requireThread } from '#lib/server/circles/discussions/access.ts';
import { circleMentionables } from '#lib/server/circles/discussions/queries.ts';
import { editPost } from '#lib/server/circles/discussions/mutations.ts';
import { editPostForm } from '#lib/server/circles/discussions/schemas.ts';
import { formFailure, parseForm } from '#lib/server/forms.ts';
import { auditContext } from '#lib/server/office/params.ts';

/** Only the author edits their post (while a member of the circle); a deleted thread is closed. */
async function editablePost(event: RequestEvent<{ slug: string; threadId: string; postId: string }>) {
	const circle = await requireCircle(event, 'circle.read');
	const thread = await requireThread(event, circle);
	if (thread.deletedAt) notFound();
	const post = await requirePost(event, circle, thread.id);
	authorize(event, 'circle.post.edit', circleResource(circle, post.authorUserId));
	return { circle, thread, post };
}

export const load = async (event) => {
	const { circle, thread, post } = await editablePost(event);
	const members = await circleMentionables(circle.networkId, circle.id);
	return {
		thread: { id: thread.id, title: thread.title },
		post: { id: post.id, body: post.body, isOpening: post.isOpening },
		mentionables: members.map(({ handle, name }) => ({ handle, name }))
	};
};

export const actions = {
	default: async (event) => {
		const { circle, thread, post } = await editablePost(event);
		const parsed = await parseForm(event.request, editPostForm, event.locals.locale);
		if (!parsed.ok) return parsed.failure;
		const result = await editPost({
			actor: event.locals.actor,
			circle,
			threadId: thread.id,
			postId: post.id,
			body: parsed.data.body,
			title: post.isOpening ? parsed.data.title : undefined,
			context: auditContext(event)
		});
		if (!result.ok) {
			if (result.reason === 'GONE') return formFailure(409, m.circle_discussions_gone(), parsed.form);
			refuse(result.reason);
		}
		redirect(303, `/circles/${circle.slug}/threads/${thread.id}#post-${post.id}`);
	}
};
