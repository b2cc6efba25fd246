import type { RequestEvent } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { notFound } from '#lib/server/guard.ts';
import { formFailure, parseForm } from '#lib/server/forms.ts';
import { forForm } from '#lib/server/auth/http.ts';
import { auditContext, readChoice, readText } from '#lib/server/office/params.ts';
import { registrationStatuses } from '#lib/events/vocabulary.ts';
import { eventFor } from '#lib/server/events/organiser/access.ts';
import {
	attendeeCounts,
	findRegistrationOfEvent,
	isNetworkPerson,
	listAttendees,
	listEventMessages,
	questionsOf,
	searchMembersToAdd
} from '#lib/server/events/organiser/queries.ts';
import {
	markAttendance,
	messageAttendees,
	setRegistrationClosed
} from '#lib/server/events/organiser/mutations.ts';
import {
	addGuestForm,
	addMemberForm,
	attendanceForm,
	cancelEventForm,
	messageForm,
	registrationForm
} from '#lib/server/events/organiser/schemas.ts';
import { isCheckInOpen, hasStarted } from '#lib/server/events/check-in/window.ts';
import {
	addAttendeeAsOrganiser,
	cancelEventAsOrganiser,
	removeAttendee
} from '#lib/server/events/organiser/collaborators.ts';
import { registrationStatusLabel } from '#lib/components/events/organiser/labels.ts';
import { summariseFeedback } from '#lib/server/events/follow-up/feedback.ts';

type Event = RequestEvent<{ id: string }>;

export const load = async (event) => {
	const row = await eventFor(event, 'event.manage');
	const { locals, url } = event;
	const networkId = locals.network.id;
	const filter = {
		status: readChoice(url, 'status', registrationStatuses),
		q: readText(url, 'q', 100)
	};
	const memberQuery = readText(url, 'member', 100);
	const [counts, attendees, questions, messages, candidates, feedback] = await Promise.all([
		attendeeCounts(networkId, row),
		listAttendees(networkId, row.id, filter),
		questionsOf(networkId, row.id),
		listEventMessages(networkId, row.id),
		memberQuery ? searchMembersToAdd(networkId, memberQuery) : Promise.resolve(null),
		summariseFeedback(networkId, row.id)
	]);
	return {
		event: row,
		counts,
		attendees,
		questions: questions.map(({ id, kind, labelDe, labelEn }) => ({ id, kind, labelDe, labelEn })),
		messages,
		filter,
		memberQuery: memberQuery ?? '',
		candidates,
		feedback,
		canMarkAttended: isCheckInOpen(row),
		canMarkNoShow: row.status !== 'cancelled' && hasStarted(row),
		exportQuery: new URLSearchParams(
			Object.entries(filter).filter((entry): entry is [string, string] => !!entry[1])
		).toString()
	};
};

/** The posted registration must belong to this event; anything else is 404, like a foreign URL. */
async function registrationOf(event: Event, eventId: string, registrationId: string) {
	const found = await findRegistrationOfEvent(event.locals.network.id, eventId, registrationId);
	if (!found) notFound();
	return found;
}

const attendanceFailures = {
	NOT_FOUND: [404, m.event_organiser_registration_not_found],
	WRONG_STATUS: [409, m.event_organiser_wrong_status],
	NOT_YET: [409, m.event_organiser_not_yet],
	EVENT_CANCELLED: [409, m.event_organiser_event_is_cancelled]
} as const;

const addFailures = {
	ALREADY_REGISTERED: [409, m.event_organiser_add_already],
	NOT_OPEN: [409, m.event_organiser_add_not_open],
	NOT_ALLOWED: [403, m.event_organiser_add_not_allowed],
	INVALID_ANSWERS: [400, m.event_organiser_add_invalid]
} as const;

const addedMessages = {
	registered: m.event_organiser_added_registered,
	waitlisted: m.event_organiser_added_waitlisted,
	pending: m.event_organiser_added_pending
} as const;

