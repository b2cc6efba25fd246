import { fail, type RequestEvent } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { authorize, notFound } from '#lib/server/guard.ts';
import { echoValues, localizeIssues } from '#lib/server/forms.ts';
import { isUuid } from '#lib/server/office/params.ts';
import { eventResource } from '#lib/server/events/scope.ts';
import { findEvent, listAttachments } from '#lib/server/events/queries.ts';
import { updateEvent } from '#lib/server/events/mutations.ts';
import { listQuestionsWithAnswerCounts } from '#lib/server/events/authoring/queries.ts';
import {
	addAttachment,
	addQuestion,
	moveQuestion,
	removeAttachment,
	removeQuestion,
	updateQuestion,
	type EditResult
} from '#lib/server/events/authoring/mutations.ts';
import {
	eventFormOptions,
	eventFormValues,
	formRecord,
	parseEventForm,
	translateKeys
} from '#lib/server/events/authoring/form.ts';
import {
	attachmentIdField,
	moveQuestionFields,
	questionFields,
	questionIdField
} from '#lib/server/events/schemas.ts';
import { eventTitle } from '#lib/events/format.ts';

type Event = RequestEvent<{ id: string }>;

/** The event, found in this network and managed by the actor ('event.manage'), or 404/403. */
async function managedEvent(event: Event) {
	if (!isUuid(event.params.id)) notFound();
	const row = await findEvent(event.locals.network.id, event.params.id);
	if (!row) notFound();
	authorize(event, 'event.manage', eventResource(row));
	return row;
}

const context = (event: Event) => ({
	ipAddress: event.locals.clientAddress,
	userAgent: event.request.headers.get('user-agent')
});

export const load = async (event) => {
	const row = await managedEvent(event);
	const { actor, locale } = event.locals;
	const [options, questions, attachments] = await Promise.all([
		eventFormOptions(actor, locale, row),
		listQuestionsWithAnswerCounts(row.networkId, row.id),
		listAttachments(row.networkId, row.id)
	]);
	const created = Number(event.url.searchParams.get('created'));
	return {
		event: { id: row.id, title: eventTitle(row, locale), status: row.status, seatsTaken: row.seatsTaken },
		options,
		values: eventFormValues(row),
		questions,
		attachments,
		created: Number.isInteger(created) && created > 0 && created <= 52 ? created : 0
	};
};

/** The message for a question or attachment change that could not be made. */
function editFailure(result: Extract<EditResult, { ok: false }>, target: string, locale: 'de' | 'en') {
	if (result.reason === 'NOT_FOUND') notFound();
	const message = {
		NOT_ALLOWED: m.event_authoring_error_not_allowed,
		HAS_ANSWERS: m.event_authoring_question_has_answers,
		TOO_MANY:
			target === 'attachment' ? m.event_authoring_attachment_too_many : m.event_authoring_question_too_many,
		EMPTY: m.event_authoring_attachment_empty,
		TOO_LARGE: m.event_authoring_attachment_too_large,
		UNSUPPORTED: m.event_authoring_attachment_unsupported
	}[result.reason]({}, { locale });
	return fail(result.reason === 'NOT_ALLOWED' ? 403 : 400, { target, errors: { _form: message } });
}

