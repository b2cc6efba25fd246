import type { RequestEvent } from '@sveltejs/kit';
import { error } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { notFound } from '#lib/server/guard.ts';
import { renderMarkdown } from '#lib/server/markdown.ts';
import { auditContext } from '#lib/server/office/params.ts';
import { can } from '#lib/server/policy/policy.ts';
import { requireCircle } from '#lib/server/circles/guard.ts';
import { circleResource } from '#lib/server/circles/scope.ts';
import { eventResource } from '#lib/server/events/scope.ts';
import { findOwnRegistration } from '#lib/server/events/registration/queries.ts';
import { listCircleDocuments } from '#lib/server/circles/documents/queries.ts';
import { createCircleDocument } from '#lib/server/circles/documents/mutations.ts';
import { readUploadedFile, uploadErrorMessage } from '#lib/server/circles/documents/form.ts';
import { berlinDay } from '#lib/server/circles/meetings/dates.ts';
import {
	findCircleMeeting,
	findMinutes,
	listActionItems,
	listAgenda,
	listMemberOptions
} from '#lib/server/circles/meetings/queries.ts';
import {
	attachAgendaDocument,
	createAgendaItem,
	deleteAgendaItem,
	detachAgendaDocument,
	markMeetingSeen,
	moveAgendaItem,
	updateAgendaItem
} from '#lib/server/circles/meetings/mutations.ts';
import { agendaItemForm, agendaItemRef, attachForm, moveForm } from '#lib/server/circles/meetings/schemas.ts';
import {
	actionItemViews,
	changeActionItemStatus,
	failOn,
	parseFields
} from '#lib/server/circles/meetings/route-actions.ts';

type Event = RequestEvent<{ slug: string; eventId: string }>;

/** The circle of the URL (with `action`) and its meeting of the URL that the actor may see; 404 otherwise. */
async function meetingFor(event: Event, action: 'circle.read' | 'circle.lead') {
	const circle = await requireCircle(event, action);
	const meeting = await findCircleMeeting(event.locals.actor, circle, event.params.eventId);
	if (!meeting) notFound();
	return { circle, meeting };
}

export const load = async (event) => {
	const { circle, meeting } = await meetingFor(event, 'circle.read');
	const { actor } = event.locals;
	const lead = can(actor, 'circle.lead', circleResource(circle));
	const now = new Date();
	const today = berlinDay(now);
	const upcoming = meeting.endsAt >= now && meeting.status !== 'cancelled';
	const [agenda, minutes, own] = await Promise.all([
		listAgenda(circle, meeting.id),
		findMinutes(circle, meeting.id),
		findOwnRegistration(actor, meeting.id)
	]);
	const minutesVisible = !!minutes && (minutes.status === 'approved' || lead);
	const [minutesItems, openItems, members, documents] = await Promise.all([
		minutesVisible ? listActionItems(circle, { filter: 'all', minutesId: minutes.id, today }) : [],
		upcoming ? listActionItems(circle, { filter: 'open', userId: actor.userId, today }) : [],
		lead ? listMemberOptions(circle) : [],
		lead ? listCircleDocuments(circle.networkId, circle.id) : []
	]);
	if (minutes?.status === 'approved')
		await markMeetingSeen(actor, [minutes.id, ...minutesItems.map((item) => item.id)]);
	const editId = lead ? event.url.searchParams.get('edit') : null;
	return {
		meeting: {
			id: meeting.id,
			titleDe: meeting.titleDe,
			titleEn: meeting.titleEn,
			startsAt: meeting.startsAt,
			endsAt: meeting.endsAt,
			status: meeting.status,
			registrationStatus: own?.status ?? null,
			// Readers of an open circle see its meetings here; the event page is for its audience.
			eventVisible: can(actor, 'event.view', eventResource(meeting))
		},
		upcoming,
		lead,
		agenda: agenda.map((item) => ({ ...item, notesHtml: renderMarkdown(item.notes) })),
		editId: agenda.some((item) => item.id === editId) ? editId : null,
		minutes: minutesVisible
			? {
					id: minutes.id,
					status: minutes.status,
					html: renderMarkdown(minutes.body),
					approvedAt: minutes.approvedAt,
					approverName: minutes.approverName,
					// Saved again after the approval (the approval itself sets both to the same instant).
					changedAfterApproval:
						minutes.approvedAt && minutes.updatedAt.getTime() > minutes.approvedAt.getTime()
							? minutes.updatedAt
							: null
				}
			: null,
		minutesItems: actionItemViews(actor, circle, minutesItems, today),
		openItems: actionItemViews(actor, circle, openItems, today),
		members,
		documents: documents.map(({ id, name }) => ({ id, name }))
	};
};

/** A refused agenda change: 403/404 as for a foreign URL; an unknown presenter at its field. */
function agendaFailure(
	result: { ok: false; reason: 'FORBIDDEN' | 'NOT_FOUND' | 'INVALID_PRESENTER' },
	locale: 'de' | 'en',
	form: FormData,
	target: string
) {
	if (result.reason === 'FORBIDDEN') error(403, 'Forbidden');
	if (result.reason === 'NOT_FOUND') notFound();
	return failOn(
		target,
		{
			_form: m.circle_meetings_error_form({}, { locale }),
			presenterUserId: m.circle_meetings_error_presenter({}, { locale })
		},
		form
	);
}

/** The agenda item the form names (a uuid), or 404. */
function itemIdOf(form: FormData) {
	const ref = agendaItemRef.safeParse({ itemId: form.get('itemId') });
	if (!ref.success) notFound();
	return ref.data.itemId;
}

