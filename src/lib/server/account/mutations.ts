import { eq } from 'drizzle-orm';
import { db } from '../db/index.ts';
import { user } from '../db/schema/index.ts';

export async function setUserLocale(userId: string, locale: 'de' | 'en') {
	await (await db()).update(user).set({ locale, updatedAt: new Date() }).where(eq(user.id, userId));
}
