import { requireCircle } from '#lib/server/circles/guard.ts';
import { circleResource } from '#lib/server/circles/scope.ts';
import { can } from '#lib/server/policy/policy.ts';
import { localizeIssues } from '#lib/server/forms.ts';
import { searchCircle } from '#lib/server/circles/search/queries.ts';
import { circleSearchQuerySchema, presentResults } from '#lib/server/circles/search/results.ts';

/**
 * Full-text search inside the circle, for whoever may read its content. What a hit shows is plain
 * text (the page marks the matched words itself); drafts are found by the circle's leads only.
 */
export const load = async (event) => {
	const circle = await requireCircle(event, 'circle.read');
	const { actor, locale, network } = event.locals;
	const raw = event.url.searchParams.get('q') ?? '';
	const parsed = circleSearchQuerySchema.safeParse({ q: raw });
	if (!parsed.success)
		return {
			query: raw.slice(0, 1000),
			errors: localizeIssues(parsed.error.issues, locale) as Record<string, string>,
			results: null
		};
	const query = parsed.data.q;
	if (!query) return { query, errors: {} as Record<string, string>, results: null };
	const rows = await searchCircle({
		networkId: network.id,
		circleId: circle.id,
		query,
		includeDrafts: can(actor, 'circle.lead', circleResource(circle))
	});
	return {
		query,
		errors: {} as Record<string, string>,
		results: presentResults(rows, { slug: circle.slug, query, locale })
	};
};
