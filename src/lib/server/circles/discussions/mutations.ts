import { and, eq } from 'drizzle-orm';
import { db, type DatabaseOrTransaction } from '../../db/index.ts';
import { circlePostRevisions, circlePosts, circleThreads } from '../../db/schema/index.ts';
import { recordAudit, type AuditContext } from '../../audit/mutations.ts';
import type { Actor } from '../../policy/actor.ts';
import { can } from '../../policy/policy.ts';
import { markCircleActivitySeen, recordCircleActivity } from '../activity.ts';
import { circleResource, type CircleRow } from '../scope.ts';
import { circleMentionables } from './queries.ts';
import { mentionedMemberIds, newlyMentionedMemberIds } from './mentions.ts';

/**
 * Writes of a circle's discussions, one transaction each. Every function asks the policy itself
 * (the routes ask too, to answer 403 before reading a form) and looks the thread and post up
 * within the circle, so another circle's ids are NOT_FOUND.
 */

type Circle = Pick<CircleRow, 'id' | 'networkId' | 'slug' | 'confidential' | 'joinPolicy'>;
type Failure = { ok: false; reason: 'NOT_FOUND' | 'FORBIDDEN' | 'GONE' };

export const threadPath = (circle: Pick<Circle, 'slug'>, threadId: string) =>
	`/circles/${circle.slug}/threads/${threadId}`;
export const postPath = (circle: Pick<Circle, 'slug'>, threadId: string, postId: string) =>
	`${threadPath(circle, threadId)}#post-${postId}`;

async function lockThread(tx: DatabaseOrTransaction, circle: Circle, threadId: string) {
	const [thread] = await tx
		.select()
		.from(circleThreads)
		.where(
			and(
				eq(circleThreads.networkId, circle.networkId),
				eq(circleThreads.circleId, circle.id),
				eq(circleThreads.id, threadId)
			)
		)
		.for('update');
	return thread ?? null;
}

async function lockPost(tx: DatabaseOrTransaction, circle: Circle, threadId: string, postId: string) {
	const [post] = await tx
		.select()
		.from(circlePosts)
		.where(
			and(
				eq(circlePosts.networkId, circle.networkId),
				eq(circlePosts.circleId, circle.id),
				eq(circlePosts.threadId, threadId),
				eq(circlePosts.id, postId)
			)
		)
		.for('update');
	return post ?? null;
}

export async function createThread(input: {
	actor: Actor;
	circle: Circle;
	title: string;
	body: string;
}): Promise<{ ok: true; threadId: string; postId: string } | Failure> {
	const { actor, circle } = input;
	if (!actor.userId || !can(actor, 'circle.contribute', circleResource(circle)))
		return { ok: false, reason: 'FORBIDDEN' };
	return (await db()).transaction(async (tx) => {
		const now = new Date();
		const [thread] = await tx
			.insert(circleThreads)
			.values({
				networkId: circle.networkId,
				circleId: circle.id,
				title: input.title,
				authorUserId: actor.userId,
				lastPostAt: now,
				createdAt: now
			})
			.returning({ id: circleThreads.id });
		const [post] = await tx
			.insert(circlePosts)
			.values({
				networkId: circle.networkId,
				circleId: circle.id,
				threadId: thread!.id,
				authorUserId: actor.userId,
				body: input.body,
				isOpening: true,
				createdAt: now
			})
			.returning({ id: circlePosts.id });
		const members = await circleMentionables(circle.networkId, circle.id, tx);
		await recordCircleActivity(tx, {
			networkId: circle.networkId,
			circleId: circle.id,
			kind: 'thread_created',
			subjectId: thread!.id,
			actorUserId: actor.userId,
			title: input.title,
			path: threadPath(circle, thread!.id),
			mentionedUserIds: mentionedMemberIds(input.body, members, actor.userId)
		});
		return { ok: true as const, threadId: thread!.id, postId: post!.id };
	});
}

