import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { notFound } from '#lib/server/guard.ts';
import { auditContext } from '#lib/server/office/params.ts';
import { listTaxonomy } from '#lib/server/taxonomy/queries.ts';
import { requireProfile } from '#lib/server/cooperation/guard.ts';
import { isExpired } from '#lib/server/cooperation/scope.ts';
import { changeProfileStatus, saveCooperationProfile } from '#lib/server/cooperation/authoring/mutations.ts';
import {
	addProfileAttachment,
	deleteProfileAttachment
} from '#lib/server/cooperation/authoring/attachments/mutations.ts';
import {
	listProfileAttachments,
	listProfileCompetenceIds
} from '#lib/server/cooperation/authoring/queries.ts';
import { parseProfileForm, postedValues, profileFormValues } from '#lib/server/cooperation/authoring/form.ts';
import { attachmentIdField, intentField } from '#lib/server/cooperation/authoring/schemas.ts';
import { profileDateRange } from '#lib/server/cooperation/authoring/dates.ts';
import { attachmentFailureMessage, staleMessage } from '#lib/server/cooperation/authoring/messages.ts';
import {
	availableTransitions,
	editableStatuses,
	type Transition
} from '#lib/components/cooperation/authoring/transitions.ts';
import { MAX_ATTACHMENT_BYTES } from '#lib/cooperation/vocabulary.ts';
import { formatByteSize } from '#lib/server/circles/documents/present.ts';

type Event = RequestEvent<{ id: string }>;

/**
 * The owner's page of a profile: its text while it is a draft (or sent back by the office), its
 * attachments, and the status changes. The detail page's owner buttons post here too; every
 * action asks 'cooperation.profile.edit' (owner organisation's admins, the office) itself.
 */
const editable = (event: Event) => requireProfile(event, 'cooperation.profile.edit');

const network = (event: Event) => ({ name: event.locals.network.name, origin: event.locals.origin });

export const load = async (event) => {
	const { profile } = await editable(event);
	const [competenceIds, attachments, taxonomy] = await Promise.all([
		listProfileCompetenceIds(profile.networkId, profile.id),
		listProfileAttachments(profile.networkId, profile.id),
		listTaxonomy(profile.networkId)
	]);
	const done = event.url.searchParams.get('done');
	return {
		profile: {
			id: profile.id,
			title: profile.title,
			status: profile.status,
			expired: isExpired(profile),
			expiresAt: profile.expiresAt,
			reviewNote: profile.reviewNote
		},
		editable: editableStatuses.includes(profile.status),
		transitions: availableTransitions(profile.status),
		values: profileFormValues(profile, competenceIds),
		taxonomy,
		// Sizes in the reader's language ("2,4 MB"), computed here so page and hydration agree.
		attachments: attachments.map((attachment) => ({
			...attachment,
			size: formatByteSize(attachment.byteSize, event.locals.locale)
		})),
		maxAttachmentSize: formatByteSize(MAX_ATTACHMENT_BYTES, event.locals.locale),
		dateRange: profileDateRange(),
		done
	};
};

/** A status change; after it the page the button was on (the detail page, unless `from=edit`). */
function transition(name: Transition) {
	return async (event: Event) => {
		const { profile } = await editable(event);
		const { locals } = event;
		const form = await event.request.formData();
		const result = await changeProfileStatus({
			actor: locals.actor,
			profile,
			transition: name,
			network: network(event),
			context: auditContext(event)
		});
		if (!result.ok)
			return fail(409, { target: 'status', errors: { _form: staleMessage(result.status, locals.locale) } });
		const back =
			form.get('from') === 'edit' ? `/cooperation/${profile.id}/edit` : `/cooperation/${profile.id}`;
		redirect(303, `${back}?done=${name}`);
	};
}

export const actions = {
	save: async (event) => {
		const { profile } = await editable(event);
		const { locals } = event;
		const { locale } = locals;
		const form = await event.request.formData();
		const values = postedValues(form);
		const summary = m.cooperation_authoring_error_form({}, { locale });
		const parsed = parseProfileForm(form, locale);
		if (!parsed.ok)
			return fail(400, { target: 'profile', errors: { _form: summary, ...parsed.errors }, values });
		const { intent } = intentField.parse({ intent: form.get('intent') });
		const result = await saveCooperationProfile({
			actor: locals.actor,
			profile,
			input: parsed.input,
			submit: intent === 'submit',
			updatedAt: typeof values.updatedAt === 'string' ? values.updatedAt : null,
			network: network(event),
			context: auditContext(event)
		});
		if (!result.ok) {
			if (result.reason === 'COMPETENCIES')
				return fail(400, {
					target: 'profile',
					errors: {
						_form: summary,
						competencies: m.cooperation_authoring_error_competencies({}, { locale })
					},
					values
				});
			// The input stays; without the old version it may replace the other one when saved again.
			const { updatedAt: _stale, ...kept } = values;
			return fail(409, {
				target: 'profile',
				errors: { _form: staleMessage(result.status, locale, true) },
				values: kept
			});
		}
		if (intent === 'submit') redirect(303, `/cooperation/${profile.id}?done=submit`);
		return { target: 'profile', success: m.cooperation_authoring_saved({}, { locale }) };
	},

	submit: transition('submit'),
	reopen: transition('reopen'),
	withdraw: transition('withdraw'),
	renew: transition('renew'),

	upload: async (event) => {
		const { profile } = await editable(event);
		const { locals } = event;
		const form = await event.request.formData();
		const file = form.get('file');
		// The declared size is checked before the bytes are read.
		if (file instanceof File && file.size > MAX_ATTACHMENT_BYTES)
			return fail(400, {
				target: 'attachments',
				errors: { file: attachmentFailureMessage('TOO_LARGE', locals.locale) }
			});
		const upload =
			file instanceof File && file.size > 0
				? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
				: { name: '', bytes: new Uint8Array() };
		const result = await addProfileAttachment({
			actor: locals.actor,
			profile,
			fileName: upload.name,
			bytes: upload.bytes,
			context: auditContext(event)
		});
		if (!result.ok)
			return fail(result.reason === 'NOT_EDITABLE' ? 409 : 400, {
				target: 'attachments',
				errors: { file: attachmentFailureMessage(result.reason, locals.locale) }
			});
		return {
			target: 'attachments',
			success: m.cooperation_authoring_attachment_saved({ name: result.name }, { locale: locals.locale })
		};
	},

	deleteAttachment: async (event) => {
		const { profile } = await editable(event);
		const { locals } = event;
		const parsed = attachmentIdField.safeParse({
			attachmentId: (await event.request.formData()).get('attachmentId')
		});
		if (!parsed.success) notFound();
		const result = await deleteProfileAttachment({
			actor: locals.actor,
			profile,
			attachmentId: parsed.data.attachmentId,
			context: auditContext(event)
		});
		if (!result.ok) {
			if (result.reason === 'NOT_FOUND') notFound();
			return fail(409, {
				target: 'attachments',
				errors: { _form: attachmentFailureMessage(result.reason, locals.locale) }
			});
		}
		return {
			target: 'attachments',
			success: m.cooperation_authoring_attachment_deleted({}, { locale: locals.locale })
		};
	}
};
