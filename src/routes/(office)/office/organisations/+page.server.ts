import { authorize } from '#lib/server/guard.ts';
import { config } from '#lib/server/config.ts';
import { parseDirectoryQuery } from '#lib/directory/query.ts';
import { listMapPoints, searchDirectory } from '#lib/server/directory/queries.ts';

/** The office's member administration: the directory search with everything, plus status filters. */
export const load = async (event) => {
	authorize(event, 'office.organisations.read');
	const { locals, url } = event;
	const query = parseDirectoryQuery(url.searchParams);
	const [result, points] = await Promise.all([
		searchDirectory(locals.network.id, 'office', query),
		listMapPoints(locals.network.id, 'office', query)
	]);
	const { MAP_TILE_URL, MAP_TILE_ATTRIBUTION } = config();
	return {
		query,
		result,
		points,
		outlines: locals.network.settings.region?.outlines ?? [],
		tiles: MAP_TILE_URL ? { url: MAP_TILE_URL, attribution: MAP_TILE_ATTRIBUTION } : null
	};
};
