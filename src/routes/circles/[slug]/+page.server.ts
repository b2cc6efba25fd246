import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { requireCircle } from '#lib/server/circles/guard.ts';
import { circleResource, type CircleRow } from '#lib/server/circles/scope.ts';
import {
	circleAttendanceByOrganisation,
	countCircleMembers,
	listCircleLeads,
	listOverdueActionItems,
	listRecentActivity,
	listUpcomingCircleMeetings
} from '#lib/server/circles/queries.ts';
import { findPendingAdmission } from '#lib/server/circles/membership/queries.ts';
import {
	answerInvitation,
	joinCircle,
	leaveCircle,
	requestAdmission,
	withdrawRequest,
	type MembershipResult
} from '#lib/server/circles/membership/mutations.ts';
import { membershipRefused } from '#lib/server/circles/membership/outcomes.ts';
import { admissionRequestSchema } from '#lib/server/circles/schemas.ts';
import { parseForm } from '#lib/server/forms.ts';
import { auditContext } from '#lib/server/office/params.ts';
import { can } from '#lib/server/policy/policy.ts';

/** Notices after a change: the page is reloaded by a redirect, so the actor's memberships are fresh. */
const notices = ['joined', 'requested', 'withdrawn', 'accepted', 'declined', 'left'] as const;
type Notice = (typeof notices)[number];

/**
 * The circle's overview. The frame (purpose, leads, how to join) is for every network member
 * ('circle.view'); members, meetings, activity and action items only with 'circle.read', so a
 * confidential circle shows a non-member nothing of its content.
 */
export const load = async (event) => {
	const circle = await requireCircle(event, 'circle.view');
	const { actor, locale } = event.locals;
	const resource = circleResource(circle);
	const networkId = circle.networkId;
	const leads = (await listCircleLeads(networkId, [circle.id])).get(circle.id) ?? [];
	const ownRole = actor.circles.find((membership) => membership.circleId === circle.id)?.role ?? null;
	const pending =
		actor.userId && !ownRole ? await findPendingAdmission(networkId, circle.id, actor.userId) : null;
	const notice = notices.find((value) => value === event.url.searchParams.get('notice')) ?? null;
	const base = {
		description: locale === 'en' ? circle.descriptionEn || circle.descriptionDe : circle.descriptionDe,
		leads: leads.map(({ name, organisation }) => ({ name, organisation })),
		join: {
			ownRole,
			pending: pending ? { kind: pending.kind, createdAt: pending.createdAt } : null,
			canJoin: can(actor, 'circle.join', resource),
			isLastLead: ownRole === 'lead' && leads.length <= 1
		},
		notice: notice as Notice | null
	};
	if (!can(actor, 'circle.read', resource)) return { ...base, content: null };
	const [memberCount, meetings, activity, overdue] = await Promise.all([
		countCircleMembers(networkId, circle.id),
		listUpcomingCircleMeetings(actor, circle.id),
		listRecentActivity(networkId, circle.id),
		listOverdueActionItems(networkId, circle.id)
	]);
	return {
		...base,
		content: {
			memberCount,
			meetings,
			activity,
			overdue,
			attendance: can(actor, 'circle.attendance', resource)
				? await circleAttendanceByOrganisation(networkId, circle.id)
				: null
		}
	};
};

const change = (event: RequestEvent, circle: CircleRow) => ({
	actor: event.locals.actor,
	circle,
	context: auditContext(event),
	network: { name: event.locals.network.name, origin: event.locals.origin }
});

function answer(result: MembershipResult, circle: CircleRow, formName: string, notice: Notice) {
	if (!result.ok) return membershipRefused(result.reason, formName);
	redirect(303, `/circles/${circle.slug}?notice=${notice}`);
}

export const actions = {
	join: async (event) => {
		const circle = await requireCircle(event, 'circle.join');
		return answer(await joinCircle(change(event, circle)), circle, 'join', 'joined');
	},
	request: async (event) => {
		const circle = await requireCircle(event, 'circle.join');
		const parsed = await parseForm(event.request, admissionRequestSchema, event.locals.locale);
		if (!parsed.ok) return fail(400, { ...(parsed.failure.data as object), formName: 'request' });
		const result = await requestAdmission({ ...change(event, circle), message: parsed.data.message });
		return answer(result, circle, 'request', 'requested');
	},
	withdraw: async (event) => {
		const circle = await requireCircle(event, 'circle.view');
		return answer(await withdrawRequest(change(event, circle)), circle, 'withdraw', 'withdrawn');
	},
	accept: async (event) => {
		const circle = await requireCircle(event, 'circle.view');
		const result = await answerInvitation({ ...change(event, circle), accept: true });
		return answer(result, circle, 'accept', 'accepted');
	},
	decline: async (event) => {
		const circle = await requireCircle(event, 'circle.view');
		const result = await answerInvitation({ ...change(event, circle), accept: false });
		return answer(result, circle, 'decline', 'declined');
	},
	leave: async (event) => {
		const circle = await requireCircle(event, 'circle.view');
		return answer(await leaveCircle(change(event, circle)), circle, 'leave', 'left');
	}
};
