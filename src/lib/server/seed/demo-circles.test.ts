import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, useFreshDatabase } from '../../../../tests/helpers/database.ts';
import type { Database } from '../db/index.ts';
import {
	account,
	circleActionItems,
	circleActivities,
	circleAgendaAttachments,
	circleAgendaItems,
	circleDocuments,
	circleDocumentVersions,
	circleFolders,
	circleMemberships,
	circleMinutes,
	circleNotifications,
	circlePostRevisions,
	circlePosts,
	circles,
	circleThreads,
	eventAttendanceFigures,
	eventRegistrations,
	events,
	mailMessages,
	networkRoleAssignments,
	networks,
	organisationMemberships,
	organisations,
	people,
	storedFiles,
	user
} from '../db/schema/index.ts';
import { mentionedHandles, mentionHandle } from '../../circles/mentions.ts';
import { ACTION_ITEM_REMINDER_DAYS } from '../../circles/vocabulary.ts';
import { utcToLocal } from '../../events/time.ts';
import { circleResource } from '../circles/scope.ts';
import { sweepActionItemReminders } from '../circles/meetings/reminders.ts';
import { sendDueDigests } from '../circles/notifications/digest.ts';
import { cleanFolderName, documentFileName, sniffDocument } from '../circles/documents/files.ts';
import { sweepEndedEvents, sweepReminders } from '../events/follow-up/mutations.ts';
import { can } from '../policy/policy.ts';
import { loadActor } from '../policy/queries.ts';
import { demoAccounts } from './demo-accounts.ts';
import { demoCircleIds, demoCirclePlans } from './demo-circles.ts';
import { seedDemoData } from './demo.ts';

const now = new Date('2026-11-24T09:00:00Z');
const today = utcToLocal(now).date;
const slugs = demoCirclePlans.map((p) => p.slug);
const demoEmails = demoAccounts.map((a) => a.email);
let first: Awaited<ReturnType<typeof useFreshDatabase>>;
let db: Database;

beforeAll(async () => {
	first = await useFreshDatabase();
	db = first.db;
	await seedDemoData(db, { now });
});

afterAll(async () => {
	await first?.close();
});

async function circleOf(slug: string) {
	const [row] = await db.select().from(circles).where(eq(circles.slug, slug));
	return row!;
}

async function membersOf(circleId: string) {
	return db
		.select({
			userId: circleMemberships.userId,
			role: circleMemberships.role,
			mode: circleMemberships.notificationMode,
			email: user.email,
			name: user.name
		})
		.from(circleMemberships)
		.innerJoin(user, eq(user.id, circleMemberships.userId))
		.where(eq(circleMemberships.circleId, circleId));
}

async function count(query: Promise<{ n: number }[]>) {
	return (await query)[0]!.n;
}

const n = sql<number>`count(*)::int`;

