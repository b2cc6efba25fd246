import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { db, type DatabaseOrTransaction } from '../../db/index.ts';
import {
	circleMemberships,
	circlePostRevisions,
	circlePosts,
	circleThreads,
	user
} from '../../db/schema/index.ts';
import { toMentionables, type Mentionable } from './mentions.ts';

/**
 * Reads of a circle's discussions. Every query is scoped by network and circle (threads) or by
 * network, circle and thread (posts), so an id of another circle finds nothing.
 */

/** The circle's current members who can be @mentioned, by handle. */
export async function circleMentionables(
	networkId: string,
	circleId: string,
	database?: DatabaseOrTransaction
): Promise<Mentionable[]> {
	const source = database ?? (await db());
	const rows = await source
		.select({ userId: circleMemberships.userId, name: user.name })
		.from(circleMemberships)
		.innerJoin(user, eq(user.id, circleMemberships.userId))
		.where(and(eq(circleMemberships.networkId, networkId), eq(circleMemberships.circleId, circleId)));
	return toMentionables(rows);
}

/** The organisations (in this network) a post's author belongs to, as one line. */
const organisationsOf = (networkId: string) => sql<string | null>`(
	select string_agg(o.name, ', ' order by o.name)
	from organisation_memberships om join organisations o on o.id = om.organisation_id
	where om.user_id = ${circlePosts.authorUserId} and om.network_id = ${networkId}
)`;

export type ThreadListItem = {
	id: string;
	title: string;
	authorName: string | null;
	pinnedAt: Date | null;
	lastPostAt: Date;
	deletedAt: Date | null;
	replyCount: number;
};

/** The circle's threads: pinned first, then by last activity. Deleted ones only when asked. */
export async function listThreads(
	networkId: string,
	circleId: string,
	options: { includeDeleted: boolean; limit: number; offset: number }
): Promise<{ threads: ThreadListItem[]; hasMore: boolean }> {
	const database = await db();
	const rows = await database
		.select({
			id: circleThreads.id,
			title: circleThreads.title,
			authorName: user.name,
			pinnedAt: circleThreads.pinnedAt,
			lastPostAt: circleThreads.lastPostAt,
			deletedAt: circleThreads.deletedAt,
			replyCount: sql<number>`(
				select count(*)::int from circle_posts p
				where p.thread_id = ${circleThreads.id} and not p.is_opening and p.deleted_at is null
			)`
		})
		.from(circleThreads)
		.leftJoin(user, eq(user.id, circleThreads.authorUserId))
		.where(
			and(
				eq(circleThreads.networkId, networkId),
				eq(circleThreads.circleId, circleId),
				options.includeDeleted ? undefined : isNull(circleThreads.deletedAt)
			)
		)
		.orderBy(
			sql`${circleThreads.pinnedAt} is null`,
			desc(circleThreads.pinnedAt),
			desc(circleThreads.lastPostAt),
			desc(circleThreads.id)
		)
		.limit(options.limit + 1)
		.offset(options.offset);
	return {
		threads: rows.slice(0, options.limit).map((row) => ({ ...row, replyCount: Number(row.replyCount) })),
		hasMore: rows.length > options.limit
	};
}

/** A thread of this circle (deleted or not), or null. */
export async function findThread(networkId: string, circleId: string, threadId: string) {
	const database = await db();
	const [row] = await database
		.select()
		.from(circleThreads)
		.where(
			and(
				eq(circleThreads.networkId, networkId),
				eq(circleThreads.circleId, circleId),
				eq(circleThreads.id, threadId)
			)
		)
		.limit(1);
	return row ?? null;
}

export type PostRow = {
	id: string;
	threadId: string;
	authorUserId: string | null;
	authorName: string | null;
	authorOrganisations: string | null;
	body: string;
	isOpening: boolean;
	createdAt: Date;
	editedAt: Date | null;
	deletedAt: Date | null;
};

const postColumns = (networkId: string) => ({
	id: circlePosts.id,
	threadId: circlePosts.threadId,
	authorUserId: circlePosts.authorUserId,
	authorName: user.name,
	authorOrganisations: organisationsOf(networkId),
	body: circlePosts.body,
	isOpening: circlePosts.isOpening,
	createdAt: circlePosts.createdAt,
	editedAt: circlePosts.editedAt,
	deletedAt: circlePosts.deletedAt
});

/** The posts of a thread of this circle, oldest first (the opening post first). */
export async function listPosts(networkId: string, circleId: string, threadId: string): Promise<PostRow[]> {
	const database = await db();
	return database
		.select(postColumns(networkId))
		.from(circlePosts)
		.leftJoin(user, eq(user.id, circlePosts.authorUserId))
		.where(
			and(
				eq(circlePosts.networkId, networkId),
				eq(circlePosts.circleId, circleId),
				eq(circlePosts.threadId, threadId)
			)
		)
		.orderBy(desc(circlePosts.isOpening), asc(circlePosts.createdAt), asc(circlePosts.id));
}

/** One post of a thread of this circle, or null. */
export async function findPost(
	networkId: string,
	circleId: string,
	threadId: string,
	postId: string
): Promise<PostRow | null> {
	const database = await db();
	const [row] = await database
		.select(postColumns(networkId))
		.from(circlePosts)
		.leftJoin(user, eq(user.id, circlePosts.authorUserId))
		.where(
			and(
				eq(circlePosts.networkId, networkId),
				eq(circlePosts.circleId, circleId),
				eq(circlePosts.threadId, threadId),
				eq(circlePosts.id, postId)
			)
		)
		.limit(1);
	return row ?? null;
}

export type RevisionRow = { id: string; body: string; editedByName: string | null; createdAt: Date };

/** A post's earlier wordings, oldest first; each was replaced by `editedBy` at `createdAt`. */
export async function listRevisions(networkId: string, postId: string): Promise<RevisionRow[]> {
	const database = await db();
	return database
		.select({
			id: circlePostRevisions.id,
			body: circlePostRevisions.body,
			editedByName: user.name,
			createdAt: circlePostRevisions.createdAt
		})
		.from(circlePostRevisions)
		.leftJoin(user, eq(user.id, circlePostRevisions.editedBy))
		.where(and(eq(circlePostRevisions.networkId, networkId), eq(circlePostRevisions.postId, postId)))
		.orderBy(asc(circlePostRevisions.createdAt), asc(circlePostRevisions.id));
}