export const actions = {
	remove: async (event) => {
		const row = await eventFor(event, 'event.manage');
		const parsed = await parseForm(event.request, registrationForm, event.locals.locale);
		if (!parsed.ok) notFound();
		const registration = await registrationOf(event, row.id, parsed.data.registrationId);
		const result = await removeAttendee({
			actor: event.locals.actor,
			networkId: event.locals.network.id,
			event: row,
			registrationId: registration.id,
			origin: event.locals.origin
		});
		if (!result.ok) return formFailure(409, m.event_organiser_wrong_status());
		return { success: m.event_organiser_removed({ name: registration.name }) };
	},

	attendance: async (event) => {
		const row = await eventFor(event, 'event.manage');
		const parsed = await parseForm(event.request, attendanceForm, event.locals.locale);
		if (!parsed.ok) return parsed.failure;
		const registration = await registrationOf(event, row.id, parsed.data.registrationId);
		const result = await markAttendance({
			actor: event.locals.actor,
			networkId: event.locals.network.id,
			event: row,
			registrationId: registration.id,
			mark: parsed.data.mark,
			context: auditContext(event)
		});
		if (!result.ok) {
			const [status, message] = attendanceFailures[result.reason];
			return formFailure(status, message());
		}
		return {
			success: m.event_organiser_marked({
				name: registration.name,
				status: registrationStatusLabel(result.status)
			})
		};
	},

	close: async (event) => setClosed(event, true),
	reopen: async (event) => setClosed(event, false),

	addMember: async (event) => {
		const row = await eventFor(event, 'event.manage');
		const { locals } = event;
		const parsed = await parseForm(event.request, addMemberForm, locals.locale);
		if (!parsed.ok) return forForm('addMember', parsed.failure);
		if (!(await isNetworkPerson(locals.network.id, parsed.data.userId)))
			return forForm('addMember', formFailure(404, m.event_organiser_unknown_member()));
		const result = await addAttendeeAsOrganiser({
			actor: locals.actor,
			event: row,
			person: { userId: parsed.data.userId },
			origin: locals.origin,
			context: auditContext(event)
		});
		if (!result.ok) {
			const [status, message] = addFailures[result.reason];
			return forForm('addMember', formFailure(status, message()));
		}
		return { form: 'addMember', success: addedMessages[result.status]() };
	},

	addGuest: async (event) => {
		const row = await eventFor(event, 'event.manage');
		const { locals } = event;
		const parsed = await parseForm(event.request, addGuestForm, locals.locale);
		if (!parsed.ok) return forForm('addGuest', parsed.failure);
		const result = await addAttendeeAsOrganiser({
			actor: locals.actor,
			event: row,
			person: parsed.data,
			origin: locals.origin,
			context: auditContext(event)
		});
		if (!result.ok) {
			const [status, message] = addFailures[result.reason];
			return forForm('addGuest', formFailure(status, message(), parsed.form));
		}
		return { form: 'addGuest', success: addedMessages[result.status]() };
	},

	message: async (event) => {
		const row = await eventFor(event, 'event.manage');
		const { locals } = event;
		const parsed = await parseForm(event.request, messageForm, locals.locale);
		if (!parsed.ok) return forForm('message', parsed.failure);
		const result = await messageAttendees({
			actor: locals.actor,
			networkId: locals.network.id,
			network: { id: locals.network.id, name: locals.network.name },
			event: row,
			...parsed.data,
			origin: locals.origin,
			context: auditContext(event)
		});
		if (!result.ok)
			return forForm('message', formFailure(409, m.event_organiser_message_no_recipients(), parsed.form));
		return { form: 'message', success: m.event_organiser_message_sent({ count: result.recipients }) };
	},

	cancel: async (event) => {
		const row = await eventFor(event, 'event.manage');
		const { locals } = event;
		const parsed = await parseForm(event.request, cancelEventForm, locals.locale);
		if (!parsed.ok) return forForm('cancel', parsed.failure);
		if (row.status === 'cancelled')
			return forForm('cancel', formFailure(409, m.event_organiser_event_is_cancelled()));
		const result = await cancelEventAsOrganiser({
			actor: locals.actor,
			event: row,
			reason: parsed.data.reason,
			origin: locals.origin,
			context: auditContext(event)
		});
		if (!result.ok) return forForm('cancel', formFailure(409, m.event_organiser_cancel_failed()));
		return { form: 'cancel', success: m.event_organiser_cancelled_done() };
	}
};

async function setClosed(event: Event, closed: boolean) {
	const row = await eventFor(event, 'event.manage');
	await setRegistrationClosed({
		actor: event.locals.actor,
		networkId: event.locals.network.id,
		eventId: row.id,
		closed,
		context: auditContext(event)
	});
	return {
		success: closed
			? m.event_organiser_registration_closed_done()
			: m.event_organiser_registration_reopened_done()
	};
}
