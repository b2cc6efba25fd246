import type { Pool } from 'pg';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../helpers/database.ts';
import { testJobSettings, waitFor } from '../helpers/mail.ts';
import { openDatabase, type DatabaseHandle } from '../../src/lib/server/db/client.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import {
	circleDigests,
	circleMemberships,
	circleNotifications,
	mailMessages
} from '../../src/lib/server/db/schema/index.ts';
import {
	addToCircle,
	createCircle,
	createNetwork,
	createUser
} from '../../src/lib/server/testing/factories.ts';
import { recordActivity } from '../../src/lib/server/testing/circle-notification-factories.ts';
import { markCircleActivitySeen } from '../../src/lib/server/circles/activity.ts';
import type { CircleActivityKind } from '../../src/lib/circles/vocabulary.ts';
import type { NotificationMode } from '../../src/lib/circles/vocabulary.ts';
import { sendDueDigests } from '../../src/lib/server/circles/notifications/digest.ts';
import { berlinDay } from '../../src/lib/server/circles/meetings/dates.ts';
import { deliverNotificationMails } from '../../src/lib/server/circles/notifications/deliver.ts';
import { startJobs, stopJobs } from '../../src/lib/server/jobs/boss.ts';

const DAY = 24 * 60 * 60 * 1000;
const ORIGIN = 'https://kreise.example.test';

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let db: Database;
/** A second connection pool on the same PostgreSQL database, as a second server process has. */
let secondHandle: DatabaseHandle | undefined;
let networkId: string;
type Person = { id: string; email: string; name: string };
type Circle = { id: string; networkId: string; slug: string; nameDe: string };

beforeAll(async () => {
	database = await useFreshDatabase();
	db = database.db;
	if (database.handle.driver === 'pg') {
		const url = (database.handle.client as Pool).options.connectionString!;
		secondHandle = await openDatabase({ url });
	}
	networkId = (await createNetwork(db, { hosts: ['kreise.example.test'] })).id;
});

afterAll(async () => {
	await stopJobs();
	await secondHandle?.close();
	await database?.close();
});

let counter = 0;
async function person(locale: 'de' | 'en' = 'de'): Promise<Person> {
	counter++;
	const row = await createUser(db, { name: `Person ${counter}`, locale });
	return { id: row.id, email: row.email, name: row.name };
}

async function member(
	circle: Circle,
	who: Person,
	mode: NotificationMode,
	role: 'member' | 'lead' = 'member'
) {
	await addToCircle(db, networkId, circle.id, who.id, role);
	await setMode(circle, who, mode);
}

async function setMode(circle: Circle, who: Person, mode: NotificationMode) {
	await db
		.update(circleMemberships)
		.set({ notificationMode: mode })
		.where(and(eq(circleMemberships.circleId, circle.id), eq(circleMemberships.userId, who.id)));
}

async function newCircle(name: string): Promise<Circle> {
	return createCircle(db, networkId, { nameDe: name, nameEn: `${name} (en)` });
}

function activity(
	circle: Circle,
	actor: Person | null,
	title: string,
	extra: { kind?: CircleActivityKind; mentioned?: string[]; assigned?: string[] } = {}
) {
	const subjectId = crypto.randomUUID();
	return recordActivity(db, {
		networkId,
		circleId: circle.id,
		kind: extra.kind ?? 'thread_created',
		subjectId,
		actorUserId: actor?.id ?? null,
		title,
		path: `/circles/${circle.slug}/threads/${subjectId}`,
		mentionedUserIds: extra.mentioned,
		assignedUserIds: extra.assigned
	}).then((result) => ({ ...result, subjectId }));
}

const mailsTo = (who: Person, kind?: string) =>
	db
		.select()
		.from(mailMessages)
		.where(and(eq(mailMessages.toAddress, who.email), kind ? eq(mailMessages.kind, kind) : undefined));

/** A fixed noon in Berlin after today, so the runs' days do not depend on when the tests run. */
function berlinNoon(daysAhead: number) {
	const base = new Date(Date.now() + daysAhead * DAY);
	return new Date(`${berlinDay(base)}T10:00:00Z`);
}

