import { and, asc, eq } from 'drizzle-orm';
import { db } from '../../db/index.ts';
import { circleMemberships, circles } from '../../db/schema/index.ts';

/** The person's preference in this circle, or null when they are not a member. */
export async function findNotificationMode(networkId: string, circleId: string, userId: string) {
	const database = await db();
	const [row] = await database
		.select({ mode: circleMemberships.notificationMode })
		.from(circleMemberships)
		.where(
			and(
				eq(circleMemberships.networkId, networkId),
				eq(circleMemberships.circleId, circleId),
				eq(circleMemberships.userId, userId)
			)
		);
	return row?.mode ?? null;
}

/** Every circle of this network the person is a member of, with their preference, by name. */
export async function listNotificationModes(networkId: string, userId: string) {
	const database = await db();
	return database
		.select({
			circleId: circles.id,
			slug: circles.slug,
			nameDe: circles.nameDe,
			nameEn: circles.nameEn,
			mode: circleMemberships.notificationMode
		})
		.from(circleMemberships)
		.innerJoin(circles, and(eq(circles.id, circleMemberships.circleId), eq(circles.networkId, networkId)))
		.where(and(eq(circleMemberships.networkId, networkId), eq(circleMemberships.userId, userId)))
		.orderBy(asc(circles.nameDe));
}
