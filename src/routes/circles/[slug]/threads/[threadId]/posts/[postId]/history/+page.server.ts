import { requireCircle } from '#lib/server/circles/guard.ts';
import { requirePost, requireThread } from '#lib/server/circles/discussions/access.ts';
import { circleMentionables, listRevisions } from '#lib/server/circles/discussions/queries.ts';
import { mentionMap } from '#lib/server/circles/discussions/mentions.ts';
import { historyVersions } from '#lib/server/circles/discussions/view.ts';
import { renderMarkdown } from '#lib/server/markdown.ts';

/**
 * A post's earlier wordings, for whoever may read the circle. A deleted post has no history to
 * show: its wordings stay in the database for the office's records.
 */
export const load = async (event) => {
	const circle = await requireCircle(event, 'circle.read');
	const thread = await requireThread(event, circle);
	const post = await requirePost(event, circle, thread.id);
	const [revisions, members] = await Promise.all([
		listRevisions(circle.networkId, post.id),
		circleMentionables(circle.networkId, circle.id)
	]);
	const mentions = mentionMap(members);
	return {
		thread: { id: thread.id, title: thread.title },
		post: {
			id: post.id,
			authorName: post.authorName,
			editedAt: post.editedAt,
			html: renderMarkdown(post.body, { mentions })
		},
		versions: historyVersions(post, revisions, mentions)
	};
};
