import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import {
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
	eventFormats,
	eventRegistrations,
	events,
	networkRoleAssignments,
	organisationMemberships,
	organisations,
	people,
	storedFiles,
	user
} from '../db/schema/index.ts';
import { mentionHandle } from '../../circles/mentions.ts';
import {
	ACTION_ITEM_REMINDER_DAYS,
	type CircleActivityKind,
	type NotificationMode,
	type NotificationReason
} from '../../circles/vocabulary.ts';
import { localToUtc, utcToLocal } from '../../events/time.ts';
import { seatHoldingStatuses, type RegistrationStatus } from '../../events/vocabulary.ts';
import { recomputeAttendanceFigures } from '../events/follow-up/attendance.ts';
import { registrationAccessToken } from '../events/registration/index.ts';
import { generateTicketCode, hashToken } from '../events/registration/tokens.ts';
import { demoAccounts } from './demo-accounts.ts';
import { demoPng, demoPdf } from './demo-circle-files.ts';
import {
	demoCirclePlans,
	type DemoAgendaItemPlan,
	type DemoCirclePlan,
	type DemoPastMeetingPlan
} from './demo-circle-plans.ts';
import { demoUuid } from './demo-events.ts';

export { demoCirclePlans } from './demo-circle-plans.ts';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Demo accounts joined their circles this long before the seed day. */
const ACCOUNT_JOINED_DAYS_AGO = 365;

/** Stable ids of the demo circles' rows, for tests and links. */
export const demoCircleIds = {
	/** A fictional circle member's user id (by e-mail); demo accounts have random ids. */
	member: (email: string) => demoUuid(`circle-member:${email.toLowerCase()}`),
	event: (eventKey: string) => demoUuid(`event:${eventKey}`),
	pastMeeting: (slug: string) => demoUuid(`event:${planOf(slug).pastMeeting.eventKey}`),
	nextMeeting: (slug: string) => demoUuid(`event:${planOf(slug).nextMeeting.eventKey}`),
	minutes: (slug: string) => demoUuid(`circle:${slug}:minutes`),
	actionItem: (slug: string, key: string) => demoUuid(`circle:${slug}:action:${key}`),
	agendaItem: (slug: string, eventKey: string, position: number) =>
		demoUuid(`circle:${slug}:agenda:${eventKey}:${position}`),
	folder: (slug: string, name: string) => demoUuid(`circle:${slug}:folder:${name}`),
	document: (slug: string, key: string) => demoUuid(`circle:${slug}:document:${key}`),
	documentVersion: (slug: string, key: string, version: number) =>
		demoUuid(`circle:${slug}:document:${key}:v${version}`),
	file: (slug: string, key: string, version: number) => demoUuid(`circle:${slug}:file:${key}:v${version}`),
	thread: (slug: string, key: string) => demoUuid(`circle:${slug}:thread:${key}`),
	post: (slug: string, threadKey: string, index: number) =>
		demoUuid(`circle:${slug}:thread:${threadKey}:post:${index}`)
};

function planOf(slug: string): DemoCirclePlan {
	const plan = demoCirclePlans.find((p) => p.slug === slug);
	if (!plan) throw new Error(`No demo circle plan: ${slug}`);
	return plan;
}

type Person = { userId: string; name: string; organisationId: string | null; organisationName: string };

export type DemoCircleCounts = {
	circleMembers: number;
	circleMeetings: number;
	circleDocuments: number;
	circleThreads: number;
	circlePosts: number;
};

/**
 * The circles' workspaces: fictional members (contacts of member organisations from the demo
 * directory, with accounts they cannot sign in with), a past meeting per circle with attendance,
 * agenda, approved and sent minutes and action items, the next meeting's draft agenda, folders and
 * documents with valid PDF/PNG files, threads with replies, mentions and an edit, and the activity
 * with notifications already mailed — so a fresh demo sends no circle mails. Call after the events.
 * Returns the events it added (past sessions of circles that had none) among the counts.
 */
