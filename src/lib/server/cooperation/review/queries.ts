import {
	and,
	asc,
	count,
	desc,
	eq,
	gt,
	ilike,
	isNull,
	lte,
	notInArray,
	or,
	sql,
	type SQL
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db, type DatabaseOrTransaction } from '../../db/index.ts';
import {
	competencies,
	cooperationAttachments,
	cooperationInterests,
	cooperationProfileCompetencies,
	cooperationProfiles,
	cooperationSteps,
	events,
	networkRoleAssignments,
	organisationMemberships,
	organisations,
	user
} from '../../db/schema/index.ts';
import { officeOnlySteps, type ProfileStatus, type ProfileType } from '../../../cooperation/vocabulary.ts';
import { PAGE_SIZE } from '../../office/params.ts';
import { containsPattern } from '../../office/search.ts';
import { ownerColumns } from '../owner.ts';
import { findProfile } from '../queries.ts';
import { isExpired, type ProfileRow } from '../scope.ts';

/** A profile's state for the office: its status, or 'expired' for a published one past its date. */
export type OfficeProfileStatus = ProfileStatus | 'expired';

export type OfficeProfileRow = {
	id: string;
	title: string;
	type: ProfileType;
	visibility: ProfileRow['visibility'];
	status: OfficeProfileStatus;
	organisationId: string;
	organisationName: string;
	submittedAt: Date | null;
	publishedAt: Date | null;
	expiresAt: Date | null;
	interestCount: number;
};

export type OfficeProfileFilter = {
	status?: OfficeProfileStatus;
	type?: ProfileType;
	/** Part of the owner organisation's name. */
	organisation?: string;
	page?: number;
	now?: Date;
};

function statusCondition(status: OfficeProfileStatus, now: Date): SQL | undefined {
	const published = eq(cooperationProfiles.status, 'published');
	if (status === 'expired') return and(published, lte(cooperationProfiles.expiresAt, now));
	if (status === 'published')
		return and(published, or(isNull(cooperationProfiles.expiresAt), gt(cooperationProfiles.expiresAt, now)));
	return eq(cooperationProfiles.status, status);
}

const interestCount =
	sql<number>`(select count(*) from ${cooperationInterests} where ${cooperationInterests.profileId} = ${cooperationProfiles.id} and ${cooperationInterests.networkId} = ${cooperationProfiles.networkId})`.mapWith(
		Number
	);

async function selectRows(where: SQL | undefined, order: SQL[], limit: number, offset: number, now: Date) {
	const rows = await (
		await db()
	)
		.select({
			id: cooperationProfiles.id,
			title: cooperationProfiles.title,
			type: cooperationProfiles.type,
			visibility: cooperationProfiles.visibility,
			status: cooperationProfiles.status,
			organisationId: organisations.id,
			organisationName: organisations.name,
			submittedAt: cooperationProfiles.submittedAt,
			publishedAt: cooperationProfiles.publishedAt,
			expiresAt: cooperationProfiles.expiresAt,
			interestCount
		})
		.from(cooperationProfiles)
		.innerJoin(
			organisations,
			and(
				eq(organisations.id, cooperationProfiles.organisationId),
				eq(organisations.networkId, cooperationProfiles.networkId)
			)
		)
		.where(where)
		.orderBy(...order)
		.limit(limit)
		.offset(offset);
	return rows.map((row): OfficeProfileRow => ({
		...row,
		status: isExpired(row, now) ? 'expired' : row.status
	}));
}

/** Profiles waiting for the office's review, the longest-waiting first. */
export async function listReviewQueue(networkId: string, now = new Date()): Promise<OfficeProfileRow[]> {
	return selectRows(
		and(eq(cooperationProfiles.networkId, networkId), eq(cooperationProfiles.status, 'in_review')),
		[sql`${cooperationProfiles.submittedAt} asc nulls last`, asc(cooperationProfiles.createdAt)],
		200,
		0,
		now
	);
}

