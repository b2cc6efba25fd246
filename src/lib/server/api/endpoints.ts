import type { z } from 'zod';
import type { meSchema, organisationListSchema } from '../../api/schemas.ts';
import { findProfile, findProfiles, searchDirectory } from '../directory/queries.ts';
import { AppError } from '../errors.ts';
import { isUuid } from '../office/params.ts';
import { directoryAudience } from '../policy/policy.ts';
import { findMe } from './queries.ts';
import { okResponse, requirePermission, runApi, type ApiContext } from './http.ts';
import { parseQuery } from './query-params.ts';
import { openApiDocument } from './openapi.ts';
import { organisationListQuerySchema, toDirectoryQuery } from './organisation-query.ts';
import { toApiFacets, toApiOrganisation, toApiProfile } from './organisations.ts';

/**
 * The endpoints' logic, free of SvelteKit so tests call them with a plain Request. The route
 * files under src/routes/api/v1 only build the context and call one of these.
 */

/**
 * GET /api/v1/organisations — the directory search, as the atlas runs it. A token is optional;
 * what the answer contains follows the token user's directory audience.
 */
export function listOrganisations(ctx: ApiContext) {
	return runApi(ctx, async (actor) => {
		requirePermission(actor, 'api.organisations.read');
		const query = parseQuery(ctx.url, organisationListQuerySchema);
		const audience = directoryAudience(actor);
		const result = await searchDirectory(actor.networkId, audience, toDirectoryQuery(query), {
			pageSize: query.pageSize
		});
		// The search's hits carry no facts but the size class; the year of joining comes from the profiles.
		const profiles = await findProfiles(
			actor.networkId,
			audience,
			result.hits.map((hit) => hit.id)
		);
		const memberSince = new Map(profiles.map((profile) => [profile.id, profile.memberSince]));
		const body: z.infer<typeof organisationListSchema> = {
			data: result.hits.map((hit) => toApiOrganisation(hit, memberSince.get(hit.id) ?? null, ctx.url.origin)),
			page: result.page,
			pageSize: result.pageSize,
			total: result.total,
			facets: toApiFacets(result.facets)
		};
		return okResponse(body, actor);
	});
}

/** Slugs are as long as the atlas accepts; anything else cannot name an organisation. */
const maxSlugLength = 200;

/**
 * GET /api/v1/organisations/{id} — one profile by id or slug. Unknown, malformed, foreign and
 * hidden organisations all answer the same 404, so an id reveals nothing about what exists.
 */
export function showOrganisation(ctx: ApiContext, idOrSlug: string) {
	return runApi(ctx, async (actor) => {
		requirePermission(actor, 'api.organisations.read');
		const audience = directoryAudience(actor);
		const by =
			idOrSlug.length > maxSlugLength
				? null
				: isUuid(idOrSlug)
					? { id: idOrSlug.toLowerCase() }
					: { slug: idOrSlug };
		const profile = by ? await findProfile(actor.networkId, audience, by) : null;
		if (!profile) throw new AppError('NOT_FOUND', 'organisation');
		return okResponse(toApiProfile(profile, ctx.url.origin), actor);
	});
}

export { listEvents, showEvent } from './events.ts';
export { listCooperationProfiles, showCooperationProfile } from './cooperation.ts';

/** GET /api/v1/me — the token's user. */
export function showMe(ctx: ApiContext) {
	return runApi(ctx, async (actor) => {
		requirePermission(actor, 'api.me.read');
		const body: z.infer<typeof meSchema> = await findMe({ ...actor, userId: actor.userId! });
		return okResponse(body, actor);
	});
}

/** GET /api/v1/openapi.json — the description of this API, public and the same for every network. */
export function showOpenApiDocument(ctx: ApiContext) {
	return runApi(ctx, async (actor) => {
		requirePermission(actor, 'public.view');
		return okResponse(openApiDocument(), actor);
	});
}