export async function replyToThread(input: {
	actor: Actor;
	circle: Circle;
	threadId: string;
	body: string;
}): Promise<{ ok: true; postId: string } | Failure> {
	const { actor, circle } = input;
	if (!actor.userId || !can(actor, 'circle.contribute', circleResource(circle)))
		return { ok: false, reason: 'FORBIDDEN' };
	return (await db()).transaction(async (tx) => {
		const thread = await lockThread(tx, circle, input.threadId);
		if (!thread) return { ok: false as const, reason: 'NOT_FOUND' as const };
		if (thread.deletedAt) return { ok: false as const, reason: 'GONE' as const };
		const now = new Date();
		const [post] = await tx
			.insert(circlePosts)
			.values({
				networkId: circle.networkId,
				circleId: circle.id,
				threadId: thread.id,
				authorUserId: actor.userId,
				body: input.body,
				createdAt: now
			})
			.returning({ id: circlePosts.id });
		await tx.update(circleThreads).set({ lastPostAt: now }).where(eq(circleThreads.id, thread.id));
		const members = await circleMentionables(circle.networkId, circle.id, tx);
		await recordCircleActivity(tx, {
			networkId: circle.networkId,
			circleId: circle.id,
			kind: 'post_created',
			subjectId: post!.id,
			actorUserId: actor.userId,
			title: thread.title,
			path: postPath(circle, thread.id, post!.id),
			mentionedUserIds: mentionedMemberIds(input.body, members, actor.userId)
		});
		return { ok: true as const, postId: post!.id };
	});
}

/**
 * Only the author edits, while they may contribute to the circle. The previous wording is kept as
 * a revision; people newly @mentioned by the edit are told (those mentioned before were already).
 * The opening post's edit may retitle the thread.
 */
export async function editPost(input: {
	actor: Actor;
	circle: Circle;
	threadId: string;
	postId: string;
	body: string;
	title?: string;
	context?: AuditContext;
}): Promise<{ ok: true; changed: boolean } | Failure> {
	const { actor, circle } = input;
	return (await db()).transaction(async (tx) => {
		const thread = await lockThread(tx, circle, input.threadId);
		const post = thread ? await lockPost(tx, circle, thread.id, input.postId) : null;
		if (!thread || !post) return { ok: false as const, reason: 'NOT_FOUND' as const };
		if (!actor.userId || !can(actor, 'circle.post.edit', circleResource(circle, post.authorUserId)))
			return { ok: false as const, reason: 'FORBIDDEN' as const };
		if (thread.deletedAt || post.deletedAt) return { ok: false as const, reason: 'GONE' as const };

		const now = new Date();
		const bodyChanged = post.body !== input.body;
		const newTitle = post.isOpening && input.title !== undefined ? input.title : thread.title;
		const titleChanged = newTitle !== thread.title;
		if (bodyChanged) {
			await tx.insert(circlePostRevisions).values({
				networkId: circle.networkId,
				postId: post.id,
				body: post.body,
				editedBy: actor.userId,
				createdAt: now
			});
			await tx
				.update(circlePosts)
				.set({ body: input.body, editedAt: now })
				.where(eq(circlePosts.id, post.id));
		}
		if (titleChanged) {
			await tx.update(circleThreads).set({ title: newTitle }).where(eq(circleThreads.id, thread.id));
			await recordAudit(
				{
					networkId: circle.networkId,
					actor,
					action: 'circle.thread.retitled',
					targetType: 'circle_thread',
					targetId: thread.id,
					details: { circleId: circle.id, from: thread.title, to: newTitle },
					context: input.context
				},
				tx
			);
		}
		if (bodyChanged) {
			const members = await circleMentionables(circle.networkId, circle.id, tx);
			const added = newlyMentionedMemberIds(post.body, input.body, members, actor.userId);
			if (added.length > 0) await notifyNewMentions(tx, { actor, circle, thread, postId: post.id, added });
		}
		return { ok: true as const, changed: bodyChanged || titleChanged };
	});
}