export const actions = {
	save: async (event) => {
		const row = await managedEvent(event);
		const { locals } = event;
		const { locale } = locals;
		const form = await event.request.formData();
		const summary = m.event_authoring_error_form({}, { locale });
		const parsed = parseEventForm(form, locale, false);
		if (!parsed.ok)
			return fail(400, {
				target: 'event',
				errors: { _form: summary, ...parsed.errors },
				values: echoValues(form)
			});
		const result = await updateEvent(locals.actor, row.id, parsed.input, locals.origin, context(event));
		if (!result.ok) {
			if (result.reason === 'NOT_FOUND') notFound();
			const errors =
				result.reason === 'INVALID'
					? { _form: summary, ...translateKeys(result.fieldErrors, locale) }
					: result.reason === 'CANCELLED'
						? { _form: m.event_authoring_error_cancelled({}, { locale }) }
						: { _form: m.event_authoring_error_not_allowed({}, { locale }) };
			return fail(result.reason === 'NOT_ALLOWED' ? 403 : 400, {
				target: 'event',
				errors,
				values: echoValues(form)
			});
		}
		return {
			target: 'event',
			success: result.notified
				? m.event_authoring_saved_notified({ count: result.notified }, { locale })
				: m.event_authoring_saved({}, { locale })
		};
	},

	addQuestion: async (event) => {
		const row = await managedEvent(event);
		const { locals } = event;
		const form = await event.request.formData();
		const parsed = questionFields.safeParse(formRecord(form));
		if (!parsed.success)
			return fail(400, {
				target: 'question:new',
				errors: localizeIssues(parsed.error.issues, locals.locale),
				values: echoValues(form)
			});
		const result = await addQuestion(
			{ actor: locals.actor, eventId: row.id, context: context(event) },
			parsed.data
		);
		if (!result.ok) return editFailure(result, 'question:new', locals.locale);
		return { target: 'questions', success: m.event_authoring_question_saved({}, { locale: locals.locale }) };
	},

	updateQuestion: async (event) => {
		const row = await managedEvent(event);
		const { locals } = event;
		const form = await event.request.formData();
		const raw = formRecord(form);
		const id = questionIdField.safeParse(raw);
		if (!id.success) notFound();
		const target = `question:${id.data.questionId}`;
		const parsed = questionFields.safeParse(raw);
		if (!parsed.success)
			return fail(400, {
				target,
				errors: localizeIssues(parsed.error.issues, locals.locale),
				values: echoValues(form)
			});
		const result = await updateQuestion(
			{ actor: locals.actor, eventId: row.id, context: context(event) },
			id.data.questionId,
			parsed.data
		);
		if (!result.ok) return editFailure(result, target, locals.locale);
		return { target: 'questions', success: m.event_authoring_question_saved({}, { locale: locals.locale }) };
	},

	removeQuestion: async (event) => {
		const row = await managedEvent(event);
		const { locals } = event;
		const id = questionIdField.safeParse(formRecord(await event.request.formData()));
		if (!id.success) notFound();
		const result = await removeQuestion(
			{ actor: locals.actor, eventId: row.id, context: context(event) },
			id.data.questionId
		);
		if (!result.ok) return editFailure(result, 'questions', locals.locale);
		return { target: 'questions', success: m.event_authoring_question_saved({}, { locale: locals.locale }) };
	},

	moveQuestion: async (event) => {
		const row = await managedEvent(event);
		const { locals } = event;
		const parsed = moveQuestionFields.safeParse(formRecord(await event.request.formData()));
		if (!parsed.success) notFound();
		const result = await moveQuestion(
			{ actor: locals.actor, eventId: row.id, context: context(event) },
			parsed.data.questionId,
			parsed.data.direction
		);
		if (!result.ok) return editFailure(result, 'questions', locals.locale);
		return { target: 'questions', success: m.event_authoring_question_saved({}, { locale: locals.locale }) };
	},

	upload: async (event) => {
		const row = await managedEvent(event);
		const { locals } = event;
		const form = await event.request.formData();
		const file = form.get('file');
		const upload =
			file instanceof File && file.size > 0
				? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
				: { name: '', bytes: new Uint8Array() };
		const result = await addAttachment(
			{ actor: locals.actor, eventId: row.id, context: context(event) },
			upload
		);
		if (!result.ok) return editFailure(result, 'attachment', locals.locale);
		return {
			target: 'attachment',
			success: m.event_authoring_attachment_saved({}, { locale: locals.locale })
		};
	},

	removeAttachment: async (event) => {
		const row = await managedEvent(event);
		const { locals } = event;
		const parsed = attachmentIdField.safeParse(formRecord(await event.request.formData()));
		if (!parsed.success) notFound();
		const result = await removeAttachment(
			{ actor: locals.actor, eventId: row.id, context: context(event) },
			parsed.data.attachmentId
		);
		if (!result.ok) return editFailure(result, 'attachment', locals.locale);
		return {
			target: 'attachment',
			success: m.event_authoring_attachment_saved({}, { locale: locals.locale })
		};
	}
};
