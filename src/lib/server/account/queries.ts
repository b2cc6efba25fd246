import { and, desc, eq, gt } from 'drizzle-orm';
import { db } from '../db/index.ts';
import { account, session, twoFactor, user, verification } from '../db/schema/index.ts';

/**
 * Reads about one's own account. Accounts are global (one person, several networks), so these are
 * scoped by the user id, never by a network.
 */
export async function findAccountProfile(userId: string) {
	const [row] = await (
		await db()
	)
		.select({
			id: user.id,
			name: user.name,
			email: user.email,
			emailVerified: user.emailVerified,
			locale: user.locale,
			notificationEmail: user.notificationEmail,
			twoFactorEnabled: user.twoFactorEnabled
		})
		.from(user)
		.where(eq(user.id, userId));
	return row ?? null;
}

export async function listUserSessions(userId: string) {
	return (await db())
		.select({
			id: session.id,
			createdAt: session.createdAt,
			updatedAt: session.updatedAt,
			ipAddress: session.ipAddress,
			userAgent: session.userAgent
		})
		.from(session)
		.where(and(eq(session.userId, userId), gt(session.expiresAt, new Date())))
		.orderBy(desc(session.updatedAt));
}

/** The token better-auth revokes a session by; it never leaves the server. */
export async function findSessionToken(userId: string, sessionId: string) {
	const [row] = await (
		await db()
	)
		.select({ token: session.token })
		.from(session)
		.where(and(eq(session.id, sessionId), eq(session.userId, userId)));
	return row?.token ?? null;
}

export async function findCredentialPasswordHash(userId: string) {
	const [row] = await (
		await db()
	)
		.select({ password: account.password })
		.from(account)
		.where(and(eq(account.userId, userId), eq(account.providerId, 'credential')));
	return row?.password ?? null;
}

/** A TOTP secret that was created but not yet confirmed with a code (encrypted as stored). */
export async function findPendingTwoFactorSecret(userId: string) {
	const [row] = await (
		await db()
	)
		.select({ secret: twoFactor.secret })
		.from(twoFactor)
		.where(and(eq(twoFactor.userId, userId), eq(twoFactor.verified, false)));
	return row?.secret ?? null;
}

/** Who a pending verification (a reset token, a second-factor challenge) belongs to. */
export async function findUserOfVerification(identifier: string) {
	const [row] = await (
		await db()
	)
		.select({ id: user.id, email: user.email })
		.from(verification)
		.innerJoin(user, eq(user.id, verification.value))
		.where(and(eq(verification.identifier, identifier), gt(verification.expiresAt, new Date())));
	return row ?? null;
}

export async function findUserByEmail(email: string) {
	const [row] = await (
		await db()
	)
		.select({ id: user.id, email: user.email, name: user.name, locale: user.locale })
		.from(user)
		.where(eq(user.email, email.toLowerCase()));
	return row ?? null;
}
