import type { RequestEvent } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { authorize, notFound } from '#lib/server/guard.ts';
import { can } from '#lib/server/policy/policy.ts';
import { formFailure, parseForm } from '#lib/server/forms.ts';
import { forForm } from '#lib/server/auth/http.ts';
import { auditContext } from '#lib/server/office/params.ts';
import { findProfile } from '#lib/server/cooperation/queries.ts';
import { isExpired } from '#lib/server/cooperation/scope.ts';
import { findOfficeProfile, listTimeline } from '#lib/server/cooperation/review/queries.ts';
import { approvalExpiry } from '#lib/server/cooperation/review/expiry.ts';
import {
	approveProfile,
	rejectProfile,
	requestProfileChanges,
	type ReviewResult
} from '#lib/server/cooperation/review/mutations.ts';
import { reviewReasonForm } from '#lib/server/cooperation/review/schemas.ts';
import { listProposableEvents } from '#lib/server/cooperation/brokering/queries.ts';
import {
	addOfficeNote,
	proposeEventSlot,
	suggestMeeting,
	type BrokerResult
} from '#lib/server/cooperation/brokering/mutations.ts';
import { eventSlotForm, meetingForm, officeNoteForm } from '#lib/server/cooperation/brokering/schemas.ts';
import { statusLabels } from '#lib/components/cooperation/labels.ts';

/**
 * One profile for the office ('office.cooperation.read': office and board): the whole profile
 * with its owner, its complete timeline (the office's notes included), the interests with both
 * parties; the review ('cooperation.review') and brokering ('cooperation.broker') forms.
 */
export const load = async (event) => {
	authorize(event, 'office.cooperation.read');
	const { locals, params } = event;
	const networkId = locals.network.id;
	const found = await findOfficeProfile(networkId, params.id);
	if (!found) notFound();
	const canReview = can(locals.actor, 'cooperation.review', { networkId });
	const canBroker = can(locals.actor, 'cooperation.broker', { networkId });
	const [timeline, events] = await Promise.all([
		listTimeline(networkId, found.profile.id, { includeOfficeNotes: true }),
		canBroker ? listProposableEvents(networkId) : Promise.resolve([])
	]);
	const { profile } = found;
	return {
		profile: {
			id: profile.id,
			title: profile.title,
			type: profile.type,
			visibility: profile.visibility,
			status: isExpired(profile) ? ('expired' as const) : profile.status,
			summary: profile.summary,
			descriptionDe: profile.descriptionDe,
			descriptionEn: profile.descriptionEn,
			keywords: profile.keywords,
			drivetrains: profile.drivetrains,
			trl: profile.trl,
			partnershipKinds: profile.partnershipKinds,
			expiresAt: profile.expiresAt,
			submittedAt: profile.submittedAt,
			publishedAt: profile.publishedAt,
			reviewedAt: profile.reviewedAt,
			reviewNote: profile.reviewNote
		},
		owner: found.owner,
		reviewerName: found.reviewerName,
		competencies: found.competencies,
		attachments: found.attachments,
		interests: found.interests,
		timeline,
		events,
		approvalExpiresAt: profile.status === 'in_review' ? approvalExpiry(profile.expiresAt) : null,
		canReview,
		canBroker
	};
};

type Event = RequestEvent<{ id: string }>;

/** Actions look the profile up first: an unknown, malformed or other network's id is 404. */
async function requireOfficeProfile(event: Event) {
	const loaded = await findProfile(event.locals.network.id, event.params.id);
	if (!loaded) notFound();
	return loaded.profile;
}

function reviewOutcome(name: string, result: ReviewResult, success: () => string) {
	if (result.ok) return { form: name, success: success() };
	if (result.reason === 'NOT_FOUND') notFound();
	return forForm(
		name,
		formFailure(409, m.cooperation_office_stale({ status: statusLabels[result.status]() }))
	);
}

