import { z } from 'zod';
import { markdownToPlainText } from '../../markdown.ts';
import type { CircleSearchRow, CircleSearchType } from './queries.ts';
import { buildSnippet, type SnippetPart } from './snippet.ts';

export const MAX_QUERY_LENGTH = 200;

/** The search form (`q`): empty means "show the hint", too long is a field error. */
export const circleSearchQuerySchema = z.object({
	q: z
		.string()
		.trim()
		.max(MAX_QUERY_LENGTH, 'circle_search_too_long')
		.transform((value) => value.replace(/\s+/g, ' '))
});

/** What the page shows of a hit: plain text only (the page marks the parts with <mark> itself). */
export type CircleSearchResult = {
	type: CircleSearchType;
	draft: boolean;
	title: string;
	/** The title with the matched words marked. */
	titleParts: SnippetPart[];
	/** The thread of a post; the meeting of minutes and agenda items; '' otherwise. */
	context: string;
	snippet: SnippetPart[];
	/** ISO instant. */
	at: string;
	href: string;
};

function linkOf(slug: string, row: CircleSearchRow) {
	const base = `/circles/${slug}`;
	switch (row.type) {
		case 'thread':
			return `${base}/threads/${row.id}`;
		case 'post':
			return `${base}/threads/${row.parentId}#post-${row.id}`;
		case 'minutes':
			return `${base}/meetings/${row.parentId}/minutes`;
		case 'agenda':
			return `${base}/meetings/${row.parentId}#item-${row.id}`;
		case 'document':
			return `${base}/documents/${row.id}`;
	}
}

const SNIPPET_SOURCE_LIMIT = 20_000;

/** Turns the database's hits into what the page shows, in the reader's language. */
export function presentResults(
	rows: CircleSearchRow[],
	input: { slug: string; query: string; locale: 'de' | 'en' }
): CircleSearchResult[] {
	return rows.map((row) => {
		const meeting = input.locale === 'en' && row.meetingEn.trim() ? row.meetingEn : row.meetingDe;
		const source =
			row.type === 'document' ? '' : markdownToPlainText(row.text.slice(0, SNIPPET_SOURCE_LIMIT));
		const title = row.type === 'minutes' ? meeting : row.title;
		return {
			type: row.type,
			draft: row.type === 'minutes' && row.status === 'draft',
			title,
			titleParts: buildSnippet(title, input.query, 300),
			context: row.type === 'post' ? row.title : row.type === 'agenda' ? meeting : '',
			snippet: buildSnippet(source, input.query),
			at: row.at.toISOString(),
			href: linkOf(input.slug, row)
		};
	});
}
