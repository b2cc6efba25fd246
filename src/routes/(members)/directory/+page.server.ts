import { authorize } from '#lib/server/guard.ts';
import { config } from '#lib/server/config.ts';
import { parseDirectoryQuery } from '#lib/directory/query.ts';
import { directoryAudience } from '#lib/server/policy/policy.ts';
import { listMapPoints, searchDirectory } from '#lib/server/directory/queries.ts';

/** The members' directory: the same search, with what members (or the office) may see. */
export const load = async (event) => {
	authorize(event, 'directory.members');
	const { locals, url } = event;
	const audience = directoryAudience(locals.actor);
	const query = parseDirectoryQuery(url.searchParams);
	const [result, points] = await Promise.all([
		searchDirectory(locals.network.id, audience, query),
		listMapPoints(locals.network.id, audience, query)
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
