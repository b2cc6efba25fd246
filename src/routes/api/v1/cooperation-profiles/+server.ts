import { listCooperationProfiles } from '#lib/server/api/endpoints.ts';
import { apiContext, methodNotAllowedResponse } from '#lib/server/api/http.ts';

export const GET = (event) => listCooperationProfiles(apiContext(event));
export const fallback = (event) => methodNotAllowedResponse(apiContext(event), ['GET']);
