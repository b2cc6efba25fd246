import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import {
	competencies,
	cooperationInterests,
	cooperationMatches,
	cooperationMatchNotifications,
	cooperationProfileCompetencies,
	cooperationProfiles,
	cooperationProfileViews,
	cooperationSteps,
	networkRoleAssignments,
	organisationMemberships,
	organisations,
	people,
	user
} from '../db/schema/index.ts';
import { EXPIRY_REMINDER_DAYS, matchingContactFunctions } from '../../cooperation/vocabulary.ts';
import { localToUtc, utcToLocal } from '../../events/time.ts';
import { recordMatches } from '../cooperation/matching/index.ts';
import { demoAccounts } from './demo-accounts.ts';
import {
	demoCooperationPlans,
	type DemoCooperationPlan,
	type DemoInterestPlan
} from './demo-cooperation-plans.ts';
import { demoUuid } from './demo-events.ts';

export { demoCooperationPlans } from './demo-cooperation-plans.ts';

const DAY = 24 * 60 * 60 * 1000;
/** A weekly digest or an immediate mail went out this long after the match, at the latest by the seed. */
const MAILED_AFTER_DAYS = 2;

/** Stable ids of the demo exchange's rows, for tests and links. */
export const demoCooperationIds = {
	profile: (key: string) => demoUuid(`cooperation:${key}`),
	interest: (profileKey: string, key: string) => demoUuid(`cooperation:${profileKey}:interest:${key}`),
	step: (profileKey: string, index: number) => demoUuid(`cooperation:${profileKey}:step:${index}`)
};

export type DemoCooperationCounts = {
	cooperationProfiles: number;
	cooperationInterests: number;
	cooperationMatches: number;
};

type Step = Omit<typeof cooperationSteps.$inferInsert, 'id' | 'networkId' | 'profileId'>;

/**
 * The cooperation exchange: profiles of every type and state (live, expired, in review, changes
 * requested, draft, withdrawn), their competencies, expressions of interest with decisions and
 * outcomes, the timeline with the office's review and brokering, views, and the matches of every
 * published profile — with their notifications and due expiry reminders already mailed, so a
 * fresh demo sends no cooperation mails. Call after the events and circles (it draws on their
 * people and an upcoming event).
 */
