import { listEvents } from '#lib/server/api/endpoints.ts';
import { apiContext, methodNotAllowedResponse } from '#lib/server/api/http.ts';

export const GET = (event) => listEvents({ ...apiContext(event), networkName: event.locals.network.name });
export const fallback = (event) => methodNotAllowedResponse(apiContext(event), ['GET']);
