import type { Database } from '../db/index.ts';
import { eq } from 'drizzle-orm';
import { networks } from '../db/schema/index.ts';
import { ensureEventFormats } from './event-formats.ts';

/** A production database without demo data still needs one network to serve. */
export async function ensureDefaultNetwork(db: Database) {
	await db
		.insert(networks)
		.values({ slug: 'default', name: 'Knotenpunkt', shortName: 'Knotenpunkt', isDefault: true, hosts: [] })
		.onConflictDoNothing();
	const [network] = await db.select({ id: networks.id }).from(networks).where(eq(networks.slug, 'default'));
	if (network) await ensureEventFormats(db, network.id);
}