export async function insertDemoCircles(
	db: Database,
	networkId: string,
	now = new Date()
): Promise<DemoCircleCounts & { events: number }> {
	const today = utcToLocal(now).date;
	const dateOf = (day: number) =>
		new Date(Date.parse(`${today}T12:00:00Z`) + day * DAY).toISOString().slice(0, 10);
	// Wall-clock time on a day (between 06:00 and 22:00, so never in a daylight-saving switch):
	// the zone's offset is looked up once per day, as converting is slow.
	const offsets = new Map<number, number>();
	const at = (day: number, time: string) => {
		const date = dateOf(day);
		let offset = offsets.get(day);
		if (offset === undefined) {
			const noon = localToUtc({ date, time: '12:00' });
			if (!noon.ok) throw new Error(`demo circle time ${date}: ${noon.reason}`);
			offset = Date.parse(`${date}T12:00:00Z`) - noon.value.getTime();
			offsets.set(day, offset);
		}
		return new Date(Date.parse(`${date}T${time}:00Z`) - offset);
	};

	const circleRows = await db.select().from(circles).where(eq(circles.networkId, networkId));
	const circleBySlug = new Map(circleRows.map((c) => [c.slug, c]));
	const organisationRows = await db
		.select({ id: organisations.id, name: organisations.name })
		.from(organisations)
		.where(eq(organisations.networkId, networkId));
	const organisationIdByName = new Map(organisationRows.map((o) => [o.name, o.id]));
	const organisationNameById = new Map(organisationRows.map((o) => [o.id, o.name]));

	// The demo accounts, as people of the circles.
	const accountRows = await db
		.select({ id: user.id, email: user.email, name: user.name, organisationId: people.organisationId })
		.from(user)
		.innerJoin(people, and(eq(people.userId, user.id), eq(people.networkId, networkId)))
		.where(
			inArray(
				user.email,
				demoAccounts.map((a) => a.email)
			)
		);
	const peopleByKey = new Map<string, Person>(
		accountRows.map((a) => [
			a.email,
			{
				userId: a.id,
				name: a.name,
				organisationId: a.organisationId,
				organisationName: a.organisationId ? organisationNameById.get(a.organisationId)! : ''
			}
		])
	);
	const office = peopleByKey.get('office@demo.example')!;

	// The fictional members: one contact of each organisation, by preferred function.
	const memberPlans = demoCirclePlans.flatMap((plan) => plan.members.map((member) => ({ plan, member })));
	const organisationIds = memberPlans.map(({ member }) => {
		const id = organisationIdByName.get(member.organisation);
		if (!id) throw new Error(`Demo organisation missing: ${member.organisation}`);
		return id;
	});
	const contacts = await db
		.select()
		.from(people)
		.where(
			and(
				eq(people.networkId, networkId),
				isNull(people.userId),
				inArray(people.organisationId, organisationIds)
			)
		)
		.orderBy(asc(people.email));
	const userRows: (typeof user.$inferInsert)[] = [];
	const roleRows: (typeof networkRoleAssignments.$inferInsert)[] = [];
	const organisationRows2: (typeof organisationMemberships.$inferInsert)[] = [];
	memberPlans.forEach(({ plan, member }, index) => {
		const organisationId = organisationIds[index]!;
		const own = contacts.filter((c) => c.organisationId === organisationId && c.email);
		const contact =
			member.functions.map((f) => own.find((c) => c.contactFunction === f)).find(Boolean) ?? own[0];
		if (!contact) throw new Error(`No demo contact at ${member.organisation}`);
		const email = contact.email!.toLowerCase();
		const userId = demoCircleIds.member(email);
		const name = `${contact.firstName} ${contact.lastName}`;
		const createdAt = at(-member.joinedDaysAgo - 7, '09:00');
		peopleByKey.set(keyOf(plan.slug, member.key), {
			userId,
			name,
			organisationId,
			organisationName: member.organisation
		});
		userRows.push({
			id: userId,
			email,
			name,
			emailVerified: true,
			locale: 'de',
			createdAt,
			updatedAt: createdAt
		});
		roleRows.push({ networkId, userId, role: 'member' });
		organisationRows2.push({ networkId, organisationId, userId, role: 'org_member' });
	});
	await db.insert(user).values(userRows);
	await db.insert(networkRoleAssignments).values(roleRows).onConflictDoNothing();
	await db.insert(organisationMemberships).values(organisationRows2).onConflictDoNothing();

	const person = (slug: string, key: string): Person => {
		const found = peopleByKey.get(key.includes('@') ? key : keyOf(slug, key));
		if (!found) throw new Error(`Demo circle person missing: ${slug}/${key}`);
		return found;
	};
	const fill = (slug: string, text: string) =>
		text
			.replace(/\{name:([^}]+)\}/g, (_, key: string) => person(slug, key).name)
			.replace(/\{@([^}]+)\}/g, (_, key: string) => `@${mentionHandle(person(slug, key).name)}`);
	const mentionsIn = (slug: string, text: string) =>
		[...text.matchAll(/\{@([^}]+)\}/g)].map((m) => person(slug, m[1]!).userId);

	// Memberships: the fictional members, and the demo accounts' modes and join dates.
	type Member = { userId: string; mode: NotificationMode; joinedAt: Date };
	const membersBySlug = new Map<string, Member[]>();
	const membershipRows: (typeof circleMemberships.$inferInsert)[] = [];
	for (const plan of demoCirclePlans) {
		const circle = circleBySlug.get(plan.slug);
		if (!circle) throw new Error(`Demo circle missing: ${plan.slug}`);
		const members: Member[] = [];
		for (const [email, mode] of Object.entries(plan.accountModes)) {
			const joinedAt = at(-ACCOUNT_JOINED_DAYS_AGO, '10:00');
			const userId = person(plan.slug, email).userId;
			await db
				.update(circleMemberships)
				.set({ notificationMode: mode, createdAt: joinedAt })
				.where(and(eq(circleMemberships.circleId, circle.id), eq(circleMemberships.userId, userId)));
			members.push({ userId, mode, joinedAt });
		}
		for (const member of plan.members) {
			const joinedAt = at(-member.joinedDaysAgo, '10:00');
			const userId = person(plan.slug, member.key).userId;
			membershipRows.push({
				networkId,
				circleId: circle.id,
				userId,
				role: member.role,
				notificationMode: member.mode,
				createdAt: joinedAt
			});
			members.push({ userId, mode: member.mode, joinedAt });
		}
		membersBySlug.set(plan.slug, members);
	}
	await db.insert(circleMemberships).values(membershipRows);

	// Past sessions for circles whose only sessions lie ahead.
	const [format] = await db
		.select({ id: eventFormats.id })
		.from(eventFormats)
		.where(and(eq(eventFormats.networkId, networkId), eq(eventFormats.key, 'circle-session')));
	const existingEvents = await db
		.select({ id: events.id })
		.from(events)
		.where(
			inArray(
				events.id,
				demoCirclePlans.map((p) => demoUuid(`event:${p.pastMeeting.eventKey}`))
			)
		);
	const existing = new Set(existingEvents.map((e) => e.id));
	const newEvents = demoCirclePlans
		.filter((plan) => !existing.has(demoUuid(`event:${plan.pastMeeting.eventKey}`)))
		.map((plan) => pastSessionRow(plan, circleBySlug.get(plan.slug)!.id, networkId, format!.id, office, at));
	if (newEvents.length) await db.insert(events).values(newEvents);

	const meetingIds = demoCirclePlans.flatMap((p) => [
		demoUuid(`event:${p.pastMeeting.eventKey}`),
		demoUuid(`event:${p.nextMeeting.eventKey}`)
	]);
	const meetingRows = await db.select().from(events).where(inArray(events.id, meetingIds));
	const meetingById = new Map(meetingRows.map((e) => [e.id, e]));
	const meetingOf = (eventKey: string) => {
		const found = meetingById.get(demoUuid(`event:${eventKey}`));
		if (!found) throw new Error(`Demo circle meeting missing: ${eventKey}`);
		return found;
	};

	// Registrations: the members came to the past meeting (some did not), half signed up for the next.
	const registered = await db
		.select({
			eventId: eventRegistrations.eventId,
			email: eventRegistrations.email,
			userId: eventRegistrations.userId
		})
		.from(eventRegistrations)
		.where(inArray(eventRegistrations.eventId, meetingIds));
	const taken = new Set(registered.flatMap((r) => [`${r.eventId}:${r.email}`, `${r.eventId}:${r.userId}`]));
	const emailOf = new Map(userRows.map((u) => [u.id, u.email]));
	for (const a of accountRows) emailOf.set(a.id, a.email);
	const registrationRows: (typeof eventRegistrations.$inferInsert)[] = [];
	for (const plan of demoCirclePlans) {
		const past = meetingOf(plan.pastMeeting.eventKey);
		const next = meetingOf(plan.nextMeeting.eventKey);
		const keys = [...Object.keys(plan.accountModes), ...plan.members.map((m) => m.key)];
		keys.forEach((key, n) => {
			const who = person(plan.slug, key);
			const missed = plan.members.find((m) => m.key === key)?.missedMeeting ?? false;
			const joinedAt = membersBySlug.get(plan.slug)!.find((m) => m.userId === who.userId)!.joinedAt;
			const email = emailOf.get(who.userId)!;
			const context = { taken, officeId: office.userId, now };
			const came =
				joinedAt < past.startsAt &&
				registration(networkId, past, who, email, n, {
					...context,
					status: missed ? 'no_show' : 'attended',
					key: `${plan.pastMeeting.eventKey}:${key}`
				});
			if (came) registrationRows.push(came);
			const comes =
				n % 2 === 0 &&
				registration(networkId, next, who, email, n, {
					...context,
					status: 'registered',
					key: `${plan.nextMeeting.eventKey}:${key}`
				});
			if (comes) registrationRows.push(comes);
		});
	}
	if (registrationRows.length) await db.insert(eventRegistrations).values(registrationRows);
	await db
		.update(events)
		.set({
			seatsTaken: sql`(select count(*)::int from ${eventRegistrations} where ${eventRegistrations.eventId} = ${events.id} and ${inArray(eventRegistrations.status, [...seatHoldingStatuses])})`
		})
		.where(inArray(events.id, meetingIds));
	for (const plan of demoCirclePlans)
		await recomputeAttendanceFigures(db, demoUuid(`event:${plan.pastMeeting.eventKey}`));

	const attendedRows = await db
		.select({
			eventId: eventRegistrations.eventId,
			name: eventRegistrations.name,
			organisationName: eventRegistrations.organisationName
		})
		.from(eventRegistrations)
		.where(
			and(
				inArray(
					eventRegistrations.eventId,
					demoCirclePlans.map((p) => demoUuid(`event:${p.pastMeeting.eventKey}`))
				),
				eq(eventRegistrations.status, 'attended')
			)
		)
		.orderBy(asc(eventRegistrations.name));

	// The workspace rows, collected for one insert per table.
	const agendaRows: (typeof circleAgendaItems.$inferInsert)[] = [];
	const attachmentRows: (typeof circleAgendaAttachments.$inferInsert)[] = [];
	const minutesRows: (typeof circleMinutes.$inferInsert)[] = [];
	const actionRows: (typeof circleActionItems.$inferInsert)[] = [];
	const folderRows: (typeof circleFolders.$inferInsert)[] = [];
	const fileRows: (typeof storedFiles.$inferInsert)[] = [];
	const documentRows: (typeof circleDocuments.$inferInsert)[] = [];
	const versionRows: (typeof circleDocumentVersions.$inferInsert)[] = [];
	const threadRows: (typeof circleThreads.$inferInsert)[] = [];
	const postRows: (typeof circlePosts.$inferInsert)[] = [];
	const revisionRows: (typeof circlePostRevisions.$inferInsert)[] = [];
	type Activity = typeof circleActivities.$inferInsert & {
		id: string;
		createdAt: Date;
		notify: boolean;
		mentioned?: string[];
		assigned?: string[];
	};
	const activities: Activity[] = [];

	for (const plan of demoCirclePlans) {
		const slug = plan.slug;
		const circleId = circleBySlug.get(slug)!.id;
		const base = `/circles/${slug}`;
		const activity = (
			kind: CircleActivityKind,
			subjectId: string,
			actorUserId: string | null,
			title: string,
			path: string,
			createdAt: Date,
			extra: { notify?: boolean; mentioned?: string[]; assigned?: string[] } = {}
		) =>
			activities.push({
				id: demoUuid(`circle:${slug}:activity:${activities.filter((a) => a.circleId === circleId).length}`),
				networkId,
				circleId,
				kind,
				subjectId,
				actorUserId,
				title: title.slice(0, 300),
				path,
				createdAt,
				notify: extra.notify ?? true,
				mentioned: extra.mentioned,
				assigned: extra.assigned
			});

		for (const member of plan.members)
			if (member.joinedDaysAgo < 30) {
				const who = person(slug, member.key);
				activity(
					'member_joined',
					circleId,
					who.userId,
					who.name,
					`${base}/members`,
					at(-member.joinedDaysAgo, '10:00'),
					{
						notify: false
					}
				);
			}

		// Documents first: agenda items attach them.
		for (const folder of plan.folders)
			folderRows.push({
				id: demoCircleIds.folder(slug, folder),
				networkId,
				circleId,
				name: folder,
				createdBy: person(slug, plan.members.find((m) => m.role === 'lead')!.key).userId,
				createdAt: at(-ACCOUNT_JOINED_DAYS_AGO, '11:00')
			});
		for (const document of plan.documents) {
			const documentId = demoCircleIds.document(slug, document.key);
			const first = document.versions[0]!;
			const last = document.versions.at(-1)!;
			documentRows.push({
				id: documentId,
				networkId,
				circleId,
				folderId: demoCircleIds.folder(slug, document.folder),
				name: last.fileName,
				currentVersion: document.versions.length,
				createdBy: person(slug, first.uploader).userId,
				createdAt: at(first.day, '16:30'),
				updatedAt: at(last.day, '16:30')
			});
			document.versions.forEach((version, index) => {
				const number = index + 1;
				const bytes =
					version.kind === 'pdf' ? demoPdf(version.lines) : demoPng(`${slug}:${document.key}:${number}`);
				const contentType = version.kind === 'pdf' ? 'application/pdf' : 'image/png';
				const uploader = person(slug, version.uploader);
				const createdAt = at(version.day, '16:30');
				const fileId = demoCircleIds.file(slug, document.key, number);
				fileRows.push({
					id: fileId,
					networkId,
					purpose: 'circle_document',
					contentType,
					byteSize: bytes.length,
					sha256: createHash('sha256').update(bytes).digest('hex'),
					content: bytes,
					createdBy: uploader.userId,
					createdAt
				});
				versionRows.push({
					id: demoCircleIds.documentVersion(slug, document.key, number),
					networkId,
					documentId,
					version: number,
					fileId,
					fileName: version.fileName,
					contentType,
					byteSize: bytes.length,
					note: version.note ?? '',
					uploadedBy: uploader.userId,
					createdAt
				});
				activity(
					number === 1 ? 'document_uploaded' : 'document_version',
					documentId,
					uploader.userId,
					version.fileName,
					`${base}/documents/${documentId}`,
					createdAt
				);
			});
		}

		// Meetings: scheduled, agendas, the past one's minutes and action items.
		const past = meetingOf(plan.pastMeeting.eventKey);
		const next = meetingOf(plan.nextMeeting.eventKey);
		for (const meeting of [past, next])
			activity(
				'meeting_scheduled',
				meeting.id,
				meeting.createdBy,
				meeting.titleDe,
				`${base}/meetings/${meeting.id}`,
				meeting.createdAt
			);
		const agenda = (eventKey: string, items: DemoAgendaItemPlan[], createdAt: Date) =>
			items.forEach((item, position) => {
				const id = demoCircleIds.agendaItem(slug, eventKey, position);
				agendaRows.push({
					id,
					networkId,
					circleId,
					eventId: demoUuid(`event:${eventKey}`),
					position,
					title: item.title,
					notes: fill(slug, item.notes),
					presenterUserId: item.presenter ? person(slug, item.presenter).userId : null,
					presenterName: item.presenterName ?? '',
					durationMinutes: item.minutes ?? null,
					createdAt,
					updatedAt: createdAt
				});
				if (item.attachment)
					attachmentRows.push({
						networkId,
						agendaItemId: id,
						documentId: demoCircleIds.document(slug, item.attachment),
						createdAt
					});
			});
		agenda(plan.pastMeeting.eventKey, plan.pastMeeting.agenda, new Date(past.startsAt.getTime() - 14 * DAY));
		agenda(
			plan.nextMeeting.eventKey,
			plan.nextMeeting.agenda,
			new Date(Math.min(now.getTime() - 2 * DAY, next.startsAt.getTime() - 21 * DAY))
		);
		const minutes = minutesOf(plan.pastMeeting, slug, past, attendedRows, fill);
		const author = person(slug, plan.pastMeeting.author);
		const approver = person(slug, plan.pastMeeting.approvedBy);
		const minutesId = demoCircleIds.minutes(slug);
		const draftedAt = new Date(past.endsAt.getTime() + DAY);
		const approvedAt = new Date(past.endsAt.getTime() + 3 * DAY);
		minutesRows.push({
			id: minutesId,
			networkId,
			circleId,
			eventId: past.id,
			body: minutes,
			status: 'approved',
			authorUserId: author.userId,
			updatedBy: author.userId,
			approvedBy: approver.userId,
			approvedAt,
			sentAt: new Date(approvedAt.getTime() + MINUTE),
			createdAt: draftedAt,
			updatedAt: approvedAt
		});
		// Minutes are mailed on their own: listed in the activity, no notification.
		activity(
			'minutes_approved',
			minutesId,
			approver.userId,
			past.titleDe,
			`${base}/meetings/${past.id}#minutes`,
			approvedAt,
			{
				notify: false
			}
		);
		const lead = person(slug, plan.members.find((m) => m.role === 'lead')!.key);
		for (const item of plan.pastMeeting.actionItems) {
			const id = demoCircleIds.actionItem(slug, item.key);
			const owner = person(slug, item.owner);
			const dueAt = at(item.due, '08:00');
			const closedAt = item.closedDay !== undefined ? at(item.closedDay, '15:00') : null;
			// The owner was reminded before the due date; an item due within the window counts as reminded.
			const remindAt = new Date(dueAt.getTime() - ACTION_ITEM_REMINDER_DAYS * DAY);
			const remindedAt =
				item.status === 'open' && remindAt.getTime() <= now.getTime() + DAY
					? new Date(Math.min(remindAt.getTime(), now.getTime() - HOUR))
					: null;
			actionRows.push({
				id,
				networkId,
				circleId,
				minutesId,
				eventId: past.id,
				title: item.title,
				ownerUserId: owner.userId,
				dueOn: dateOf(item.due),
				status: item.status,
				createdBy: author.userId,
				closedBy: item.status === 'done' ? owner.userId : item.status === 'dropped' ? lead.userId : null,
				closedAt,
				remindedAt,
				createdAt: draftedAt,
				updatedAt: closedAt ?? approvedAt
			});
			activity(
				'action_item_assigned',
				id,
				approver.userId,
				item.title,
				`${base}/actions?filter=mine#item-${id}`,
				approvedAt,
				{
					assigned: [owner.userId]
				}
			);
		}

		// Discussions.
		for (const thread of plan.threads) {
			const threadId = demoCircleIds.thread(slug, thread.key);
			const opening = thread.posts[0]!;
			const openingAuthor = person(slug, opening.author);
			const openedAt = at(opening.day, '09:30');
			const postTimes = thread.posts.map((post, index) =>
				at(post.day, `${String(9 + (index % 8)).padStart(2, '0')}:${index % 2 ? '45' : '30'}`)
			);
			threadRows.push({
				id: threadId,
				networkId,
				circleId,
				title: thread.title,
				authorUserId: openingAuthor.userId,
				pinnedAt: thread.pinnedBy ? new Date(openedAt.getTime() + HOUR) : null,
				pinnedBy: thread.pinnedBy ? person(slug, thread.pinnedBy).userId : null,
				lastPostAt: postTimes.at(-1)!,
				createdAt: openedAt
			});
			thread.posts.forEach((post, index) => {
				const postId = demoCircleIds.post(slug, thread.key, index);
				const author = person(slug, post.author);
				const createdAt = postTimes[index]!;
				const editedAt =
					post.before === undefined
						? null
						: new Date(
								Math.max(at(post.editedDay ?? post.day, '17:15').getTime(), createdAt.getTime() + 20 * MINUTE)
							);
				postRows.push({
					id: postId,
					networkId,
					circleId,
					threadId,
					authorUserId: author.userId,
					body: fill(slug, post.body),
					isOpening: index === 0,
					editedAt,
					createdAt
				});
				if (post.before !== undefined)
					revisionRows.push({
						id: demoUuid(`circle:${slug}:thread:${thread.key}:post:${index}:revision:1`),
						networkId,
						postId,
						body: fill(slug, post.before),
						editedBy: author.userId,
						createdAt: editedAt!
					});
				const mentioned = mentionsIn(slug, post.body);
				if (index === 0)
					activity(
						'thread_created',
						threadId,
						author.userId,
						thread.title,
						`${base}/threads/${threadId}`,
						createdAt,
						{
							mentioned
						}
					);
				else
					activity(
						'post_created',
						postId,
						author.userId,
						thread.title,
						`${base}/threads/${threadId}#post-${postId}`,
						createdAt,
						{ mentioned }
					);
			});
		}
	}

	await db.insert(circleFolders).values(folderRows);
	await db.insert(storedFiles).values(fileRows);
	await db.insert(circleDocuments).values(documentRows);
	await db.insert(circleDocumentVersions).values(versionRows);
	await db.insert(circleAgendaItems).values(agendaRows);
	if (attachmentRows.length) await db.insert(circleAgendaAttachments).values(attachmentRows);
	await db.insert(circleMinutes).values(minutesRows);
	await db.insert(circleActionItems).values(actionRows);
	await db.insert(circleThreads).values(threadRows);
	await db.insert(circlePosts).values(postRows);
	if (revisionRows.length) await db.insert(circlePostRevisions).values(revisionRows);

	// Activity, and a notification for every member who heard of it, as recordCircleActivity makes
	// them — all already mailed (at once or in that day's digest); older ones also seen.
	activities.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
	const notificationRows: (typeof circleNotifications.$inferInsert)[] = [];
	for (const item of activities) {
		if (!item.notify) continue;
		const slug = circleRows.find((c) => c.id === item.circleId)!.slug;
		for (const member of membersBySlug.get(slug)!) {
			if (member.mode === 'off' || member.userId === item.actorUserId || member.joinedAt > item.createdAt)
				continue;
			const reason: NotificationReason = item.assigned?.includes(member.userId)
				? 'assigned'
				: item.mentioned?.includes(member.userId)
					? 'mention'
					: 'activity';
			const mailedAt = new Date(
				Math.min(item.createdAt.getTime() + (member.mode === 'immediate' ? MINUTE : 18 * HOUR), now.getTime())
			);
			const recent = now.getTime() - item.createdAt.getTime() < 14 * DAY;
			notificationRows.push({
				networkId,
				circleId: item.circleId,
				activityId: item.id,
				userId: member.userId,
				reason,
				emailedAt: mailedAt,
				seenAt: recent ? null : new Date(mailedAt.getTime() + 5 * HOUR),
				createdAt: item.createdAt
			});
		}
	}
	await db
		.insert(circleActivities)
		.values(activities.map(({ notify: _n, mentioned: _m, assigned: _a, ...row }) => row));
	if (notificationRows.length) await db.insert(circleNotifications).values(notificationRows);

	return {
		events: newEvents.length,
		circleMembers: membershipRows.length,
		circleMeetings: demoCirclePlans.length * 2,
		circleDocuments: documentRows.length,
		circleThreads: threadRows.length,
		circlePosts: postRows.length
	};
}

