import { showEvent } from '#lib/server/api/endpoints.ts';
import { apiContext, methodNotAllowedResponse } from '#lib/server/api/http.ts';

export const GET = (event) =>
	showEvent({ ...apiContext(event), networkName: event.locals.network.name }, event.params.id);
export const fallback = (event) => methodNotAllowedResponse(apiContext(event), ['GET']);
