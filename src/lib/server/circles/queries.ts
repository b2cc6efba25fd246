import { and, eq } from 'drizzle-orm';
import { db } from '../db/index.ts';
import { circles } from '../db/schema/index.ts';

/** The circle with this slug in this network, or null. */
export async function findCircleBySlug(networkId: string, slug: string) {
	const database = await db();
	const [row] = await database
		.select()
		.from(circles)
		.where(and(eq(circles.networkId, networkId), eq(circles.slug, slug)))
		.limit(1);
	return row ?? null;
}