describe('immediate notification mails', () => {
	it('go out once per person who wants them, with a working link, in their language', async () => {
		const circle = await newCircle('Wasserstoff');
		const [author, quick, quickEn, daily, silent] = await Promise.all([
			person(),
			person(),
			person('en'),
			person(),
			person()
		]);
		await member(circle, author, 'immediate');
		await member(circle, quick, 'immediate');
		await member(circle, quickEn, 'immediate');
		await member(circle, daily, 'digest');
		await member(circle, silent, 'off');

		const { activityId, recipients, subjectId } = await activity(circle, author, 'Elektrolyse im Hafen');
		// Everyone but the author whose preference is not 'off' is notified.
		expect(recipients.sort()).toEqual([quick.id, quickEn.id, daily.id].sort());

		// Without a job runner (as here) the mails are queued in the activity's own transaction.
		const [mail] = await mailsTo(quick, 'circle-notification');
		expect(mail!.subject).toBe('[Wasserstoff] Elektrolyse im Hafen');
		expect(mail!.textBody).toContain(`${author.name} hat im Expertenkreis Wasserstoff`);
		expect(mail!.textBody).toContain(`${ORIGIN}/circles/${circle.slug}/threads/${subjectId}`);
		expect(mail!.textBody).toContain(`${ORIGIN}/circles/${circle.slug}/notifications`);
		const [english] = await mailsTo(quickEn, 'circle-notification');
		expect(english!.subject).toBe('[Wasserstoff (en)] Elektrolyse im Hafen');
		expect(english!.textBody).toContain('started a new discussion');
		expect(await mailsTo(daily)).toHaveLength(0);
		expect(await mailsTo(silent)).toHaveLength(0);
		expect(await mailsTo(author)).toHaveLength(0);

		// A retried or second delivery of the same activity sends nothing more.
		expect(await deliverNotificationMails(db, activityId)).toBe(0);
		expect(
			await Promise.all([deliverNotificationMails(db, activityId), deliverNotificationMails(db, activityId)])
		).toEqual([0, 0]);
		expect(await mailsTo(quick)).toHaveLength(1);
		expect(await mailsTo(quickEn)).toHaveLength(1);
	});

	it('say so when the person was mentioned or given a task', async () => {
		const circle = await newCircle('Logistik');
		const [author, mentioned, owner] = await Promise.all([person(), person(), person()]);
		await member(circle, author, 'digest');
		await member(circle, mentioned, 'immediate');
		await member(circle, owner, 'immediate');
		await activity(circle, author, 'Lagerflächen', { kind: 'post_created', mentioned: [mentioned.id] });
		await activity(circle, author, 'Studie lesen', { kind: 'action_item_assigned', assigned: [owner.id] });
		const [mention] = await mailsTo(mentioned);
		expect(mention!.subject).toContain('hat Sie erwähnt');
		expect(mention!.textBody).toContain('hat Sie im Expertenkreis Logistik erwähnt');
		const assignedMails = await mailsTo(owner);
		const assignment = assignedMails.find((mail) => mail.subject.includes('Studie lesen'))!;
		expect(assignment.subject).toContain('Ihnen wurde eine Aufgabe zugewiesen');
		expect(assignment.textBody).toContain('Ihnen wurde im Expertenkreis Logistik eine Aufgabe zugewiesen');
	});

	it('are not sent for an item already opened, nor to someone who left or switched off', async () => {
		const circle = await newCircle('Fachkräfte');
		const [author, opener, leaver, switcher] = await Promise.all([person(), person(), person(), person()]);
		await member(circle, author, 'digest');
		for (const who of [opener, leaver, switcher]) await member(circle, who, 'digest');
		const { activityId, subjectId } = await activity(circle, author, 'Ausbildungsmesse');
		for (const who of [opener, leaver, switcher]) await setMode(circle, who, 'immediate');
		await markCircleActivitySeen(db, { networkId, userId: opener.id, subjectIds: [subjectId] });
		await db
			.delete(circleMemberships)
			.where(and(eq(circleMemberships.circleId, circle.id), eq(circleMemberships.userId, leaver.id)));
		await setMode(circle, switcher, 'off');
		expect(await deliverNotificationMails(db, activityId)).toBe(0);
		for (const who of [opener, leaver, switcher]) expect(await mailsTo(who)).toHaveLength(0);
	});

	it('are enqueued as a job in the activity transaction when a job runner runs', async () => {
		const circle = await newCircle('Digitalisierung');
		const [author, quick] = await Promise.all([person(), person()]);
		await member(circle, author, 'digest');
		await member(circle, quick, 'immediate');
		await startJobs(database.handle, testJobSettings);
		try {
			// A rolled-back activity leaves neither a job nor a mail behind.
			await expect(
				db.transaction(async (tx) => {
					const { recordCircleActivity } = await import('../../src/lib/server/circles/activity.ts');
					await recordCircleActivity(tx, {
						networkId,
						circleId: circle.id,
						kind: 'thread_created',
						subjectId: crypto.randomUUID(),
						actorUserId: author.id,
						title: 'Zurückgerollt',
						path: `/circles/${circle.slug}/threads/x`
					});
					throw new Error('rollback');
				})
			).rejects.toThrow('rollback');
			const { activityId } = await activity(circle, author, 'KI im Mittelstand');
			const [mail] = await waitFor(
				() => mailsTo(quick),
				(mails) => mails.length > 0,
				'the immediate mail is queued by the job'
			);
			expect(mail!.subject).toBe('[Digitalisierung] KI im Mittelstand');
			const [row] = await db
				.select()
				.from(circleNotifications)
				.where(and(eq(circleNotifications.activityId, activityId), eq(circleNotifications.userId, quick.id)));
			expect(row!.emailedAt).not.toBeNull();
		} finally {
			await stopJobs();
		}
		expect(await mailsTo(quick)).toHaveLength(1);
	});
});

