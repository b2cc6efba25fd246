import type { Database } from '../db/index.ts';
import { networks } from '../db/schema/index.ts';

/** A production database without demo data still needs one network to serve. */
export async function ensureDefaultNetwork(db: Database) {
	await db
		.insert(networks)
		.values({ slug: 'default', name: 'Knotenpunkt', shortName: 'Knotenpunkt', isDefault: true, hosts: [] })
		.onConflictDoNothing();
}
