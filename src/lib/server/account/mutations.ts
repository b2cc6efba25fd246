import { and, eq } from 'drizzle-orm';
import { db } from '../db/index.ts';
import { twoFactor, user } from '../db/schema/index.ts';

export type Locale = 'de' | 'en';

export async function setUserLocale(userId: string, locale: Locale) {
	await (await db()).update(user).set({ locale, updatedAt: new Date() }).where(eq(user.id, userId));
}

export type ProfileChanges = { name: string; locale: Locale; notificationEmail: string | null };

export async function updateProfile(userId: string, changes: ProfileChanges) {
	await (
		await db()
	)
		.update(user)
		.set({ ...changes, updatedAt: new Date() })
		.where(eq(user.id, userId));
}

/** Drops a TOTP setup that was started but never confirmed; a confirmed one stays. */
export async function deletePendingTwoFactor(userId: string) {
	await (
		await db()
	)
		.delete(twoFactor)
		.where(and(eq(twoFactor.userId, userId), eq(twoFactor.verified, false)));
}
