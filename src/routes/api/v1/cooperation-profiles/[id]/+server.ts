import { showCooperationProfile } from '#lib/server/api/endpoints.ts';
import { apiContext, methodNotAllowedResponse } from '#lib/server/api/http.ts';

export const GET = (event) => showCooperationProfile(apiContext(event), event.params.id);
export const fallback = (event) => methodNotAllowedResponse(apiContext(event), ['GET']);
