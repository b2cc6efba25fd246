import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { twoFactor } from 'better-auth/plugins';
import { sveltekitCookies } from 'better-auth/svelte-kit';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { config } from '../config.ts';
import { applicationSecret } from '../secrets.ts';
import { logger } from '../logger.ts';
import type { Database } from '../db/index.ts';
import * as schema from '../db/schema/index.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, isCommonPassword } from './password-policy.ts';
import { sendAccountMail } from './account-mails.ts';

export type RequestContext = {
	origin: string;
	networkId: string | null;
	networkName: string;
	locale: 'de' | 'en';
};

type CookieOptions = Record<string, unknown> & { secure?: boolean };

/** The part of SvelteKit's RequestEvent that carries cookies set by auth calls to the browser. */
export type CookieEvent = {
	url?: URL;
	cookies: { set: (name: string, value: string, options: CookieOptions & { path: string }) => void };
};

type Options = {
	db: Database;
	/** Inside SvelteKit: getRequestEvent, so cookies set by auth calls in form actions reach the browser. */
	getRequestEvent?: () => CookieEvent | null | undefined;
	/** Where mail links point and which network sends them; falls back to ORIGIN and the default network. */
	requestContext: () => Promise<RequestContext>;
};

export function createAuth({ db, getRequestEvent, requestContext }: Options) {
	const { ORIGIN } = config();
	return betterAuth({
		appName: 'Knotenpunkt',
		baseURL: ORIGIN,
		basePath: '/api/auth',
		// Signs session cookies and encrypts two-factor secrets: the configured secret as it is
		// (AUTH_SECRET, or a demo secret derived from the data directory; see secrets.ts).
		secret: applicationSecret(),
		// Warnings such as "user not found" are routine here (the audit log records sign-ins); only
		// errors go to our log, as structured lines without the arguments (which may hold addresses).
		logger: {
			level: 'error',
			log: (level, message, ...args) => {
				const err = args.find((arg) => arg instanceof Error);
				logger[level === 'debug' ? 'debug' : level]({ source: 'better-auth', err }, message);
			}
		},
		trustedOrigins: async (request) => (request ? [new URL(request.url).origin] : [ORIGIN]),
		database: drizzleAdapter(db, {
			provider: 'pg',
			schema: {
				user: schema.user,
				session: schema.session,
				account: schema.account,
				verification: schema.verification,
				twoFactor: schema.twoFactor
			}
		}),
		user: {
			additionalFields: {
				locale: { type: 'string', required: false, defaultValue: 'de', input: true },
				notificationEmail: { type: 'string', required: false, input: false }
			},
			// A verified user's new address gets a link (a change-email token) and changes once it is opened.
			changeEmail: { enabled: true }
		},
		emailAndPassword: {
			enabled: true,
			minPasswordLength: PASSWORD_MIN_LENGTH,
			maxPasswordLength: PASSWORD_MAX_LENGTH,
			requireEmailVerification: true,
			revokeSessionsOnPasswordReset: true,
			resetPasswordTokenExpiresIn: 60 * 60,
			sendResetPassword: async ({ user, token }) => {
				const context = await mailContext(requestContext, user);
				await sendAccountMail('password-reset', {
					context,
					to: user.email,
					name: user.name,
					link: `${context.origin}/reset-password?token=${encodeURIComponent(token)}`
				});
			}
		},
		emailVerification: {
			sendOnSignUp: true,
			// The sign-in page offers an explicit (rate-limited) "send the link again" instead.
			sendOnSignIn: false,
			autoSignInAfterVerification: false,
			expiresIn: 24 * 60 * 60,
			sendVerificationEmail: async ({ user, token }) => {
				const context = await mailContext(requestContext, user);
				// better-auth sends the link for a new address through this callback too.
				await sendAccountMail(isChangeEmailToken(token) ? 'change-email' : 'verify-email', {
					context,
					to: user.email,
					name: user.name,
					link: `${context.origin}/verify-email?token=${encodeURIComponent(token)}`
				});
			}
		},
		session: {
			expiresIn: 60 * 60 * 24 * 14,
			updateAge: 60 * 60 * 24
		},
		// Our own limiter covers sign-in per IP and per account, sign-up and reset (rate-limit.ts).
		rateLimit: { enabled: false },
		advanced: {
			cookiePrefix: 'kp',
			useSecureCookies: ORIGIN.startsWith('https://'),
			defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
			database: { generateId: () => crypto.randomUUID() }
		},
		hooks: {
			// Defence in depth: the form actions check this first, with a friendlier message.
			before: createAuthMiddleware(async (ctx) => {
				const field = newPasswordField[ctx.path];
				const value = field ? (ctx.body as Record<string, unknown> | undefined)?.[field] : undefined;
				if (typeof value === 'string') assertPasswordNotCommon(value);
			})
		},
		plugins: [
			twoFactor({ issuer: 'Knotenpunkt' }),
			...(getRequestEvent ? [sveltekitCookies(secureOverHttps(getRequestEvent) as never)] : [])
		]
	});
}

export type Auth = ReturnType<typeof createAuth>;

/** Where better-auth takes a *new* password (the current one is never checked against the list). */
const newPasswordField: Record<string, string> = {
	'/sign-up/email': 'password',
	'/change-password': 'newPassword',
	'/reset-password': 'newPassword'
};

/**
 * better-auth decides the Secure flag once, from ORIGIN. A request that reached us over https
 * (directly or through a proxy that says so in X-Forwarded-Proto, which server/index.ts
 * normalises) gets Secure cookies even when ORIGIN was left at its http default.
 */
function secureOverHttps(getRequestEvent: () => CookieEvent | null | undefined) {
	return () => {
		const event = getRequestEvent();
		if (!event) return undefined;
		const https = event.url?.protocol === 'https:';
		return {
			cookies: {
				set: (name: string, value: string, options: CookieOptions & { path: string }) =>
					event.cookies.set(name, value, { ...options, secure: options.secure === true || https })
			}
		};
	};
}

/**
 * The context for an account mail, in the account's language. Its origin is already one we trust
 * (`locals.origin`, see linkOrigin in networks/origin.ts), never the sender's Host header as such.
 */
async function mailContext(
	requestContext: () => Promise<RequestContext>,
	user: object
): Promise<RequestContext> {
	const context = await requestContext();
	const locale = (user as { locale?: unknown }).locale;
	return {
		...context,
		locale: locale === 'de' || locale === 'en' ? locale : context.locale
	};
}

/** better-auth's change-email tokens carry the new address as `updateTo` (a JWT it signed itself). */
function isChangeEmailToken(token: string) {
	try {
		const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
		return typeof payload?.updateTo === 'string';
	} catch {
		return false;
	}
}

/** Common-password check applied where better-auth takes a new password. */
export function assertPasswordNotCommon(password: string) {
	if (isCommonPassword(password)) {
		throw new APIError('BAD_REQUEST', { code: 'PASSWORD_TOO_COMMON', message: 'PASSWORD_TOO_COMMON' });
	}
}
