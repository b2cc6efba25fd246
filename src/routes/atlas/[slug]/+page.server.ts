import { authorize, notFound } from '#lib/server/guard.ts';
import { config } from '#lib/server/config.ts';
import { findProfile } from '#lib/server/directory/queries.ts';
import { profileMeta } from '#lib/components/directory/profile-meta.ts';

/** A public profile: public fields only, for visitors and search engines alike. */
export const load = async (event) => {
	authorize(event, 'public.view');
	const { locals, params } = event;
	if (params.slug.length > 200) notFound();
	const profile = await findProfile(locals.network.id, 'public', { slug: params.slug });
	if (!profile) notFound();
	const { MAP_TILE_URL, MAP_TILE_ATTRIBUTION } = config();
	return {
		profile,
		meta: profileMeta(profile, locals.origin, locals.locale),
		outlines: locals.network.settings.region?.outlines ?? [],
		tiles: MAP_TILE_URL ? { url: MAP_TILE_URL, attribution: MAP_TILE_ATTRIBUTION } : null
	};
};