describe('the demo circles', () => {
	it('have their join policies, and production is confidential', async () => {
		const rows = await db.select().from(circles).orderBy(asc(circles.slug));
		expect(Object.fromEntries(rows.map((c) => [c.slug, [c.joinPolicy, c.confidential]]))).toEqual({
			antriebstransformation: ['request', false],
			'fachkraefte-qualifizierung': ['open', false],
			'produktion-digitalisierung': ['invitation', true],
			'wasserstoff-kraftstoffe': ['open', false]
		});
	});

	it('each have 6–12 members and at least one lead; lead@ leads the drivetrain circle', async () => {
		for (const slug of slugs) {
			const members = await membersOf((await circleOf(slug)).id);
			expect(members.length, slug).toBeGreaterThanOrEqual(6);
			expect(members.length, slug).toBeLessThanOrEqual(12);
			expect(members.filter((m) => m.role === 'lead').length, slug).toBeGreaterThanOrEqual(1);
		}
		const drivetrain = await membersOf((await circleOf('antriebstransformation')).id);
		expect(drivetrain.find((m) => m.email === 'lead@demo.example')?.role).toBe('lead');
		expect(drivetrain.find((m) => m.email === 'member@demo.example')?.role).toBe('member');
		const modes = (await db.select({ mode: circleMemberships.notificationMode }).from(circleMemberships)).map(
			(m) => m.mode
		);
		expect(modes.filter((m) => m === 'digest').length).toBeGreaterThan(modes.length / 2);
		expect(modes).toContain('immediate');
		expect(modes).toContain('off');
	});

	it('are joined by contacts of member organisations, as verified people who cannot sign in', async () => {
		const fictional = await db.select().from(circleMemberships);
		const accounts = await db.select({ id: user.id }).from(user).where(inArray(user.email, demoEmails));
		const accountIds = new Set(accounts.map((a) => a.id));
		const others = fictional.filter((m) => !accountIds.has(m.userId));
		expect(others.length).toBeGreaterThanOrEqual(20);
		for (const membership of others) {
			const [row] = await db.select().from(user).where(eq(user.id, membership.userId));
			expect(row!.emailVerified).toBe(true);
			expect(row!.id).toBe(demoCircleIds.member(row!.email));
			expect(row!.email).toMatch(/@[a-z0-9-]+\.example$/);
			expect(await count(db.select({ n }).from(account).where(eq(account.userId, row!.id)))).toBe(0);
			const roles = await db
				.select({ role: networkRoleAssignments.role })
				.from(networkRoleAssignments)
				.where(eq(networkRoleAssignments.userId, row!.id));
			expect(roles.map((r) => r.role)).toEqual(['member']);
			const [membershipOfOrganisation] = await db
				.select({ role: organisationMemberships.role, status: organisations.status, id: organisations.id })
				.from(organisationMemberships)
				.innerJoin(organisations, eq(organisations.id, organisationMemberships.organisationId))
				.where(eq(organisationMemberships.userId, row!.id));
			expect(membershipOfOrganisation).toMatchObject({ role: 'org_member', status: 'member' });
			// The same person as in the directory: a contact of that organisation with this address.
			const [contact] = await db
				.select()
				.from(people)
				.where(and(eq(people.email, row!.email), eq(people.organisationId, membershipOfOrganisation!.id)));
			expect(`${contact!.firstName} ${contact!.lastName}`).toBe(row!.name);
		}
	});

	it('keep every demo login out of the confidential circle: office and board read it, member@ does not', async () => {
		const circle = await circleOf('produktion-digitalisierung');
		const members = await membersOf(circle.id);
		for (const email of demoEmails) expect(members.map((m) => m.email)).not.toContain(email);
		const [network] = await db.select().from(networks).where(eq(networks.slug, 'autos'));
		const actorOf = async (email: string) => {
			const [row] = await db.select().from(user).where(eq(user.email, email));
			return loadActor(network!.id, row!);
		};
		const resource = circleResource(circle);
		expect(can(await actorOf('office@demo.example'), 'circle.read', resource)).toBe(true);
		expect(can(await actorOf('board@demo.example'), 'circle.read', resource)).toBe(true);
		expect(can(await actorOf('member@demo.example'), 'circle.read', resource)).toBe(false);
		expect(can(await actorOf('member@demo.example'), 'circle.view', resource)).toBe(true);
	});
});

