import type { Database } from '../../src/lib/server/db/index.ts';
import { createAuth, type Auth, type CookieEvent } from '../../src/lib/server/auth/auth.ts';
import type { AuthCall } from '../../src/lib/server/auth/call.ts';
import { linkOrigin } from '../../src/lib/server/networks/origin.ts';
import { findNetworkForHost } from '../../src/lib/server/networks/queries.ts';
import { config } from '../../src/lib/server/config.ts';

type CookieRecord = { name: string; value: string; options: Record<string, unknown> };

/**
 * A stand-in for one browser talking to the form actions: better-auth's SvelteKit cookie plugin
 * writes into this jar exactly as it writes into `event.cookies` in the app, and every call
 * sends the jar back as a Cookie header.
 */
export class TestBrowser {
	readonly jar = new Map<string, string>();
	readonly written: CookieRecord[] = [];
	readonly url: URL;
	readonly ipAddress: string;
	readonly userAgent: string;

	constructor(options: { ipAddress?: string; userAgent?: string; origin?: string } = {}) {
		this.url = new URL(options.origin ?? 'http://localhost:3000/');
		this.ipAddress = options.ipAddress ?? '203.0.113.10';
		this.userAgent =
			options.userAgent ?? 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0';
	}

	readonly event: CookieEvent = {
		url: undefined,
		cookies: {
			set: (name, value, options) => {
				this.written.push({ name, value, options });
				const expired =
					options.maxAge === 0 ||
					(options.expires instanceof Date && options.expires.getTime() <= Date.now());
				if (expired || value === '') this.jar.delete(name);
				else this.jar.set(name, value);
			}
		}
	};

	headers(): Headers {
		const headers = new Headers({ 'user-agent': this.userAgent, 'x-forwarded-for': this.ipAddress });
		if (this.jar.size > 0) {
			headers.set(
				'cookie',
				[...this.jar].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('; ')
			);
		}
		return headers;
	}

	hasCookie(suffix: string) {
		return [...this.jar.keys()].some((name) => name.endsWith(suffix));
	}
}

/**
 * One auth instance for a test file, wired like the app's: cookies go to whichever browser is
 * "active" (the one whose call is running).
 */
export function createTestAuth(
	db: Database,
	context: { networkId: string | null; networkName?: string; requestOrigin?: string }
) {
	let active: TestBrowser | null = null;
	const auth: Auth = createAuth({
		db,
		getRequestEvent: () => (active ? { ...active.event, url: active.url } : undefined),
		// As hooks.server.ts does: the request's origin only if it is ORIGIN or a host of the network.
		requestContext: async () => ({
			origin: await linkOriginFor(context.requestOrigin ?? 'http://localhost:3000', context.networkId),
			networkId: context.networkId,
			networkName: context.networkName ?? 'Testnetz',
			locale: 'de'
		})
	});

	/** The AuthCall a form action would build for this browser. */
	function callFrom(browser: TestBrowser): AuthCall {
		active = browser;
		return {
			auth,
			headers: browser.headers(),
			networkId: context.networkId,
			ipAddress: browser.ipAddress,
			userAgent: browser.userAgent
		};
	}

	/** The session this browser's cookies carry (cookies better-auth clears go back to it). */
	function sessionOf(browser: TestBrowser) {
		return auth.api.getSession({ headers: callFrom(browser).headers });
	}

	return { auth, callFrom, sessionOf };
}

async function linkOriginFor(requestOrigin: string, networkId: string | null) {
	const url = new URL(requestOrigin);
	const network = networkId ? await findNetworkForHost(url.host) : null;
	const hosts = network && network.id === networkId ? network.hosts : [];
	return linkOrigin(url, hosts, config().ORIGIN);
}