function keyOf(slug: string, key: string) {
	return `${slug}:${key}`;
}

function pastSessionRow(
	plan: DemoCirclePlan,
	circleId: string,
	networkId: string,
	formatId: string,
	office: Person,
	at: (day: number, time: string) => Date
): typeof events.$inferInsert {
	const meeting = plan.pastMeeting;
	const startsAt = at(meeting.day, '14:00');
	const endsAt = new Date(startsAt.getTime() + 3 * HOUR);
	const createdAt = new Date(startsAt.getTime() - 60 * DAY);
	return {
		id: demoUuid(`event:${meeting.eventKey}`),
		networkId,
		formatId,
		status: 'published',
		titleDe: meeting.titleDe ?? meeting.eventKey,
		titleEn: meeting.titleEn ?? meeting.eventKey,
		descriptionDe:
			'Sitzung des Expertenkreises: Berichte aus den Unternehmen, ein Impulsvortrag und die Planung der nächsten Schritte. Nur für Mitglieder des Kreises.',
		descriptionEn:
			'Meeting of the expert circle: reports from the companies, a short talk and planning of the next steps. For circle members only.',
		startsAt,
		endsAt,
		locationKind: 'hybrid',
		venueName: 'Innovationszentrum Osnabrück',
		street: 'Albert-Einstein-Straße 1',
		postalCode: '49076',
		city: 'Osnabrück',
		latitude: 52.2846,
		longitude: 8.0235,
		onlineUrl: `https://meet.demo.example/kreis-${plan.slug}`,
		organiserKind: 'circle',
		organiserCircleId: circleId,
		audience: 'circle',
		audienceCircleId: circleId,
		seatsTaken: 0,
		contactName: office.name,
		contactEmail: 'office@demo.example',
		feedbackRequestedAt: new Date(endsAt.getTime() + HOUR),
		createdBy: office.userId,
		createdAt,
		updatedAt: createdAt
	};
}