describe('the demo circles’ meetings', () => {
	it('each have a past session with an agenda, approved and sent minutes and action items', async () => {
		for (const slug of slugs) {
			const circle = await circleOf(slug);
			const memberIds = new Set((await membersOf(circle.id)).map((m) => m.userId));
			const [past] = await db
				.select()
				.from(events)
				.where(eq(events.id, demoCircleIds.pastMeeting(slug)));
			expect(past!.organiserCircleId).toBe(circle.id);
			expect(past!.audienceCircleId).toBe(circle.id);
			expect(past!.endsAt < now).toBe(true);
			const agenda = await db
				.select()
				.from(circleAgendaItems)
				.where(eq(circleAgendaItems.eventId, past!.id))
				.orderBy(asc(circleAgendaItems.position));
			expect(agenda.length).toBeGreaterThanOrEqual(3);
			expect(agenda.length).toBeLessThanOrEqual(5);
			expect(agenda.map((a) => a.position)).toEqual(agenda.map((_, i) => i));
			for (const item of agenda) {
				expect(item.circleId).toBe(circle.id);
				expect(item.presenterUserId === null || memberIds.has(item.presenterUserId)).toBe(true);
			}
			const attachments = await db
				.select({ circleId: circleDocuments.circleId })
				.from(circleAgendaAttachments)
				.innerJoin(circleDocuments, eq(circleDocuments.id, circleAgendaAttachments.documentId))
				.where(
					inArray(
						circleAgendaAttachments.agendaItemId,
						agenda.map((a) => a.id)
					)
				);
			expect(attachments).toEqual([{ circleId: circle.id }]);

			const [minutes] = await db.select().from(circleMinutes).where(eq(circleMinutes.eventId, past!.id));
			expect(minutes!.id).toBe(demoCircleIds.minutes(slug));
			expect(minutes).toMatchObject({ status: 'approved', circleId: circle.id });
			expect(minutes!.approvedAt).not.toBeNull();
			expect(minutes!.sentAt).not.toBeNull();
			expect(memberIds.has(minutes!.approvedBy!)).toBe(true);
			for (const heading of ['## Teilnehmende', '## Beschlüsse', '## TOP 1'])
				expect(minutes!.body).toContain(heading);
			expect(minutes!.body).not.toMatch(/\{[a-z@]/);

			const items = await db
				.select()
				.from(circleActionItems)
				.where(eq(circleActionItems.minutesId, minutes!.id));
			expect(items.length).toBeGreaterThanOrEqual(2);
			for (const item of items) {
				expect(memberIds.has(item.ownerUserId!)).toBe(true);
				expect(item.eventId).toBe(past!.id);
				expect(item.closedAt === null).toBe(item.status === 'open');
			}
			expect(items.some((i) => i.status === 'open' && i.dueOn! < today)).toBe(true);
			expect(items.some((i) => i.status === 'open' && i.dueOn! > today)).toBe(true);
			expect(items.some((i) => i.status === 'done')).toBe(true);
		}
	});

	it('name who came in the minutes, and count their organisations', async () => {
		for (const slug of slugs) {
			const eventId = demoCircleIds.pastMeeting(slug);
			const attended = await db
				.select()
				.from(eventRegistrations)
				.where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.status, 'attended')));
			const circle = await circleOf(slug);
			const memberIds = new Set((await membersOf(circle.id)).map((m) => m.userId));
			const members = attended.filter((r) => r.userId && memberIds.has(r.userId));
			expect(members.length, slug).toBeGreaterThanOrEqual(5);
			for (const r of members) expect(r.organisationId ?? r.email.endsWith('@demo.example')).toBeTruthy();
			const [minutes] = await db.select().from(circleMinutes).where(eq(circleMinutes.eventId, eventId));
			for (const r of attended) expect(minutes!.body).toContain(r.name);
			const [figures] = await db
				.select()
				.from(eventAttendanceFigures)
				.where(eq(eventAttendanceFigures.eventId, eventId));
			expect(figures!.attended).toBe(attended.length);
			expect(figures!.memberOrganisationsReached).toBeGreaterThanOrEqual(5);
			const [event] = await db.select().from(events).where(eq(events.id, eventId));
			expect(event!.feedbackRequestedAt).not.toBeNull();
		}
	});

	it('give the next session of every circle a draft agenda and registered members', async () => {
		for (const slug of slugs) {
			const [next] = await db
				.select()
				.from(events)
				.where(eq(events.id, demoCircleIds.nextMeeting(slug)));
			expect(next!.startsAt > now).toBe(true);
			const agenda = await db.select().from(circleAgendaItems).where(eq(circleAgendaItems.eventId, next!.id));
			expect(agenda.length).toBeGreaterThanOrEqual(3);
			expect(
				await count(
					db
						.select({ n })
						.from(eventRegistrations)
						.where(and(eq(eventRegistrations.eventId, next!.id), eq(eventRegistrations.status, 'registered')))
				)
			).toBeGreaterThanOrEqual(3);
			expect(
				await count(db.select({ n }).from(circleMinutes).where(eq(circleMinutes.eventId, next!.id)))
			).toBe(0);
		}
	});
});

