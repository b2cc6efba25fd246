import { apiContext, notFoundResponse } from '#lib/server/api/http.ts';

/** Any other path under /api/v1 answers a JSON 404, whatever the method. */
export const fallback = (event) => notFoundResponse(apiContext(event));
