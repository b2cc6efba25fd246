import { showOrganisation } from '#lib/server/api/endpoints.ts';
import { apiContext, methodNotAllowedResponse } from '#lib/server/api/http.ts';

export const GET = (event) => showOrganisation(apiContext(event), event.params.id);
export const fallback = (event) => methodNotAllowedResponse(apiContext(event), ['GET']);
