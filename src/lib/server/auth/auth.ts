import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { twoFactor } from 'better-auth/plugins';
import { sveltekitCookies } from 'better-auth/svelte-kit';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { createHash } from 'node:crypto';
import { config } from '../config.ts';
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

type Options = {
	db: Database;
	/** Inside SvelteKit: getRequestEvent, so cookies set by auth calls in form actions reach the browser. */
	getRequestEvent?: () => { cookies: { set: (...args: never[]) => void } } | undefined;
	/** Where mail links point and which network sends them; falls back to ORIGIN and the default network. */
	requestContext: () => Promise<RequestContext>;
};

/**
 * better-auth's secret signs session cookies. Production sets AUTH_SECRET; without it the secret is
 * derived from the data directory path so that a demo keeps its sessions across restarts.
 */
function authSecret() {
	const { AUTH_SECRET, DATA_DIR, DATABASE_URL } = config();
	if (AUTH_SECRET) return AUTH_SECRET;
	return createHash('sha256')
		.update(`knotenpunkt-demo-secret:${DATABASE_URL ?? DATA_DIR}`)
		.digest('hex');
}

export function createAuth({ db, getRequestEvent, requestContext }: Options) {
	const { ORIGIN } = config();
	return betterAuth({
		appName: 'Knotenpunkt',
		baseURL: ORIGIN,
		basePath: '/api/auth',
		secret: authSecret(),
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
			changeEmail: {
				enabled: true,
				sendChangeEmailVerification: async ({ user, newEmail, token }) => {
					const context = await requestContext();
					await sendAccountMail('change-email', {
						context,
						to: newEmail,
						name: user.name,
						link: `${context.origin}/verify-email?token=${encodeURIComponent(token)}`
					});
				}
			}
		},
		emailAndPassword: {
			enabled: true,
			minPasswordLength: PASSWORD_MIN_LENGTH,
			maxPasswordLength: PASSWORD_MAX_LENGTH,
			requireEmailVerification: true,
			revokeSessionsOnPasswordReset: true,
			resetPasswordTokenExpiresIn: 60 * 60,
			sendResetPassword: async ({ user, token }) => {
				const context = await requestContext();
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
			sendOnSignIn: true,
			autoSignInAfterVerification: false,
			expiresIn: 24 * 60 * 60,
			sendVerificationEmail: async ({ user, token }) => {
				const context = await requestContext();
				await sendAccountMail('verify-email', {
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
				const body = (ctx.body ?? {}) as { password?: unknown; newPassword?: unknown };
				for (const value of [body.password, body.newPassword]) {
					if (typeof value === 'string' && ctx.path !== '/sign-in/email') assertPasswordNotCommon(value);
				}
			})
		},
		plugins: [
			twoFactor({ issuer: 'Knotenpunkt' }),
			...(getRequestEvent ? [sveltekitCookies(getRequestEvent as never)] : [])
		]
	});
}

export type Auth = ReturnType<typeof createAuth>;

/** Common-password check applied where better-auth takes a new password. */
export function assertPasswordNotCommon(password: string) {
	if (isCommonPassword(password)) {
		throw new APIError('BAD_REQUEST', { message: 'PASSWORD_TOO_COMMON' });
	}
}
