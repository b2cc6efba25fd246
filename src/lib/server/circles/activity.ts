import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../db/index.ts';
import { circleActivities, circleMemberships, circleNotifications } from '../db/schema/index.ts';
import type { CircleActivityKind, NotificationReason } from '../../circles/vocabulary.ts';
import { enqueueJob, isJobRunnerStarted } from '../jobs/boss.ts';
import { CIRCLE_NOTIFICATION_MAIL_JOB } from './jobs.ts';
import { deliverNotificationMailsIn } from './notifications/deliver.ts';

export type CircleActivityInput = {
	networkId: string;
	circleId: string;
	kind: CircleActivityKind;
	/** The thread, post, document, minutes, event or action item. */
	subjectId: string;
	actorUserId: string | null;
	/** Plain text: a thread's title, a file's name, a meeting's title. */
	title: string;
	/** Where it is in the app, e.g. `/circles/<slug>/threads/<id>#post-<id>`. */
	path: string;
	/** People @mentioned: notified (reason 'mention') if they are members of the circle. */
	mentionedUserIds?: string[];
	/** People it is assigned to (an action item's owner): notified (reason 'assigned') if members. */
	assignedUserIds?: string[];
	/**
	 * Who is notified: every member (true, the default); only the mentioned and assigned members
	 * ('named', e.g. an edit that adds a mention); nobody (false: listed in the recent activity only,
	 * e.g. minutes, which are mailed on their own).
	 */
	notify?: boolean | 'named';
};

/**
 * Records one happening in a circle, in the caller's transaction, and a notification for every
 * member who hears of it: everyone but the actor whose preference is not 'off'. Mentions and
 * assignments take precedence as the reason. The mails themselves are sent by the notification
 * jobs (immediately or in the daily digest), see notifications/; when someone wants them at once,
 * the immediate-mail job is enqueued in this same transaction.
 */
export async function recordCircleActivity(tx: DatabaseOrTransaction, input: CircleActivityInput) {
	const [activity] = await tx
		.insert(circleActivities)
		.values({
			networkId: input.networkId,
			circleId: input.circleId,
			kind: input.kind,
			subjectId: input.subjectId,
			actorUserId: input.actorUserId,
			title: input.title.slice(0, 300),
			path: input.path
		})
		.returning({ id: circleActivities.id });
	const activityId = activity!.id;
	if (input.notify === false) return { activityId, recipients: [] as string[] };
	const mentioned = new Set(input.mentionedUserIds ?? []);
	const assigned = new Set(input.assignedUserIds ?? []);
	const named = [...mentioned, ...assigned];
	if (input.notify === 'named' && named.length === 0) return { activityId, recipients: [] as string[] };

	const members = await tx
		.select({ userId: circleMemberships.userId, mode: circleMemberships.notificationMode })
		.from(circleMemberships)
		.where(
			and(
				eq(circleMemberships.networkId, input.networkId),
				eq(circleMemberships.circleId, input.circleId),
				ne(circleMemberships.notificationMode, 'off'),
				input.actorUserId ? ne(circleMemberships.userId, input.actorUserId) : undefined,
				input.notify === 'named' ? inArray(circleMemberships.userId, named) : undefined
			)
		);
	const reasonOf = (userId: string): NotificationReason =>
		assigned.has(userId) ? 'assigned' : mentioned.has(userId) ? 'mention' : 'activity';
	const rows = members.map(({ userId }) => ({
		networkId: input.networkId,
		circleId: input.circleId,
		activityId,
		userId,
		reason: reasonOf(userId)
	}));
	if (rows.length > 0) await tx.insert(circleNotifications).values(rows);
	if (members.some((member) => member.mode === 'immediate')) await oweImmediateMails(tx, activityId);
	return { activityId, recipients: rows.map((row) => row.userId) };
}

/**
 * Owes the activity's immediate mails, in the caller's transaction: a job row when this process runs
 * the job queue (every server does), so the mails exist if and only if the activity does, and the
 * caller does not wait for them. Without a runner (a command-line script, most tests) — or one that
 * stopped in between — the mails are queued right here, in the same transaction, as the event
 * registration mails are: still exactly once, only at the caller's cost. Code that adds
 * notifications to an activity itself (notify: false, then its own rows) calls this afterwards.
 */
export async function oweImmediateMails(tx: DatabaseOrTransaction, activityId: string) {
	if (isJobRunnerStarted()) {
		const jobId = await enqueueJob(CIRCLE_NOTIFICATION_MAIL_JOB, { activityId }, { tx });
		if (jobId) return;
	}
	await deliverNotificationMailsIn(tx, activityId);
}

/** Marks a person's notifications about these subjects as seen (they opened the item). */
export async function markCircleActivitySeen(
	tx: DatabaseOrTransaction,
	input: { networkId: string; userId: string; subjectIds: string[] }
) {
	if (input.subjectIds.length === 0) return;
	const activities = tx
		.select({ id: circleActivities.id })
		.from(circleActivities)
		.where(
			and(
				eq(circleActivities.networkId, input.networkId),
				inArray(circleActivities.subjectId, input.subjectIds)
			)
		);
	await tx
		.update(circleNotifications)
		.set({ seenAt: new Date() })
		.where(
			and(
				eq(circleNotifications.userId, input.userId),
				isNull(circleNotifications.seenAt),
				inArray(circleNotifications.activityId, activities)
			)
		);
}
