import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { db } from '../../db/index.ts';
import {
	circles,
	eventAttachments,
	eventFormats,
	eventQuestions,
	events,
	organisations,
	storedFiles
} from '../../db/schema/index.ts';
import type { Actor } from '../../policy/actor.ts';
import { visibleEventsSql } from '../visibility.ts';
import type { EventRow } from '../scope.ts';
import type { CircleJoinPolicy } from '../../../circles/vocabulary.ts';

/** What the event page and the edit form show besides the row itself: names of the references. */
export type EventNames = {
	format: { key: string; nameDe: string; nameEn: string } | null;
	hostOrganisation: { id: string; name: string; slug: string; status: string } | null;
	organiserOrganisation: { id: string; name: string } | null;
	organiserCircle: CircleNames | null;
	audienceCircle: CircleNames | null;
};

type CircleNames = {
	id: string;
	networkId: string;
	slug: string;
	nameDe: string;
	nameEn: string;
	confidential: boolean;
	joinPolicy: CircleJoinPolicy;
};

export async function findEventNames(event: EventRow): Promise<EventNames> {
	const database = await db();
	const [format] = await database
		.select({ key: eventFormats.key, nameDe: eventFormats.nameDe, nameEn: eventFormats.nameEn })
		.from(eventFormats)
		.where(and(eq(eventFormats.networkId, event.networkId), eq(eventFormats.id, event.formatId)));
	const organisation = async (id: string | null) => {
		if (!id) return null;
		const [row] = await database
			.select({
				id: organisations.id,
				name: organisations.name,
				slug: organisations.slug,
				status: organisations.status
			})
			.from(organisations)
			.where(and(eq(organisations.networkId, event.networkId), eq(organisations.id, id)));
		return row ?? null;
	};
	const circle = async (id: string | null) => {
		if (!id) return null;
		const [row] = await database
			.select({
				id: circles.id,
				networkId: circles.networkId,
				slug: circles.slug,
				nameDe: circles.nameDe,
				nameEn: circles.nameEn,
				confidential: circles.confidential,
				joinPolicy: circles.joinPolicy
			})
			.from(circles)
			.where(and(eq(circles.networkId, event.networkId), eq(circles.id, id)));
		return row ?? null;
	};
	const organiserOrganisation = await organisation(event.organiserOrganisationId);
	return {
		format: format ?? null,
		hostOrganisation: await organisation(event.hostOrganisationId),
		organiserOrganisation: organiserOrganisation
			? { id: organiserOrganisation.id, name: organiserOrganisation.name }
			: null,
		organiserCircle: await circle(event.organiserCircleId),
		audienceCircle: await circle(event.audienceCircleId)
	};
}

/** The other dates of the event's series that the actor may see, in order. */
export async function listSeriesSiblings(actor: Actor, event: EventRow) {
	if (!event.seriesId) return [];
	return (await db())
		.select({
			id: events.id,
			titleDe: events.titleDe,
			titleEn: events.titleEn,
			startsAt: events.startsAt,
			endsAt: events.endsAt,
			status: events.status
		})
		.from(events)
		.where(and(eq(events.seriesId, event.seriesId), ne(events.id, event.id), visibleEventsSql(actor)))
		.orderBy(asc(events.startsAt))
		.limit(60);
}

/** The questions with how many registrations answered each (a question with answers keeps its kind). */
export async function listQuestionsWithAnswerCounts(networkId: string, eventId: string) {
	const rows = await (
		await db()
	)
		.select({
			id: eventQuestions.id,
			kind: eventQuestions.kind,
			labelDe: eventQuestions.labelDe,
			labelEn: eventQuestions.labelEn,
			options: eventQuestions.options,
			required: eventQuestions.required,
			position: eventQuestions.position,
			// Named in full: inside the subquery, drizzle's unqualified column names would mean r's own.
			answers: sql<number>`(select count(*)::int from event_registrations r
				where r.event_id = event_questions.event_id and r.answers ? event_questions.id::text)`
		})
		.from(eventQuestions)
		.where(and(eq(eventQuestions.networkId, networkId), eq(eventQuestions.eventId, eventId)))
		.orderBy(asc(eventQuestions.position), asc(eventQuestions.id));
	return rows.map((row) => ({ ...row, answers: Number(row.answers) }));
}

/** An attachment's bytes, if it belongs to this event of this network. */
export async function findAttachmentFile(networkId: string, eventId: string, attachmentId: string) {
	const [row] = await (
		await db()
	)
		.select({
			fileName: eventAttachments.fileName,
			contentType: storedFiles.contentType,
			byteSize: storedFiles.byteSize,
			content: storedFiles.content
		})
		.from(eventAttachments)
		.innerJoin(storedFiles, eq(storedFiles.id, eventAttachments.fileId))
		.where(
			and(
				eq(eventAttachments.networkId, networkId),
				eq(eventAttachments.eventId, eventId),
				eq(eventAttachments.id, attachmentId),
				eq(storedFiles.networkId, networkId),
				eq(storedFiles.purpose, 'event_attachment')
			)
		);
	return row ?? null;
}
