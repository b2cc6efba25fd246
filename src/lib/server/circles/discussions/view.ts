import { renderMarkdown } from '../../markdown.ts';
import type { Actor } from '../../policy/actor.ts';
import { can } from '../../policy/policy.ts';
import { circleResource, type CircleRow } from '../scope.ts';
import type { PostRow, RevisionRow } from './queries.ts';

type Circle = Pick<CircleRow, 'id' | 'networkId' | 'confidential' | 'joinPolicy'>;

/** A post as it leaves the server: a deleted post carries neither its body nor its HTML. */
export type PostView = {
	id: string;
	isOpening: boolean;
	authorName: string | null;
	authorOrganisations: string | null;
	createdAt: Date;
	editedAt: Date | null;
	deleted: boolean;
	html: string | null;
	canEdit: boolean;
	canDelete: boolean;
};

export function postViews(
	posts: PostRow[],
	options: { actor: Actor; circle: Circle; mentions: ReadonlyMap<string, string>; threadDeleted: boolean }
): PostView[] {
	const { actor, circle, mentions, threadDeleted } = options;
	return posts.map((post) => {
		const deleted = post.deletedAt !== null;
		const resource = circleResource(circle, post.authorUserId);
		const open = !deleted && !threadDeleted;
		return {
			id: post.id,
			isOpening: post.isOpening,
			authorName: post.authorName,
			authorOrganisations: post.authorOrganisations,
			createdAt: post.createdAt,
			editedAt: post.editedAt,
			deleted,
			html: deleted ? null : renderMarkdown(post.body, { mentions }),
			canEdit: open && can(actor, 'circle.post.edit', resource),
			canDelete: open && can(actor, 'circle.post.delete', resource)
		};
	});
}

export type VersionView = { number: number; writtenAt: Date; writtenByName: string | null; html: string };

/**
 * The earlier wordings of a post, oldest first. A revision holds the wording *before* an edit, so
 * wording n was written by whoever made edit n−1 (the author for the first) at that time.
 */
export function historyVersions(
	post: Pick<PostRow, 'authorName' | 'createdAt'>,
	revisions: RevisionRow[],
	mentions: ReadonlyMap<string, string>
): VersionView[] {
	return revisions.map((revision, index) => {
		const previous = index > 0 ? revisions[index - 1]! : null;
		return {
			number: index + 1,
			writtenAt: previous ? previous.createdAt : post.createdAt,
			writtenByName: previous ? previous.editedByName : post.authorName,
			html: renderMarkdown(revision.body, { mentions })
		};
	});
}
