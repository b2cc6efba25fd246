import type { Database } from '../db/index.ts';
import { ensureDefaultNetwork } from './default-network.ts';

export const DEMO_PASSWORD = 'knotenpunkt-demo';

/** Placeholder: seeds only the network. */
export async function seedDemoData(db: Database) {
	await ensureDefaultNetwork(db);
	return { organisations: 0 };
}

export function printDemoAccounts() {}