/** All of the network's profiles (the office always sees the owner), newest first, a page at a time. */
export async function listOfficeProfiles(
	networkId: string,
	filter: OfficeProfileFilter = {}
): Promise<{ rows: OfficeProfileRow[]; total: number }> {
	const now = filter.now ?? new Date();
	const conditions: (SQL | undefined)[] = [eq(cooperationProfiles.networkId, networkId)];
	if (filter.status) conditions.push(statusCondition(filter.status, now));
	if (filter.type) conditions.push(eq(cooperationProfiles.type, filter.type));
	if (filter.organisation) conditions.push(ilike(organisations.name, containsPattern(filter.organisation)));
	const where = and(...conditions);
	const page = Math.max(filter.page ?? 1, 1);
	const [rows, [total]] = await Promise.all([
		selectRows(
			where,
			[desc(cooperationProfiles.updatedAt), desc(cooperationProfiles.id)],
			PAGE_SIZE,
			(page - 1) * PAGE_SIZE,
			now
		),
		(await db())
			.select({ value: count() })
			.from(cooperationProfiles)
			.innerJoin(
				organisations,
				and(eq(organisations.id, cooperationProfiles.organisationId), eq(organisations.networkId, networkId))
			)
			.where(where)
	]);
	return { rows, total: total?.value ?? 0 };
}

export type TimelineStep = {
	id: string;
	kind: (typeof cooperationSteps.$inferSelect)['kind'];
	note: string;
	createdAt: Date;
	actorName: string | null;
	interestId: string | null;
	interestOrganisationName: string | null;
	meetingAt: Date | null;
	meetingPlace: string | null;
	event: { id: string; titleDe: string; titleEn: string; startsAt: Date } | null;
};

/**
 * A profile's timeline, oldest first. The office's own notes ('office_note') only with
 * `includeOfficeNotes` — the owner's pages call this without it, so they never see them.
 */
export async function listTimeline(
	networkId: string,
	profileId: string,
	options: { includeOfficeNotes: boolean },
	database?: DatabaseOrTransaction
): Promise<TimelineStep[]> {
	const handle = database ?? (await db());
	const interestOrganisation = alias(organisations, 'interest_organisation');
	const rows = await handle
		.select({
			id: cooperationSteps.id,
			kind: cooperationSteps.kind,
			note: cooperationSteps.note,
			createdAt: cooperationSteps.createdAt,
			actorName: user.name,
			interestId: cooperationSteps.interestId,
			interestOrganisationName: interestOrganisation.name,
			meetingAt: cooperationSteps.meetingAt,
			meetingPlace: cooperationSteps.meetingPlace,
			eventId: events.id,
			eventTitleDe: events.titleDe,
			eventTitleEn: events.titleEn,
			eventStartsAt: events.startsAt
		})
		.from(cooperationSteps)
		.leftJoin(user, eq(user.id, cooperationSteps.actorUserId))
		.leftJoin(
			cooperationInterests,
			and(
				eq(cooperationInterests.id, cooperationSteps.interestId),
				eq(cooperationInterests.networkId, networkId)
			)
		)
		.leftJoin(
			interestOrganisation,
			and(
				eq(interestOrganisation.id, cooperationInterests.organisationId),
				eq(interestOrganisation.networkId, networkId)
			)
		)
		.leftJoin(events, and(eq(events.id, cooperationSteps.eventId), eq(events.networkId, networkId)))
		.where(
			and(
				eq(cooperationSteps.networkId, networkId),
				eq(cooperationSteps.profileId, profileId),
				options.includeOfficeNotes ? undefined : notInArray(cooperationSteps.kind, [...officeOnlySteps])
			)
		)
		.orderBy(asc(cooperationSteps.createdAt), asc(cooperationSteps.id));
	return rows.map(({ eventId, eventTitleDe, eventTitleEn, eventStartsAt, ...row }) => ({
		...row,
		event:
			eventId && eventTitleDe !== null && eventStartsAt
				? { id: eventId, titleDe: eventTitleDe, titleEn: eventTitleEn ?? '', startsAt: eventStartsAt }
				: null
	}));
}

export type OfficeInterest = {
	id: string;
	status: (typeof cooperationInterests.$inferSelect)['status'];
	organisationId: string;
	organisationName: string;
	senderName: string | null;
	senderEmail: string | null;
	message: string;
	contribution: string;
	partnershipKind: (typeof cooperationInterests.$inferSelect)['partnershipKind'];
	timeframe: (typeof cooperationInterests.$inferSelect)['timeframe'];
	outcome: (typeof cooperationInterests.$inferSelect)['outcome'];
	successStory: string;
	successStoryPublishable: boolean;
	createdAt: Date;
	decidedAt: Date | null;
};