export async function insertDemoCooperation(
	db: Database,
	networkId: string,
	now = new Date()
): Promise<DemoCooperationCounts> {
	const today = utcToLocal(now).date;
	const offsets = new Map<number, number>();
	// Wall-clock time in Europe/Berlin on a day relative to the seed day (daytime, so never in a switch).
	const at = (day: number, time: string) => {
		const date = new Date(Date.parse(`${today}T12:00:00Z`) + day * DAY).toISOString().slice(0, 10);
		let offset = offsets.get(day);
		if (offset === undefined) {
			const noon = localToUtc({ date, time: '12:00' });
			if (!noon.ok) throw new Error(`demo cooperation time ${date}: ${noon.reason}`);
			offset = Date.parse(`${date}T12:00:00Z`) - noon.value.getTime();
			offsets.set(day, offset);
		}
		return new Date(Date.parse(`${date}T${time}:00Z`) - offset);
	};
	const notAfterNow = (date: Date) => (date.getTime() > now.getTime() ? now : date);

	const organisationRows = await db
		.select({ id: organisations.id, name: organisations.name })
		.from(organisations)
		.where(eq(organisations.networkId, networkId));
	const organisationIdByName = new Map(organisationRows.map((o) => [o.name, o.id]));
	const organisationId = (name: string) => {
		const id = organisationIdByName.get(name);
		if (!id) throw new Error(`Demo organisation missing: ${name}`);
		return id;
	};
	const competenceRows = await db
		.select({ id: competencies.id, path: competencies.path })
		.from(competencies)
		.where(eq(competencies.networkId, networkId));
	const competenceIdByPath = new Map(competenceRows.map((c) => [c.path, c.id]));

	const accountRows = await db
		.select({ id: user.id, email: user.email })
		.from(user)
		.where(
			inArray(
				user.email,
				demoAccounts.map((a) => a.email)
			)
		);
	const accountIdByEmail = new Map(accountRows.map((a) => [a.email, a.id]));
	const account = (email: string) => {
		const id = accountIdByEmail.get(email === 'office' ? 'office@demo.example' : email);
		if (!id) throw new Error(`Demo account missing: ${email}`);
		return id;
	};
	const officeId = account('office');

	// The fictional members with accounts (from the circles), by organisation, in a stable order.
	const fictional = await db
		.select({ userId: user.id, organisationId: organisationMemberships.organisationId })
		.from(organisationMemberships)
		.innerJoin(user, eq(user.id, organisationMemberships.userId))
		.where(
			and(eq(organisationMemberships.networkId, networkId), sql`${user.email} not like '%@demo.example'`)
		)
		.orderBy(asc(user.email));
	const firstAccountOf = (orgId: string) => fictional.find((f) => f.organisationId === orgId)?.userId ?? null;

	const profileRows: (typeof cooperationProfiles.$inferInsert)[] = [];
	const competenceRowsOut: (typeof cooperationProfileCompetencies.$inferInsert)[] = [];
	const interestRows: (typeof cooperationInterests.$inferInsert)[] = [];
	const stepRows: (typeof cooperationSteps.$inferInsert)[] = [];
	const viewRows: (typeof cooperationProfileViews.$inferInsert)[] = [];
	/** When each published profile was (last) matched: its publication or renewal. */
	const matchedAt = new Map<string, Date>();

	demoCooperationPlans.forEach((plan, planIndex) => {
		const id = demoCooperationIds.profile(plan.key);
		const ownerId = organisationId(plan.organisation);
		const creator = plan.createdBy ? account(plan.createdBy) : null;
		const steps: Step[] = [];
		const step = (kind: Step['kind'], when: Date, actorUserId: string | null, extra: Partial<Step> = {}) =>
			steps.push({ kind, createdAt: when, actorUserId, ...extra });

		const createdAt = at(plan.created, '09:00');
		step('created', createdAt, creator);
		if (plan.submitted !== undefined) step('submitted', at(plan.submitted, '11:30'), creator);
		const review = plan.changesRequested;
		if (review) {
			step('changes_requested', at(review.day, '15:00'), officeId, { note: review.note });
			if (review.resubmitted !== undefined) step('submitted', at(review.resubmitted, '10:00'), creator);
		}
		const publishedAt = plan.published !== undefined ? at(plan.published, '14:00') : null;
		if (publishedAt) step('approved', publishedAt, officeId);
		if (plan.renewed !== undefined) step('renewed', at(plan.renewed, '08:45'), creator);
		for (const interest of plan.interests ?? []) {
			const row = interestRow(plan, interest);
			interestRows.push(row);
			step('interest_sent', row.createdAt!, row.userId ?? null, { interestId: row.id });
			if (interest.decidedDay !== undefined) {
				const kind =
					interest.status === 'accepted'
						? 'interest_accepted'
						: interest.status === 'declined'
							? 'interest_declined'
							: 'interest_withdrawn';
				step(kind, row.decidedAt!, row.decidedBy ?? null, { interestId: row.id });
			}
			if (interest.outcome)
				step('outcome_recorded', row.outcomeAt!, row.outcomeBy ?? null, {
					interestId: row.id,
					note: interest.outcome.note
				});
		}
		for (const broker of plan.brokering ?? []) {
			const when = at(broker.day, '13:30');
			if (broker.kind === 'office_note') step('office_note', when, officeId, { note: broker.note });
			else if (broker.kind === 'meeting_suggested')
				step('meeting_suggested', when, officeId, {
					interestId: acceptedInterest(plan, broker.interest),
					note: broker.note,
					meetingAt: at(broker.meetingDay, broker.time),
					meetingPlace: broker.place
				});
			else
				step('event_slot_proposed', when, officeId, {
					interestId: acceptedInterest(plan, broker.interest),
					note: broker.note,
					eventId: demoUuid(`event:${broker.eventKey}`)
				});
		}
		if (plan.withdrawn)
			step('withdrawn', at(plan.withdrawn.day, '09:30'), creator, { note: plan.withdrawn.note });

		steps.sort((a, b) => a.createdAt!.getTime() - b.createdAt!.getTime());
		steps.forEach((s, index) =>
			stepRows.push({ ...s, id: demoCooperationIds.step(plan.key, index), networkId, profileId: id })
		);

		const expiresAt = plan.expires !== undefined ? at(plan.expires, '14:00') : null;
		const lastMatched = plan.renewed !== undefined ? at(plan.renewed, '08:45') : publishedAt;
		if (plan.status === 'published' && lastMatched) matchedAt.set(id, lastMatched);
		// Owners of profiles within the reminder window (or past it) were reminded already.
		const reminderDue =
			plan.status === 'published' &&
			expiresAt &&
			expiresAt.getTime() - EXPIRY_REMINDER_DAYS * DAY <= now.getTime();
		const submittedAt =
			review?.resubmitted !== undefined
				? at(review.resubmitted, '10:00')
				: plan.submitted !== undefined
					? at(plan.submitted, '11:30')
					: null;
		const reviewedAt = publishedAt ?? (review ? at(review.day, '15:00') : null);
		profileRows.push({
			id,
			networkId,
			organisationId: ownerId,
			createdBy: creator,
			type: plan.type,
			status: plan.status,
			visibility: plan.visibility,
			title: plan.title,
			summary: plan.summary,
			descriptionDe: plan.de,
			descriptionEn: plan.en,
			keywords: plan.keywords,
			drivetrains: plan.drivetrains,
			trl: plan.trl,
			partnershipKinds: plan.partnershipKinds,
			expiresAt,
			submittedAt,
			publishedAt,
			reviewedBy: reviewedAt ? officeId : null,
			reviewedAt,
			reviewNote: plan.status === 'changes_requested' ? (review?.note ?? '') : '',
			anonymousViews: plan.anonymousViews ?? 0,
			expiryRemindedAt: reminderDue
				? notAfterNow(new Date(expiresAt.getTime() - EXPIRY_REMINDER_DAYS * DAY + 6 * 60 * 60 * 1000))
				: null,
			createdAt,
			updatedAt: steps.at(-1)!.createdAt!
		});
		for (const path of plan.competencies) {
			const competenceId = competenceIdByPath.get(path);
			if (!competenceId) throw new Error(`Unknown competence ${path} for ${plan.key}`);
			competenceRowsOut.push({ networkId, profileId: id, competenceId });
		}

		// Views: the named demo accounts, and fictional members of other organisations.
		if (publishedAt) {
			const end = plan.withdrawn?.day ?? Math.min(plan.expires ?? 0, 0);
			const span = Math.max(1, end - plan.published! - 1);
			const viewedAt = (n: number) => at(plan.published! + 1 + ((n * 3) % span), '10:00');
			let n = 0;
			for (const email of plan.viewers ?? [])
				viewRows.push({ networkId, profileId: id, userId: account(email), firstViewedAt: viewedAt(n++) });
			const others = fictional.filter((f) => f.organisationId !== ownerId);
			const count = Math.min(plan.memberViews ?? 0, others.length);
			for (let i = 0; i < count; i++) {
				const viewer = others[(planIndex * 5 + i) % others.length]!;
				viewRows.push({ networkId, profileId: id, userId: viewer.userId, firstViewedAt: viewedAt(n++) });
			}
		}
	});

	/** The office suggests meetings and event slots to the parties of an accepted interest. */
	function acceptedInterest(plan: DemoCooperationPlan, key: string) {
		const interest = plan.interests?.find((i) => i.key === key);
		if (interest?.status !== 'accepted') throw new Error(`No accepted demo interest ${plan.key}/${key}`);
		return demoCooperationIds.interest(plan.key, key);
	}

	function interestRow(plan: DemoCooperationPlan, interest: DemoInterestPlan) {
		const orgId = organisationId(interest.organisation);
		const sender = interest.sender ? account(interest.sender) : firstAccountOf(orgId);
		const createdAt = at(interest.day, '10:15');
		const decidedAt = interest.decidedDay !== undefined ? at(interest.decidedDay, '16:00') : null;
		const decidedBy =
			interest.status === 'withdrawn' ? sender : interest.decidedBy ? account(interest.decidedBy) : null;
		const outcome = interest.outcome;
		const outcomeAt = outcome ? at(outcome.day, '12:00') : null;
		return {
			id: demoCooperationIds.interest(plan.key, interest.key),
			networkId,
			profileId: demoCooperationIds.profile(plan.key),
			organisationId: orgId,
			userId: sender,
			message: interest.message,
			contribution: interest.contribution,
			partnershipKind: interest.partnershipKind,
			timeframe: interest.timeframe,
			status: interest.status,
			decidedBy,
			decidedAt,
			outcome: outcome?.kind ?? null,
			outcomeAt,
			outcomeBy: outcome ? account(outcome.by) : null,
			successStory: outcome?.story ?? '',
			successStoryPublishable: outcome?.publishable ?? false,
			createdAt,
			updatedAt: outcomeAt ?? decidedAt ?? createdAt
		} satisfies typeof cooperationInterests.$inferInsert;
	}

	await db.insert(cooperationProfiles).values(profileRows);
	await db.insert(cooperationProfileCompetencies).values(competenceRowsOut);
	await db.insert(cooperationInterests).values(interestRows);
	await db.insert(cooperationSteps).values(stepRows);
	await db.insert(cooperationProfileViews).values(viewRows);

	// Matches of every published profile (live or expired), recorded as on its publication.
	let matchCount = 0;
	for (const [profileId, when] of matchedAt) {
		matchCount += (await recordMatches(db, networkId, profileId)).length;
		await db
			.update(cooperationMatches)
			.set({ createdAt: when })
			.where(and(eq(cooperationMatches.networkId, networkId), eq(cooperationMatches.profileId, profileId)));
	}

	// Who heard of the matches (org admins, and contacts with the type's function), already mailed.
	const matches = await db
		.select({
			profileId: cooperationMatches.profileId,
			organisationId: cooperationMatches.organisationId,
			type: cooperationProfiles.type
		})
		.from(cooperationMatches)
		.innerJoin(cooperationProfiles, eq(cooperationProfiles.id, cooperationMatches.profileId))
		.where(eq(cooperationMatches.networkId, networkId));
	const admins = await db
		.select({
			userId: organisationMemberships.userId,
			organisationId: organisationMemberships.organisationId
		})
		.from(organisationMemberships)
		.where(
			and(eq(organisationMemberships.networkId, networkId), eq(organisationMemberships.role, 'org_admin'))
		);
	const contacts = await db
		.select({
			userId: people.userId,
			organisationId: people.organisationId,
			function: people.contactFunction
		})
		.from(people)
		.where(and(eq(people.networkId, networkId), isNotNull(people.userId), isNotNull(people.contactFunction)));
	// As notifyMatches: only people of the network (members and partners) hear of matches.
	const networkPeople = new Set(
		(
			await db
				.select({ userId: networkRoleAssignments.userId })
				.from(networkRoleAssignments)
				.where(
					and(
						eq(networkRoleAssignments.networkId, networkId),
						inArray(networkRoleAssignments.role, ['member', 'partner'])
					)
				)
		).map((r) => r.userId)
	);
	const notificationRows = new Map<string, typeof cooperationMatchNotifications.$inferInsert>();
	for (const match of matches) {
		const functions = matchingContactFunctions[match.type];
		const recipients = [
			...admins.filter((a) => a.organisationId === match.organisationId).map((a) => a.userId),
			...contacts
				.filter((c) => c.organisationId === match.organisationId && functions.includes(c.function!))
				.map((c) => c.userId!)
		];
		const createdAt = matchedAt.get(match.profileId)!;
		for (const userId of recipients.filter((id) => networkPeople.has(id)))
			notificationRows.set(`${match.profileId}:${userId}`, {
				networkId,
				profileId: match.profileId,
				userId,
				organisationId: match.organisationId,
				createdAt,
				emailedAt: notAfterNow(new Date(createdAt.getTime() + MAILED_AFTER_DAYS * DAY))
			});
	}
	if (notificationRows.size > 0)
		await db.insert(cooperationMatchNotifications).values([...notificationRows.values()]);

	return {
		cooperationProfiles: profileRows.length,
		cooperationInterests: interestRows.length,
		cooperationMatches: matchCount
	};
}
