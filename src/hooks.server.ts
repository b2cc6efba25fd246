import { randomUUID } from 'node:crypto';
import { error } from '@sveltejs/kit';
import { sequence, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit/hooks';
import { getRequestEvent } from '$app/server';
import { building } from '$app/env';
import { paraglideMiddleware } from '#lib/paraglide/server.js';
import { config } from '#lib/server/config.ts';
import { logger } from '#lib/server/logger.ts';
import { getAuth, startRuntime, stopRuntime } from '#lib/server/runtime.ts';
import { findNetworkForHost } from '#lib/server/networks/queries.ts';
import { linkOrigin } from '#lib/server/networks/origin.ts';
import { isDatabaseReachable } from '#lib/server/health/queries.ts';
import { anonymousActor } from '#lib/server/policy/actor.ts';
import { loadActor } from '#lib/server/policy/queries.ts';

function requestContext() {
	const event = getRequestEventOrNull();
	return Promise.resolve({
		origin: event?.locals.origin ?? config().ORIGIN,
		networkId: event?.locals.network?.id ?? null,
		networkName: event?.locals.network?.name ?? 'Knotenpunkt',
		locale: event?.locals.locale ?? 'de'
	});
}

function getRequestEventOrNull() {
	try {
		return getRequestEvent();
	} catch {
		return null;
	}
}

export const init: ServerInit = async () => {
	if (building) return;
	await startRuntime({ getRequestEvent: getRequestEventOrNull as never, requestContext });
	process.once('sveltekit:shutdown', () => void stopRuntime());
};

/** A request id on every log line and response; one line per request. */
const handleRequestLog: Handle = async ({ event, resolve }) => {
	const incoming = event.request.headers.get('x-request-id');
	event.locals.requestId = incoming && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
	event.locals.clientAddress = safeClientAddress(event);
	const started = performance.now();
	let status = 500;
	try {
		const response = await resolve(event);
		status = response.status;
		response.headers.set('x-request-id', event.locals.requestId);
		return response;
	} finally {
		logger.info(
			{
				requestId: event.locals.requestId,
				method: event.request.method,
				path: event.url.pathname,
				status,
				ms: Math.round(performance.now() - started),
				userId: event.locals.user?.id
			},
			'request'
		);
	}
};

function safeClientAddress(event: Parameters<Handle>[0]['event']) {
	try {
		return event.getClientAddress();
	} catch {
		return 'unknown';
	}
}

/**
 * GET /healthz answers before anything else touches the database, and reports whether the
 * database is reachable (200) or not (503). Load balancers poll it; it carries no data.
 */
const handleHealth: Handle = async ({ event, resolve }) => {
	if (event.url.pathname !== '/healthz') return resolve(event);
	const started = performance.now();
	const database = await isDatabaseReachable();
	return new Response(
		JSON.stringify({
			status: database ? 'ok' : 'unavailable',
			database: database ? 'reachable' : 'unreachable',
			ms: Math.round(performance.now() - started)
		}),
		{
			status: database ? 200 : 503,
			headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }
		}
	);
};

const handleNetwork: Handle = async ({ event, resolve }) => {
	const network = await findNetworkForHost(event.url.host);
	if (!network) error(503, 'No network is configured.');
	event.locals.network = network;
	event.locals.origin = linkOrigin(event.url, network.hosts, config().ORIGIN);
	return resolve(event);
};

const handleSession: Handle = async ({ event, resolve }) => {
	const network = event.locals.network;
	event.locals.user = null;
	event.locals.sessionId = null;
	event.locals.actor = anonymousActor(network.id);
	// The JSON API authenticates with bearer tokens only (no CSRF exposure); skip the session lookup.
	if (event.url.pathname.startsWith('/api/')) return resolve(event);
	const session = await getAuth().api.getSession({ headers: event.request.headers });
	if (session) {
		const user = session.user as typeof session.user & { locale?: string; twoFactorEnabled?: boolean };
		event.locals.user = {
			id: user.id,
			email: user.email,
			name: user.name,
			emailVerified: user.emailVerified,
			locale: user.locale ?? 'de',
			twoFactorEnabled: !!user.twoFactorEnabled
		};
		event.locals.sessionId = session.session.id;
		event.locals.actor = await loadActor(network.id, event.locals.user);
	}
	return resolve(event);
};

const handleLocale: Handle = ({ event, resolve }) =>
	// With the cookie strategy the request is passed on unchanged; only the locale matters here.
	paraglideMiddleware(event.request, ({ locale }) => {
		event.locals.locale = locale === 'en' ? 'en' : 'de';
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});

/** Security headers beyond the CSP (which SvelteKit writes with nonces/hashes). */
const handleSecurityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const headers = response.headers;
	headers.set('x-content-type-options', 'nosniff');
	// Pages with a secret in their URL (personal registration and feedback links) set their own.
	if (!headers.has('referrer-policy')) headers.set('referrer-policy', 'strict-origin-when-cross-origin');
	headers.set('x-frame-options', 'DENY');
	// The check-in page reads QR codes with the camera; no other page may ask for it.
	const camera = event.route.id === '/events/[id]/check-in' ? 'camera=(self)' : 'camera=()';
	headers.set('permissions-policy', `${camera}, microphone=(), geolocation=()`);
	headers.set('cross-origin-opener-policy', 'same-origin');
	if (event.url.protocol === 'https:') {
		headers.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
	}
	allowMapTiles(headers);
	return response;
};

/**
 * The CSP is fixed at build time; the map tile server is configured at run time. Where tiles are
 * configured, pages may load images from that one origin (and nothing else changes).
 */
function allowMapTiles(headers: Headers) {
	const tileUrl = config().MAP_TILE_URL;
	const policy = headers.get('content-security-policy');
	if (!tileUrl || !policy) return;
	// Tile templates may carry {s} subdomains: allow the host pattern, e.g. https://*.tile.example.
	const origin = new URL(tileUrl.replace('{s}.', 'sub.').replace(/\{[a-z]+\}/g, '0')).origin.replace(
		'//sub.',
		'//*.'
	);
	headers.set('content-security-policy', policy.replace(/img-src ([^;]*)/, `img-src $1 ${origin}`));
}

export const handle = sequence(
	handleRequestLog,
	handleSecurityHeaders,
	handleHealth,
	handleNetwork,
	handleLocale,
	handleSession
);

/** App errors (error()) and framework errors (404s) keep their status and message; the rest is logged. */
export const handleError: HandleServerError = ({ kind, error: thrown, event }) => {
	if (kind !== 'unknown') return {};
	logger.error({ err: thrown, requestId: event.locals.requestId }, 'unhandled error');
	return { message: 'Internal error', requestId: event.locals.requestId };
};
