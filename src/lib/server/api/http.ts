import type { z } from 'zod';
import { m } from '../../paraglide/messages.js';
import { AppError } from '../errors.ts';
import { localizeIssues } from '../forms.ts';
import { logger } from '../logger.ts';
import { can, type Action } from '../policy/policy.ts';
import { hitRateLimit, type RateLimitRule } from '../rate-limit/mutations.ts';
import type { Actor } from '../policy/actor.ts';
import type { ApiErrorBody, ApiErrorCode } from '../../api/schemas.ts';
import { authenticateApiRequest } from './authenticate.ts';
import { apiLocale } from './locale.ts';

/** What an API handler needs from a request; built from SvelteKit's event by `apiContext`. */
export type ApiContext = {
	request: Request;
	url: URL;
	networkId: string;
	locale: 'de' | 'en';
	clientAddress: string;
	requestId: string;
};

type EventLike = {
	request: Request;
	url: URL;
	locals: { network: { id: string }; locale: 'de' | 'en'; clientAddress: string; requestId: string };
};

export function apiContext(event: EventLike): ApiContext {
	return {
		request: event.request,
		url: event.url,
		networkId: event.locals.network.id,
		locale: apiLocale(event.request.headers.get('accept-language'), event.locals.locale),
		clientAddress: event.locals.clientAddress,
		requestId: event.locals.requestId
	};
}

/** Per client address, across all API endpoints. Generous: it protects the service, not data. */
export const apiRateLimit: RateLimitRule = { limit: 300, windowSeconds: 60 };

const realm = 'Bearer realm="Knotenpunkt API"';

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}) {
	return new Response(JSON.stringify(body), {
		status,
		headers: { 'content-type': 'application/json; charset=utf-8', ...headers }
	});
}

export function errorResponse(
	code: ApiErrorCode,
	status: number,
	message: string,
	options: { details?: ApiErrorBody['error']['details']; headers?: Record<string, string> } = {}
) {
	const body: ApiErrorBody = {
		error: { code, message, ...(options.details ? { details: options.details } : {}) }
	};
	// Errors are never cached: they may depend on the credential or a moment's rate limit.
	return jsonResponse(body, status, { 'cache-control': 'no-store', ...options.headers });
}

/** A success answer. Anything seen through a token is private to it and never stored by caches. */
export function okResponse(body: unknown, actor: Actor) {
	return jsonResponse(body, 200, {
		'cache-control': actor.viaApiToken ? 'no-store' : 'public, max-age=60',
		vary: 'Authorization, Accept-Language'
	});
}

/** The policy decides; an anonymous caller who is refused is asked for a token (401), others get 403. */
export function requirePermission(actor: Actor, action: Action) {
	if (can(actor, action)) return;
	throw new AppError(actor.userId ? 'FORBIDDEN' : 'UNAUTHENTICATED', action);
}

type Handler = (actor: Actor) => Promise<Response>;

/**
 * The one pipeline every API endpoint runs: rate limit, bearer authentication, then the handler.
 * Failures become the JSON error shape here, and nothing internal leaks into a 500.
 */
export async function runApi(ctx: ApiContext, handler: Handler): Promise<Response> {
	try {
		const limit = await hitRateLimit(`api:ip:${ctx.clientAddress}`, apiRateLimit);
		if (!limit.allowed) {
			return errorResponse(
				'RATE_LIMITED',
				429,
				m.api_error_rate_limited({ seconds: limit.retryAfterSeconds }, { locale: ctx.locale }),
				{
					headers: { 'retry-after': String(limit.retryAfterSeconds) }
				}
			);
		}
		const auth = await authenticateApiRequest(ctx.networkId, ctx.request.headers.get('authorization'));
		if (!auth.ok) {
			return errorResponse('UNAUTHENTICATED', 401, m.api_error_token_invalid({}, { locale: ctx.locale }), {
				headers: { 'www-authenticate': `${realm}, error="invalid_token"` }
			});
		}
		return await handler(auth.actor);
	} catch (thrown) {
		if (thrown instanceof AppError) return appErrorResponse(ctx, thrown);
		logger.error({ err: thrown, requestId: ctx.requestId, path: ctx.url.pathname }, 'api error');
		return errorResponse(
			'INTERNAL',
			500,
			m.api_error_internal({ requestId: ctx.requestId }, { locale: ctx.locale })
		);
	}
}

function appErrorResponse(ctx: ApiContext, thrown: AppError): Response {
	const locale = ctx.locale;
	switch (thrown.code) {
		case 'UNAUTHENTICATED':
			return errorResponse('UNAUTHENTICATED', 401, m.api_error_token_required({}, { locale }), {
				headers: { 'www-authenticate': realm }
			});
		case 'FORBIDDEN':
			return errorResponse('FORBIDDEN', 403, m.api_error_forbidden({}, { locale }));
		case 'NOT_FOUND':
			return errorResponse(
				'NOT_FOUND',
				404,
				thrown.message === 'organisation'
					? m.api_error_organisation_not_found({}, { locale })
					: m.api_error_not_found({}, { locale })
			);
		case 'VALIDATION': {
			const issues = (thrown.details?.issues ?? []) as z.core.$ZodIssue[];
			return errorResponse('VALIDATION', 400, m.api_error_validation({}, { locale }), {
				details: { fields: localizeIssues(issues, locale) }
			});
		}
		default:
			logger.error({ err: thrown, requestId: ctx.requestId, path: ctx.url.pathname }, 'api error');
			return errorResponse('INTERNAL', 500, m.api_error_internal({ requestId: ctx.requestId }, { locale }));
	}
}

/** Any path under /api/v1 that no endpoint serves. */
export function notFoundResponse(ctx: ApiContext) {
	return errorResponse('NOT_FOUND', 404, m.api_error_not_found({}, { locale: ctx.locale }));
}

/** A method an endpoint does not serve; `Allow` lists the ones it does. */
export function methodNotAllowedResponse(ctx: ApiContext, allowed: string[]) {
	const list = allowed.includes('GET') && !allowed.includes('HEAD') ? [...allowed, 'HEAD'] : allowed;
	return errorResponse(
		'METHOD_NOT_ALLOWED',
		405,
		m.api_error_method_not_allowed(
			{ method: ctx.request.method, allowed: list.join(', ') },
			{ locale: ctx.locale }
		),
		{ headers: { allow: list.join(', ') } }
	);
}
