import { databaseHandle } from '../db/index.ts';

/** True when the database answers a trivial query within two seconds. */
export async function isDatabaseReachable(): Promise<boolean> {
	try {
		const handle = await databaseHandle();
		let timer: ReturnType<typeof setTimeout> | undefined;
		const timeout = new Promise<boolean>((resolve) => {
			timer = setTimeout(() => resolve(false), 2000);
		});
		try {
			return await Promise.race([handle.ping(), timeout]);
		} finally {
			clearTimeout(timer);
		}
	} catch {
		return false;
	}
}