export const actions = {
	createItem: async (event) => {
		const { circle, meeting } = await meetingFor(event, 'circle.lead');
		const { locale, actor } = event.locals;
		const form = await event.request.formData();
		const parsed = parseFields(form, agendaItemForm, locale, 'new');
		if (!parsed.ok) return parsed.failure;
		const result = await createAgendaItem({
			actor,
			circle,
			eventId: meeting.id,
			values: parsed.data,
			context: auditContext(event)
		});
		if (!result.ok) return agendaFailure(result, locale, form, 'new');
		return {
			target: 'agenda',
			success: m.circle_meetings_agenda_added({ title: parsed.data.title }, { locale })
		};
	},

	updateItem: async (event) => {
		const { circle, meeting } = await meetingFor(event, 'circle.lead');
		const { locale, actor } = event.locals;
		const form = await event.request.formData();
		const itemId = itemIdOf(form);
		const parsed = parseFields(form, agendaItemForm, locale, itemId);
		if (!parsed.ok) return parsed.failure;
		const result = await updateAgendaItem({
			actor,
			circle,
			eventId: meeting.id,
			itemId,
			values: parsed.data,
			context: auditContext(event)
		});
		if (!result.ok) return agendaFailure(result, locale, form, itemId);
		return {
			target: 'agenda',
			success: m.circle_meetings_agenda_saved({ title: parsed.data.title }, { locale })
		};
	},

	deleteItem: async (event) => {
		const { circle, meeting } = await meetingFor(event, 'circle.lead');
		const { locale, actor } = event.locals;
		const form = await event.request.formData();
		const result = await deleteAgendaItem({
			actor,
			circle,
			eventId: meeting.id,
			itemId: itemIdOf(form),
			context: auditContext(event)
		});
		if (!result.ok) return agendaFailure(result, locale, form, 'agenda');
		return { target: 'agenda', success: m.circle_meetings_agenda_deleted({}, { locale }) };
	},

	moveItem: async (event) => {
		const { circle, meeting } = await meetingFor(event, 'circle.lead');
		const { locale, actor } = event.locals;
		const form = await event.request.formData();
		const parsed = moveForm.safeParse({ itemId: form.get('itemId'), direction: form.get('direction') });
		if (!parsed.success) notFound();
		const result = await moveAgendaItem({
			actor,
			circle,
			eventId: meeting.id,
			itemId: parsed.data.itemId,
			direction: parsed.data.direction,
			context: auditContext(event)
		});
		if (!result.ok) return agendaFailure(result, locale, form, 'agenda');
		return { target: 'agenda', success: m.circle_meetings_agenda_moved({}, { locale }) };
	},

	attach: async (event) => {
		const { circle, meeting } = await meetingFor(event, 'circle.lead');
		const { locale, actor } = event.locals;
		const form = await event.request.formData();
		const itemId = itemIdOf(form);
		const target = `attach-${itemId}`;
		const parsed = attachForm.safeParse({ itemId, documentId: form.get('documentId') });
		if (!parsed.success)
			return failOn(target, { documentId: m.circle_meetings_error_document({}, { locale }) }, form);
		const result = await attachAgendaDocument({
			actor,
			circle,
			eventId: meeting.id,
			itemId,
			documentId: parsed.data.documentId,
			context: auditContext(event)
		});
		if (!result.ok) {
			if (result.reason === 'FORBIDDEN') error(403, 'Forbidden');
			if (result.reason === 'NOT_FOUND') notFound();
			return failOn(target, { documentId: m.circle_meetings_error_document({}, { locale }) }, form);
		}
		return { target: 'agenda', success: m.circle_meetings_attached({}, { locale }) };
	},

	detach: async (event) => {
		const { circle, meeting } = await meetingFor(event, 'circle.lead');
		const { locale, actor } = event.locals;
		const form = await event.request.formData();
		const parsed = attachForm.safeParse({ itemId: form.get('itemId'), documentId: form.get('documentId') });
		if (!parsed.success) notFound();
		const result = await detachAgendaDocument({
			actor,
			circle,
			eventId: meeting.id,
			itemId: parsed.data.itemId,
			documentId: parsed.data.documentId,
			context: auditContext(event)
		});
		if (!result.ok) {
			if (result.reason === 'FORBIDDEN') error(403, 'Forbidden');
			notFound();
		}
		return { target: 'agenda', success: m.circle_meetings_detached({}, { locale }) };
	},

	/** Uploads a new circle document (the documents' rules: size, type by content) and attaches it. */
	upload: async (event) => {
		const { circle, meeting } = await meetingFor(event, 'circle.lead');
		const { locale, actor } = event.locals;
		const form = await event.request.formData();
		const itemId = itemIdOf(form);
		const target = `attach-${itemId}`;
		if (!(await listAgenda(circle, meeting.id)).some((item) => item.id === itemId)) notFound();
		const refused = (reason: 'EMPTY' | 'TOO_LARGE' | 'TYPE') =>
			failOn(target, { file: uploadErrorMessage(reason, locale) });
		const file = await readUploadedFile(form);
		if (!file) return refused('EMPTY');
		if ('tooLarge' in file) return refused('TOO_LARGE');
		const created = await createCircleDocument({
			actor,
			circle,
			folderId: null,
			fileName: file.name,
			bytes: file.bytes,
			context: auditContext(event)
		});
		if (!created.ok) {
			if (created.reason === 'FOLDER_NOT_FOUND') notFound();
			return refused(created.reason);
		}
		const result = await attachAgendaDocument({
			actor,
			circle,
			eventId: meeting.id,
			itemId,
			documentId: created.documentId,
			context: auditContext(event)
		});
		if (!result.ok) {
			if (result.reason === 'FORBIDDEN') error(403, 'Forbidden');
			notFound();
		}
		return { target: 'agenda', success: m.circle_meetings_uploaded({ name: created.name }, { locale }) };
	},

	status: changeActionItemStatus
};
