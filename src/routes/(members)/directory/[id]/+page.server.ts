import { authorize, notFound } from '#lib/server/guard.ts';
import { config } from '#lib/server/config.ts';
import { can, directoryAudience } from '#lib/server/policy/policy.ts';
import { isUuid } from '#lib/server/office/params.ts';
import { findProfile } from '#lib/server/directory/queries.ts';

/** One profile for members (member-visible fields, consented contacts) or the office (everything). */
export const load = async (event) => {
	authorize(event, 'directory.members');
	const { locals, params } = event;
	if (!isUuid(params.id)) notFound();
	const audience = directoryAudience(locals.actor);
	const profile = await findProfile(locals.network.id, audience, { id: params.id });
	if (!profile) notFound();
	const mayEdit = can(locals.actor, 'organisation.edit_profile', {
		networkId: locals.network.id,
		organisationId: profile.id
	});
	const { MAP_TILE_URL, MAP_TILE_ATTRIBUTION } = config();
	return {
		profile,
		mayEdit,
		showStatus: audience === 'office',
		outlines: locals.network.settings.region?.outlines ?? [],
		tiles: MAP_TILE_URL ? { url: MAP_TILE_URL, attribution: MAP_TILE_ATTRIBUTION } : null
	};
};
