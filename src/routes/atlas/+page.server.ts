import { authorize } from '#lib/server/guard.ts';
import { config } from '#lib/server/config.ts';
import { parseDirectoryQuery } from '#lib/directory/query.ts';
import { listMapPoints, searchDirectory } from '#lib/server/directory/queries.ts';

/**
 * The public Kompetenzatlas. Always the public audience, signed in or not: the page shows what the
 * region shows to everyone, so it is the same for every visitor (and can be cached in front).
 */
export const load = async (event) => {
	authorize(event, 'public.view');
	const { locals, url } = event;
	const query = parseDirectoryQuery(url.searchParams);
	const [result, points] = await Promise.all([
		searchDirectory(locals.network.id, 'public', query),
		listMapPoints(locals.network.id, 'public', query)
	]);
	const { MAP_TILE_URL, MAP_TILE_ATTRIBUTION } = config();
	return {
		query,
		result,
		points,
		outlines: locals.network.settings.region?.outlines ?? [],
		tiles: MAP_TILE_URL ? { url: MAP_TILE_URL, attribution: MAP_TILE_ATTRIBUTION } : null,
		canonical: `${locals.origin}/atlas`
	};
};