/** A registration like the events seed makes them; null when the person is already registered. */
function registration(
	networkId: string,
	event: typeof events.$inferSelect,
	who: Person,
	email: string,
	n: number,
	context: { status: RegistrationStatus; taken: Set<string>; officeId: string; key: string; now: Date }
): typeof eventRegistrations.$inferInsert | null {
	const { status } = context;
	if (context.taken.has(`${event.id}:${email}`) || context.taken.has(`${event.id}:${who.userId}`))
		return null;
	context.taken.add(`${event.id}:${email}`);
	const id = demoUuid(`registration:${context.key}`);
	const ticketCode = generateTicketCode();
	const createdAt = new Date(
		Math.min(event.startsAt.getTime() - 20 * DAY, context.now.getTime() - 2 * DAY) + n * 53 * MINUTE
	);
	const past = event.endsAt < context.now;
	return {
		id,
		networkId,
		eventId: event.id,
		userId: who.userId,
		organisationId: who.organisationId,
		name: who.name,
		email,
		organisationName: who.organisationName,
		locale: 'de',
		status,
		accessTokenHash: hashToken(registrationAccessToken({ id, ticketCode })),
		ticketCode,
		createdAt,
		checkedInAt:
			status === 'attended' ? new Date(event.startsAt.getTime() - 8 * MINUTE + n * 25 * 1000) : null,
		checkedInBy: status === 'attended' ? context.officeId : null,
		reminderSentAt: past ? new Date(event.startsAt.getTime() - DAY) : null,
		feedbackRequestedAt: past && status === 'attended' ? new Date(event.endsAt.getTime() + HOUR) : null
	};
}

function minutesOf(
	meeting: DemoPastMeetingPlan,
	slug: string,
	event: typeof events.$inferSelect,
	attended: { eventId: string; name: string; organisationName: string }[],
	fill: (slug: string, text: string) => string
) {
	const list = attended
		.filter((row) => row.eventId === event.id)
		.map((row) => `- ${row.name}${row.organisationName ? ` (${row.organisationName})` : ''}`)
		.join('\n');
	const date = utcToLocal(event.startsAt).date.split('-').reverse().join('.');
	return fill(slug, meeting.minutes)
		.replace('{attendees}', list)
		.replace(/^(# .*)$/m, `$1\n\nSitzung vom ${date}, ${event.venueName} und online`);
}