function brokerOutcome(name: string, result: BrokerResult, success: string, form: FormData) {
	if (result.ok) return { form: name, success };
	switch (result.reason) {
		case 'NOT_FOUND':
			return notFound();
		case 'INTEREST_NOT_FOUND':
			return forForm(name, formFailure(404, m.cooperation_office_interest_not_found(), form));
		case 'INTEREST_NOT_ACCEPTED':
			return forForm(name, formFailure(409, m.cooperation_office_interest_not_accepted(), form));
		case 'EVENT_NOT_FOUND':
			return forForm(
				name,
				formFailure(400, m.cooperation_office_validation_event(), form, {
					eventId: m.cooperation_office_validation_event()
				})
			);
	}
}

async function sendBack(event: Event, decision: 'requestChanges' | 'reject') {
	authorize(event, 'cooperation.review');
	const profile = await requireOfficeProfile(event);
	const parsed = await parseForm(event.request, reviewReasonForm, event.locals.locale);
	if (!parsed.ok) return forForm('review', parsed.failure);
	const input = {
		actor: event.locals.actor,
		networkId: event.locals.network.id,
		profileId: profile.id,
		origin: event.locals.origin,
		context: auditContext(event),
		reason: parsed.data.reason
	};
	if (decision === 'reject')
		return reviewOutcome('review', await rejectProfile(input), () => m.cooperation_office_rejected());
	return reviewOutcome('review', await requestProfileChanges(input), () =>
		m.cooperation_office_changes_requested()
	);
}

const dateFormat = (locale: 'de' | 'en') =>
	new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'de-DE', {
		dateStyle: 'long',
		timeZone: 'Europe/Berlin'
	});

export const actions = {
	approve: async (event) => {
		authorize(event, 'cooperation.review');
		const profile = await requireOfficeProfile(event);
		const result = await approveProfile({
			actor: event.locals.actor,
			networkId: event.locals.network.id,
			profileId: profile.id,
			origin: event.locals.origin,
			context: auditContext(event)
		});
		return reviewOutcome('review', result, () =>
			m.cooperation_office_approved({
				date: result.ok && result.expiresAt ? dateFormat(event.locals.locale).format(result.expiresAt) : '–'
			})
		);
	},
	requestChanges: (event) => sendBack(event, 'requestChanges'),
	reject: (event) => sendBack(event, 'reject'),
	note: async (event) => {
		authorize(event, 'cooperation.broker');
		const profile = await requireOfficeProfile(event);
		const parsed = await parseForm(event.request, officeNoteForm, event.locals.locale);
		if (!parsed.ok) return forForm('note', parsed.failure);
		const result = await addOfficeNote({
			actor: event.locals.actor,
			networkId: event.locals.network.id,
			profileId: profile.id,
			origin: event.locals.origin,
			context: auditContext(event),
			note: parsed.data.note
		});
		return brokerOutcome('note', result, m.cooperation_office_note_saved(), parsed.form);
	},
	suggestMeeting: async (event) => {
		authorize(event, 'cooperation.broker');
		const profile = await requireOfficeProfile(event);
		const parsed = await parseForm(event.request, meetingForm, event.locals.locale);
		if (!parsed.ok) return forForm('meeting', parsed.failure);
		const result = await suggestMeeting({
			actor: event.locals.actor,
			networkId: event.locals.network.id,
			profileId: profile.id,
			origin: event.locals.origin,
			context: auditContext(event),
			...parsed.data
		});
		return brokerOutcome('meeting', result, m.cooperation_office_meeting_sent(), parsed.form);
	},
	proposeEventSlot: async (event) => {
		authorize(event, 'cooperation.broker');
		const profile = await requireOfficeProfile(event);
		const parsed = await parseForm(event.request, eventSlotForm, event.locals.locale);
		if (!parsed.ok) return forForm('event', parsed.failure);
		const result = await proposeEventSlot({
			actor: event.locals.actor,
			networkId: event.locals.network.id,
			profileId: profile.id,
			origin: event.locals.origin,
			context: auditContext(event),
			...parsed.data
		});
		return brokerOutcome('event', result, m.cooperation_office_event_sent(), parsed.form);
	}
};