describe('the demo circles’ documents', () => {
	it('each have two folders and 3–5 documents, one with two versions, whose bytes are what they claim', async () => {
		for (const slug of slugs) {
			const circle = await circleOf(slug);
			const folders = await db.select().from(circleFolders).where(eq(circleFolders.circleId, circle.id));
			expect(folders).toHaveLength(2);
			for (const folder of folders) expect(cleanFolderName(folder.name)).toBe(folder.name);
			const documents = await db
				.select()
				.from(circleDocuments)
				.where(eq(circleDocuments.circleId, circle.id));
			expect(documents.length).toBeGreaterThanOrEqual(3);
			expect(documents.length).toBeLessThanOrEqual(5);
			expect(documents.some((d) => d.currentVersion >= 2)).toBe(true);
			for (const document of documents) {
				expect(folders.map((f) => f.id)).toContain(document.folderId);
				const versions = await db
					.select({ version: circleDocumentVersions, file: storedFiles })
					.from(circleDocumentVersions)
					.innerJoin(storedFiles, eq(storedFiles.id, circleDocumentVersions.fileId))
					.where(eq(circleDocumentVersions.documentId, document.id))
					.orderBy(asc(circleDocumentVersions.version));
				expect(versions.map((v) => v.version.version)).toEqual(
					Array.from({ length: document.currentVersion }, (_, i) => i + 1)
				);
				expect(versions.at(-1)!.version.fileName).toBe(document.name);
				for (const { version, file } of versions) {
					const bytes = new Uint8Array(file.content);
					expect(file.purpose).toBe('circle_document');
					const type = sniffDocument(bytes, version.fileName);
					expect(type?.contentType).toBe(file.contentType);
					// What an upload of this file would be called.
					expect(documentFileName(version.fileName, type!)).toBe(version.fileName);
					expect(version.contentType).toBe(file.contentType);
					expect(file.byteSize).toBe(bytes.length);
					expect(version.byteSize).toBe(bytes.length);
					expect(file.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
					if (file.contentType === 'application/pdf') {
						const text = Buffer.from(bytes).toString('latin1');
						expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
						const startxref = Number(/startxref\n(\d+)/.exec(text)![1]);
						expect(text.slice(startxref, startxref + 4)).toBe('xref');
					}
				}
			}
		}
	});
});

describe('the demo circles’ discussions', () => {
	it('each have threads with replies, a pinned one, an @mention of a member and an edit with history', async () => {
		for (const slug of slugs) {
			const circle = await circleOf(slug);
			const members = await membersOf(circle.id);
			const handles = new Set(members.map((m) => mentionHandle(m.name)));
			const threads = await db.select().from(circleThreads).where(eq(circleThreads.circleId, circle.id));
			expect(threads.length).toBeGreaterThanOrEqual(2);
			expect(threads.filter((t) => t.pinnedAt !== null).length).toBeGreaterThanOrEqual(1);
			const posts = await db
				.select()
				.from(circlePosts)
				.where(eq(circlePosts.circleId, circle.id))
				.orderBy(asc(circlePosts.createdAt));
			for (const thread of threads) {
				const own = posts.filter((p) => p.threadId === thread.id);
				expect(own.length).toBeGreaterThanOrEqual(2);
				expect(own.filter((p) => p.isOpening)).toEqual([own[0]]);
				expect(thread.lastPostAt).toEqual(own.at(-1)!.createdAt);
			}
			const mentions = posts.flatMap((p) => mentionedHandles(p.body));
			expect(mentions.length).toBeGreaterThanOrEqual(1);
			for (const handle of mentions) expect(handles.has(handle), handle).toBe(true);
			const edited = posts.filter((p) => p.editedAt !== null);
			expect(edited.length).toBeGreaterThanOrEqual(1);
			for (const post of edited) {
				const revisions = await db
					.select()
					.from(circlePostRevisions)
					.where(eq(circlePostRevisions.postId, post.id));
				expect(revisions).toHaveLength(1);
				expect(revisions[0]!.body).not.toBe(post.body);
				expect(post.editedAt! > post.createdAt).toBe(true);
			}
		}
	});
});

describe('the demo circles’ activity', () => {
	it('points to existing items of its own circle', async () => {
		const rows = await db.select().from(circleActivities);
		expect(rows.length).toBeGreaterThan(40);
		const slugById = new Map((await db.select().from(circles)).map((c) => [c.id, c.slug]));
		for (const activity of rows) {
			const slug = slugById.get(activity.circleId)!;
			expect(activity.createdAt <= now).toBe(true);
			const path = activity.path;
			expect(path.startsWith(`/circles/${slug}/`), path).toBe(true);
			const thread = /^\/circles\/[a-z-]+\/threads\/([0-9a-f-]{36})(?:#post-([0-9a-f-]{36}))?$/.exec(path);
			const meeting = /^\/circles\/[a-z-]+\/meetings\/([0-9a-f-]{36})(#minutes)?$/.exec(path);
			const action = /^\/circles\/[a-z-]+\/actions\?filter=mine#item-([0-9a-f-]{36})$/.exec(path);
			const document = /^\/circles\/[a-z-]+\/documents\/([0-9a-f-]{36})$/.exec(path);
			if (thread) {
				const [row] = await db.select().from(circleThreads).where(eq(circleThreads.id, thread[1]!));
				expect(row!.circleId).toBe(activity.circleId);
				if (thread[2]) {
					const [post] = await db.select().from(circlePosts).where(eq(circlePosts.id, thread[2]));
					expect(post!.threadId).toBe(row!.id);
					expect(activity.subjectId).toBe(post!.id);
				} else expect(activity.subjectId).toBe(row!.id);
			} else if (meeting) {
				const [row] = await db.select().from(events).where(eq(events.id, meeting[1]!));
				expect(row!.organiserCircleId).toBe(activity.circleId);
			} else if (action) {
				const [row] = await db.select().from(circleActionItems).where(eq(circleActionItems.id, action[1]!));
				expect(row!.circleId).toBe(activity.circleId);
				expect(activity.subjectId).toBe(row!.id);
			} else if (document) {
				const [row] = await db.select().from(circleDocuments).where(eq(circleDocuments.id, document[1]!));
				expect(row!.circleId).toBe(activity.circleId);
				expect(activity.subjectId).toBe(row!.id);
			} else {
				expect(path).toBe(`/circles/${slug}/members`);
				expect(activity.subjectId).toBe(activity.circleId);
			}
		}
		const kinds = new Set(rows.map((r) => r.kind));
		for (const kind of [
			'thread_created',
			'post_created',
			'document_uploaded',
			'document_version',
			'minutes_approved',
			'meeting_scheduled',
			'action_item_assigned'
		])
			expect(kinds.has(kind as never), kind).toBe(true);
	});

	it('was mailed already: no notification waits, none for the actor or a member who turned mail off', async () => {
		expect(
			await count(db.select({ n }).from(circleNotifications).where(isNull(circleNotifications.emailedAt)))
		).toBe(0);
		const rows = await db
			.select({
				notification: circleNotifications,
				actor: circleActivities.actorUserId,
				mode: circleMemberships.notificationMode,
				joined: circleMemberships.createdAt,
				at: circleActivities.createdAt
			})
			.from(circleNotifications)
			.innerJoin(circleActivities, eq(circleActivities.id, circleNotifications.activityId))
			.leftJoin(
				circleMemberships,
				and(
					eq(circleMemberships.circleId, circleNotifications.circleId),
					eq(circleMemberships.userId, circleNotifications.userId)
				)
			);
		expect(rows.length).toBeGreaterThan(100);
		for (const row of rows) {
			expect(row.mode).not.toBeNull();
			expect(row.mode).not.toBe('off');
			expect(row.notification.userId).not.toBe(row.actor);
			expect(row.joined! <= row.at).toBe(true);
			expect(row.notification.emailedAt! <= now).toBe(true);
		}
		const reasons = new Set(rows.map((r) => r.notification.reason));
		expect(reasons).toEqual(new Set(['activity', 'mention', 'assigned']));
		// Something fresh to look at for the demo logins.
		const [lead] = await db.select().from(user).where(eq(user.email, 'lead@demo.example'));
		expect(rows.some((r) => r.notification.userId === lead!.id && r.notification.seenAt === null)).toBe(true);
	});

	it('sends no mail when the jobs first run', async () => {
		// Open items due within the reminder window were reminded already.
		const horizon = new Date(Date.parse(`${today}T12:00:00Z`) + ACTION_ITEM_REMINDER_DAYS * 24 * 3600 * 1000)
			.toISOString()
			.slice(0, 10);
		const due = await db
			.select()
			.from(circleActionItems)
			.where(and(eq(circleActionItems.status, 'open'), sql`${circleActionItems.dueOn} <= ${horizon}`));
		expect(due.length).toBeGreaterThanOrEqual(4);
		for (const item of due) expect(item.remindedAt).not.toBeNull();
		expect(await count(db.select({ n }).from(circleMinutes).where(isNull(circleMinutes.sentAt)))).toBe(0);
		expect(await sweepActionItemReminders(db, now)).toBe(0);
		expect(await sendDueDigests(db, now)).toBe(0);
		expect(await sweepEndedEvents(db, now)).toBe(0);
		expect(await sweepReminders(db, now)).toBe(0);
		expect(await count(db.select({ n }).from(mailMessages))).toBe(0);
	});
});

/** The circles' rows without what differs between databases (random ids of accounts, ticket codes). */
async function snapshot(database: Database) {
	const strip = <T extends Record<string, unknown>>(rows: T[], ...keys: string[]) =>
		rows.map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => !keys.includes(k))));
	const memberIds = (
		await database
			.select({ id: user.id })
			.from(user)
			.where(sql`${user.email} not like '%@demo.example'`)
	).map((u) => u.id);
	return {
		members: memberIds.sort(),
		documents: strip(
			await database.select().from(circleDocuments).orderBy(asc(circleDocuments.id)),
			'networkId',
			'circleId',
			'createdBy',
			'search'
		),
		files: (await database.select().from(storedFiles).orderBy(asc(storedFiles.id))).map((f) => [
			f.id,
			f.sha256,
			f.createdAt
		]),
		posts: strip(
			await database.select().from(circlePosts).orderBy(asc(circlePosts.id)),
			'networkId',
			'circleId',
			'authorUserId',
			'search'
		),
		minutes: strip(
			await database.select().from(circleMinutes).orderBy(asc(circleMinutes.id)),
			'networkId',
			'circleId',
			'authorUserId',
			'updatedBy',
			'approvedBy',
			'search'
		),
		items: strip(
			await database.select().from(circleActionItems).orderBy(asc(circleActionItems.id)),
			'networkId',
			'circleId',
			'ownerUserId',
			'createdBy',
			'closedBy'
		),
		activities: strip(
			(await database.select().from(circleActivities).orderBy(asc(circleActivities.id))).map((a) => ({
				...a,
				subjectId: a.subjectId === a.circleId ? 'circle' : a.subjectId
			})),
			'networkId',
			'circleId',
			'actorUserId'
		),
		notifications: await database
			.select({ n, emailed: sql<string>`max(${circleNotifications.emailedAt})::text` })
			.from(circleNotifications)
	};
}

describe('seeding the demo circles', () => {
	it('gives the same workspaces on every seed', async () => {
		const second = await createTestDatabase();
		try {
			await seedDemoData(second.db, { now });
			expect(await snapshot(second.db)).toEqual(await snapshot(db));
		} finally {
			await second.close();
			await second.drop();
		}
	});

	it('is skipped with the rest of the demo when the database is already seeded', async () => {
		const before = await snapshot(db);
		const again = await seedDemoData(db, { now });
		expect(again).toMatchObject({ skipped: true, circleMembers: 0 });
		expect(await snapshot(db)).toEqual(before);
	});
});
