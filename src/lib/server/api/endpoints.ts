import {
	organisationListQuerySchema,
	type meSchema,
	type organisationListSchema
} from '../../api/schemas.ts';
import type { z } from 'zod';
import { findMe, findPublicOrganisations } from './queries.ts';
import { okResponse, parseQuery, requirePermission, runApi, type ApiContext } from './http.ts';
import { openApiDocument } from './openapi.ts';

/**
 * The endpoints' logic, free of SvelteKit so tests call them with a plain Request. The route
 * files under src/routes/api/v1 only build the context and call one of these.
 */

/** GET /api/v1/organisations — public, a token is optional. */
export function listOrganisations(ctx: ApiContext) {
	return runApi(ctx, async (actor) => {
		requirePermission(actor, 'api.organisations.read');
		const query = parseQuery(ctx.url, organisationListQuerySchema);
		const body: z.infer<typeof organisationListSchema> = await findPublicOrganisations(
			actor.networkId,
			query
		);
		return okResponse(body, actor);
	});
}

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