/** Everything the office's detail page shows of a profile; null for unknown, malformed or foreign ids. */
export async function findOfficeProfile(networkId: string, profileId: string) {
	const loaded = await findProfile(networkId, profileId);
	if (!loaded) return null;
	const { profile } = loaded;
	const database = await db();
	const [owner] = await database
		.select(ownerColumns)
		.from(organisations)
		.where(and(eq(organisations.id, profile.organisationId), eq(organisations.networkId, networkId)));
	const [competenceRows, attachments, interests, reviewer] = await Promise.all([
		database
			.select({ id: competencies.id, nameDe: competencies.nameDe, nameEn: competencies.nameEn })
			.from(cooperationProfileCompetencies)
			.innerJoin(
				competencies,
				and(
					eq(competencies.id, cooperationProfileCompetencies.competenceId),
					eq(competencies.networkId, networkId)
				)
			)
			.where(
				and(
					eq(cooperationProfileCompetencies.networkId, networkId),
					eq(cooperationProfileCompetencies.profileId, profile.id)
				)
			)
			.orderBy(asc(competencies.path)),
		database
			.select({
				id: cooperationAttachments.id,
				fileName: cooperationAttachments.fileName,
				byteSize: cooperationAttachments.byteSize
			})
			.from(cooperationAttachments)
			.where(
				and(eq(cooperationAttachments.networkId, networkId), eq(cooperationAttachments.profileId, profile.id))
			)
			.orderBy(asc(cooperationAttachments.createdAt)),
		listInterests(networkId, profile.id),
		profile.reviewedBy
			? database.select({ name: user.name }).from(user).where(eq(user.id, profile.reviewedBy))
			: Promise.resolve([])
	]);
	return {
		profile,
		revealedTo: loaded.revealedTo,
		owner: owner ?? null,
		competencies: competenceRows,
		attachments,
		interests,
		reviewerName: reviewer[0]?.name ?? null
	};
}

/** A profile's expressions of interest with both parties, oldest first. */
export async function listInterests(networkId: string, profileId: string): Promise<OfficeInterest[]> {
	return (await db())
		.select({
			id: cooperationInterests.id,
			status: cooperationInterests.status,
			organisationId: organisations.id,
			organisationName: organisations.name,
			senderName: user.name,
			senderEmail: user.email,
			message: cooperationInterests.message,
			contribution: cooperationInterests.contribution,
			partnershipKind: cooperationInterests.partnershipKind,
			timeframe: cooperationInterests.timeframe,
			outcome: cooperationInterests.outcome,
			successStory: cooperationInterests.successStory,
			successStoryPublishable: cooperationInterests.successStoryPublishable,
			createdAt: cooperationInterests.createdAt,
			decidedAt: cooperationInterests.decidedAt
		})
		.from(cooperationInterests)
		.innerJoin(
			organisations,
			and(eq(organisations.id, cooperationInterests.organisationId), eq(organisations.networkId, networkId))
		)
		.leftJoin(user, eq(user.id, cooperationInterests.userId))
		.where(and(eq(cooperationInterests.networkId, networkId), eq(cooperationInterests.profileId, profileId)))
		.orderBy(asc(cooperationInterests.createdAt), asc(cooperationInterests.id));
}

export type MailRecipient = { name: string; email: string; locale: string };

const recipientEmail = sql<string>`coalesce(nullif(${user.notificationEmail}, ''), ${user.email})`;

/** The admins of an organisation of the network: the people mailed about its profiles. */
export async function findOrganisationAdmins(
	database: DatabaseOrTransaction,
	networkId: string,
	organisationId: string
): Promise<MailRecipient[]> {
	return database
		.select({ name: user.name, email: recipientEmail, locale: user.locale })
		.from(organisationMemberships)
		.innerJoin(user, eq(user.id, organisationMemberships.userId))
		.where(
			and(
				eq(organisationMemberships.networkId, networkId),
				eq(organisationMemberships.organisationId, organisationId),
				eq(organisationMemberships.role, 'org_admin')
			)
		)
		.orderBy(asc(user.email));
}

/** The office people of the network: the people mailed about submitted profiles. */
export async function findOfficeRecipients(
	database: DatabaseOrTransaction,
	networkId: string
): Promise<MailRecipient[]> {
	return database
		.select({ name: user.name, email: recipientEmail, locale: user.locale })
		.from(networkRoleAssignments)
		.innerJoin(user, eq(user.id, networkRoleAssignments.userId))
		.where(and(eq(networkRoleAssignments.networkId, networkId), eq(networkRoleAssignments.role, 'office')))
		.orderBy(asc(user.email));
}

/** One person as a mail recipient (e.g. who sent an expression of interest). */
export async function findRecipient(
	database: DatabaseOrTransaction,
	userId: string
): Promise<MailRecipient | null> {
	const [row] = await database
		.select({ name: user.name, email: recipientEmail, locale: user.locale })
		.from(user)
		.where(eq(user.id, userId));
	return row ?? null;
}
