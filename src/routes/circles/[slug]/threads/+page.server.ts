import { requireCircle } from '#lib/server/circles/guard.ts';
import { circleResource } from '#lib/server/circles/scope.ts';
import { listThreads } from '#lib/server/circles/discussions/queries.ts';
import { readPage } from '#lib/server/office/params.ts';
import { can } from '#lib/server/policy/policy.ts';

const PAGE_SIZE = 30;

/** The circle's threads: pinned first, then by last activity. Leads and the office also see deleted ones. */
export const load = async (event) => {
	const circle = await requireCircle(event, 'circle.read');
	const { actor } = event.locals;
	const resource = circleResource(circle);
	const lead = can(actor, 'circle.lead', resource);
	const page = readPage(event.url);
	const { threads, hasMore } = await listThreads(circle.networkId, circle.id, {
		includeDeleted: lead,
		limit: PAGE_SIZE,
		offset: (page - 1) * PAGE_SIZE
	});
	return {
		threads: threads.map((thread) => ({
			id: thread.id,
			title: thread.title,
			authorName: thread.authorName,
			pinned: thread.pinnedAt !== null,
			deleted: thread.deletedAt !== null,
			lastPostAt: thread.lastPostAt,
			replyCount: thread.replyCount
		})),
		page,
		hasMore,
		canContribute: can(actor, 'circle.contribute', resource)
	};
};