/** An edit that adds @mentions tells only the newly mentioned members, not the whole circle again. */
async function notifyNewMentions(
	tx: DatabaseOrTransaction,
	input: {
		actor: Actor;
		circle: Circle;
		thread: { id: string; title: string };
		postId: string;
		added: string[];
	}
) {
	const { circle } = input;
	await recordCircleActivity(tx, {
		networkId: circle.networkId,
		circleId: circle.id,
		kind: 'post_created',
		subjectId: input.postId,
		actorUserId: input.actor.userId,
		title: input.thread.title,
		path: postPath(circle, input.thread.id, input.postId),
		mentionedUserIds: input.added,
		notify: 'named'
	});
}

/**
 * Soft delete by the author (while a member), a lead or the office. The body stays in the
 * database for the office's records but is never shown again; deleting the opening post deletes
 * the thread.
 */
export async function deletePost(input: {
	actor: Actor;
	circle: Circle;
	threadId: string;
	postId: string;
	context?: AuditContext;
}): Promise<{ ok: true; threadDeleted: boolean } | Failure> {
	const { actor, circle } = input;
	return (await db()).transaction(async (tx) => {
		const thread = await lockThread(tx, circle, input.threadId);
		const post = thread ? await lockPost(tx, circle, thread.id, input.postId) : null;
		if (!thread || !post) return { ok: false as const, reason: 'NOT_FOUND' as const };
		if (!actor.userId || !can(actor, 'circle.post.delete', circleResource(circle, post.authorUserId)))
			return { ok: false as const, reason: 'FORBIDDEN' as const };
		if (thread.deletedAt || post.deletedAt) return { ok: false as const, reason: 'GONE' as const };
		const now = new Date();
		await tx
			.update(circlePosts)
			.set({ deletedAt: now, deletedBy: actor.userId })
			.where(eq(circlePosts.id, post.id));
		if (post.isOpening)
			await tx
				.update(circleThreads)
				.set({ deletedAt: now, deletedBy: actor.userId })
				.where(eq(circleThreads.id, thread.id));
		await recordAudit(
			{
				networkId: circle.networkId,
				actor,
				action: post.isOpening ? 'circle.thread.deleted' : 'circle.post.deleted',
				targetType: post.isOpening ? 'circle_thread' : 'circle_post',
				targetId: post.isOpening ? thread.id : post.id,
				details: {
					circleId: circle.id,
					threadId: thread.id,
					postId: post.id,
					title: thread.title,
					authorUserId: post.authorUserId
				},
				context: input.context
			},
			tx
		);
		return { ok: true as const, threadDeleted: post.isOpening };
	});
}

/** Pins or unpins a thread: the circle's leads and the office. */
export async function setThreadPinned(input: {
	actor: Actor;
	circle: Circle;
	threadId: string;
	pinned: boolean;
	context?: AuditContext;
}): Promise<{ ok: true } | Failure> {
	const { actor, circle } = input;
	if (!actor.userId || !can(actor, 'circle.lead', circleResource(circle)))
		return { ok: false, reason: 'FORBIDDEN' };
	return (await db()).transaction(async (tx) => {
		const thread = await lockThread(tx, circle, input.threadId);
		if (!thread) return { ok: false as const, reason: 'NOT_FOUND' as const };
		if (thread.deletedAt) return { ok: false as const, reason: 'GONE' as const };
		if (!!thread.pinnedAt === input.pinned) return { ok: true as const };
		await tx
			.update(circleThreads)
			.set(
				input.pinned ? { pinnedAt: new Date(), pinnedBy: actor.userId } : { pinnedAt: null, pinnedBy: null }
			)
			.where(eq(circleThreads.id, thread.id));
		await recordAudit(
			{
				networkId: circle.networkId,
				actor,
				action: input.pinned ? 'circle.thread.pinned' : 'circle.thread.unpinned',
				targetType: 'circle_thread',
				targetId: thread.id,
				details: { circleId: circle.id, title: thread.title },
				context: input.context
			},
			tx
		);
		return { ok: true as const };
	});
}

/** The person opened the thread: its notifications (thread and posts) stay out of their digest. */
export async function markThreadSeen(input: { networkId: string; userId: string; subjectIds: string[] }) {
	await (await db()).transaction((tx) => markCircleActivitySeen(tx, input));
}