describe('daily digests', () => {
	it('contain exactly the unseen items of digest circles, grouped by circle, once a day', async () => {
		const [batteries, mobility, quiet] = await Promise.all([
			newCircle('Batterien'),
			newCircle('Mobilität'),
			newCircle('Stille')
		]);
		const [author, reader, quickOne, leaver] = await Promise.all([person(), person(), person(), person()]);
		for (const circle of [batteries, mobility, quiet]) await member(circle, author, 'digest');
		await member(batteries, reader, 'digest');
		await member(mobility, reader, 'digest');
		await member(quiet, reader, 'off');
		await member(batteries, quickOne, 'immediate');
		await member(batteries, leaver, 'digest');

		const cells = await activity(batteries, author, 'Zellchemie', { kind: 'thread_created' });
		const opened = await activity(batteries, author, 'Schon gelesen');
		const recycling = await activity(batteries, author, 'Recyclingquote', {
			kind: 'document_uploaded',
			mentioned: [reader.id]
		});
		const bikes = await activity(mobility, author, 'Lastenräder', { kind: 'meeting_scheduled' });
		await activity(quiet, author, 'Nichts für Sie');
		await markCircleActivitySeen(db, { networkId, userId: reader.id, subjectIds: [opened.subjectId] });
		await db
			.delete(circleMemberships)
			.where(and(eq(circleMemberships.circleId, batteries.id), eq(circleMemberships.userId, leaver.id)));

		const day1 = berlinNoon(1);
		const pools = [db, secondHandle?.db ?? db];
		// Concurrent runs, on two pools where there is PostgreSQL: one digest each.
		const counts = await Promise.all([0, 1, 2, 3].map((i) => sendDueDigests(pools[i % 2]!, day1)));
		const sentDay1 = await db
			.select()
			.from(circleDigests)
			.where(eq(circleDigests.day, berlinDay(day1)));
		expect(counts.reduce((a, b) => a + b, 0)).toBe(sentDay1.length);
		expect(sentDay1.filter((row) => row.userId === reader.id)).toHaveLength(1);
		expect(sentDay1.filter((row) => row.userId === author.id)).toHaveLength(0);

		const digests = await mailsTo(reader, 'circle-digest');
		expect(digests).toHaveLength(1);
		const text = digests[0]!.textBody;
		expect(digests[0]!.subject).toContain('(3)');
		expect(text).toContain('Batterien:');
		expect(text).toContain('Mobilität:');
		expect(text.indexOf('Batterien:')).toBeLessThan(text.indexOf('Zellchemie'));
		expect(text.indexOf('Mobilität:')).toBeLessThan(text.indexOf('Lastenräder'));
		expect(text).toContain(
			`- Neue Diskussion: Zellchemie\n  ${ORIGIN}/circles/${batteries.slug}/threads/${cells.subjectId}`
		);
		expect(text).toContain('- Sie wurden erwähnt: Recyclingquote');
		expect(text).toContain(
			`- Neue Sitzung: Lastenräder\n  ${ORIGIN}/circles/${mobility.slug}/threads/${bikes.subjectId}`
		);
		expect(text).not.toContain('Schon gelesen');
		expect(text).not.toContain('Nichts für Sie');
		expect(text).toContain(`${ORIGIN}/account/notifications`);
		void recycling;

		// The immediate person got their mails at once and nothing in a digest; the one who left nothing.
		expect(await mailsTo(quickOne, 'circle-notification')).toHaveLength(3);
		expect(await mailsTo(quickOne, 'circle-digest')).toHaveLength(0);
		expect(await mailsTo(leaver)).toHaveLength(0);
		const [digestRow] = await db
			.select()
			.from(circleDigests)
			.where(and(eq(circleDigests.userId, reader.id), eq(circleDigests.day, berlinDay(day1))));
		expect(digestRow!.itemCount).toBe(3);

		// A second run the same day sends nothing, even with new items (they wait for tomorrow).
		const late = await activity(mobility, author, 'Nachzügler');
		expect(await sendDueDigests(db, new Date(day1.getTime() + 60 * 60 * 1000))).toBe(0);
		expect(await mailsTo(reader, 'circle-digest')).toHaveLength(1);

		// The next day's run sends only the new items.
		const day2 = new Date(day1.getTime() + DAY);
		expect(await sendDueDigests(db, day2)).toBe(1);
		const second = (await mailsTo(reader, 'circle-digest')).find((mail) => mail.id !== digests[0]!.id)!;
		expect(second.subject).toContain('(1)');
		expect(second.textBody).toContain('Nachzügler');
		expect(second.textBody).not.toContain('Zellchemie');
		expect(second.textBody).not.toContain('Batterien:');
		void late;

		// Nothing new: no row, no mail.
		expect(await sendDueDigests(db, new Date(day2.getTime() + DAY))).toBe(0);
		const rows = await db.select().from(circleDigests).where(eq(circleDigests.userId, reader.id));
		expect(rows.map((row) => row.day).sort()).toEqual([berlinDay(day1), berlinDay(day2)].sort());
	});

	it('respect the current preference: off sends nothing, a switch to immediate takes the item out', async () => {
		const circle = await newCircle('Präferenzen');
		const [author, offNow, nowQuick] = await Promise.all([person(), person(), person()]);
		await member(circle, author, 'off');
		await member(circle, offNow, 'digest');
		await member(circle, nowQuick, 'digest');
		await activity(circle, author, 'Nach dem Wechsel');
		await setMode(circle, offNow, 'off');
		await setMode(circle, nowQuick, 'immediate');
		const day = berlinNoon(5);
		await sendDueDigests(db, day);
		expect(await mailsTo(offNow)).toHaveLength(0);
		expect(await mailsTo(nowQuick, 'circle-digest')).toHaveLength(0);
		const unsent = await db
			.select()
			.from(circleDigests)
			.where(inArray(circleDigests.userId, [offNow.id, nowQuick.id]));
		expect(unsent).toHaveLength(0);
	});

	it('know the Berlin day', () => {
		expect(berlinDay(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-29');
		expect(berlinDay(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
		expect(berlinDay(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
	});
});
