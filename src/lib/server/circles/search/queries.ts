import { sql } from 'drizzle-orm';
import { db } from '../../db/index.ts';

export const circleSearchTypes = ['thread', 'post', 'minutes', 'agenda', 'document'] as const;
export type CircleSearchType = (typeof circleSearchTypes)[number];

/** One hit as the database finds it; the page turns it into a title, a snippet and a link. */
export type CircleSearchRow = {
	type: CircleSearchType;
	/** The thread, post, minutes, agenda item or document. */
	id: string;
	/** The thread of a post, the meeting (event) of minutes and agenda items; else the id again. */
	parentId: string;
	/** Thread title (also of a post), agenda item title, document name; '' for minutes. */
	title: string;
	/** The meeting of minutes and agenda items, in German and English ('' for the others). */
	meetingDe: string;
	meetingEn: string;
	/** The text the snippet is taken from: Markdown for posts, minutes and agenda notes. */
	text: string;
	/** 'draft' for minutes not yet approved (leads only); else ''. */
	status: string;
	at: Date;
	rank: number;
};

export const SEARCH_LIMIT = 50;

/**
 * Full-text search inside one circle, in one statement: thread titles, posts, minutes, agenda items
 * and document names, ranked together. Every branch is scoped by network AND circle (and meetings
 * by their organising circle), deleted content is left out, and drafts — unapproved minutes, the
 * agenda of an unpublished meeting — only for the circle's leads (`includeDrafts`). The caller has
 * checked 'circle.read'.
 */
export async function searchCircle(input: {
	networkId: string;
	circleId: string;
	query: string;
	includeDrafts: boolean;
	limit?: number;
}): Promise<CircleSearchRow[]> {
	const database = await db();
	const { networkId, circleId, query, includeDrafts } = input;
	const limit = input.limit ?? SEARCH_LIMIT;
	const result = await database.execute<{
		type: CircleSearchType;
		id: string;
		parent_id: string;
		title: string;
		meeting_de: string;
		meeting_en: string;
		text: string;
		status: string;
		at: string | Date;
		rank: number | string;
	}>(sql`
		with q as (select websearch_to_tsquery('german', ${query}) as query),
		meetings as (
			select e.id, e.title_de, e.title_en, e.starts_at, e.status from events e
			where e.network_id = ${networkId} and e.organiser_circle_id = ${circleId}
				and (e.status <> 'draft' or ${includeDrafts})
		)
		select * from (
			select 'thread' as type, t.id, t.id as parent_id, t.title, '' as meeting_de, '' as meeting_en,
				coalesce((select p.body from circle_posts p
					where p.thread_id = t.id and p.is_opening and p.deleted_at is null
						and p.network_id = ${networkId} and p.circle_id = ${circleId} limit 1), '') as text,
				'' as status, t.created_at as at, ts_rank(t.search, q.query) * 2 as rank
			from circle_threads t, q
			where t.network_id = ${networkId} and t.circle_id = ${circleId} and t.deleted_at is null
				and t.search @@ q.query
			union all
			select 'post', p.id, t.id, t.title, '', '', p.body, '', p.created_at, ts_rank(p.search, q.query)
			from circle_posts p
			join circle_threads t on t.id = p.thread_id and t.network_id = ${networkId} and t.circle_id = ${circleId}
			cross join q
			where p.network_id = ${networkId} and p.circle_id = ${circleId}
				and p.deleted_at is null and t.deleted_at is null and p.search @@ q.query
			union all
			select 'minutes', mi.id, e.id, '', e.title_de, e.title_en, mi.body, mi.status,
				coalesce(mi.approved_at, e.starts_at), ts_rank(mi.search, q.query)
			from circle_minutes mi
			join meetings e on e.id = mi.event_id
			cross join q
			where mi.network_id = ${networkId} and mi.circle_id = ${circleId}
				and (mi.status = 'approved' or ${includeDrafts}) and mi.search @@ q.query
			union all
			select 'agenda', a.id, e.id, a.title, e.title_de, e.title_en, a.notes, '', e.starts_at, ts_rank(a.search, q.query) * 1.5
			from circle_agenda_items a
			join meetings e on e.id = a.event_id
			cross join q
			where a.network_id = ${networkId} and a.circle_id = ${circleId} and a.search @@ q.query
			union all
			select 'document', d.id, d.id, d.name, '', '', d.name, '', d.updated_at, ts_rank(d.search, q.query) * 2
			from circle_documents d, q
			where d.network_id = ${networkId} and d.circle_id = ${circleId} and d.deleted_at is null
				and d.search @@ q.query
		) hits
		order by rank desc, at desc, id
		limit ${limit}
	`);
	return result.rows.map((row) => ({
		type: row.type,
		id: row.id,
		parentId: row.parent_id,
		title: row.title,
		meetingDe: row.meeting_de,
		meetingEn: row.meeting_en,
		text: row.text,
		status: row.status,
		at: new Date(row.at),
		rank: Number(row.rank)
	}));
}
