import { fail, type RequestEvent } from '@sveltejs/kit';
import { requireCircle } from '#lib/server/circles/guard.ts';
import { circleResource, type CircleRow } from '#lib/server/circles/scope.ts';
import {
	listCircleMembers,
	listPendingAdmissions,
	searchInviteCandidates
} from '#lib/server/circles/membership/queries.ts';
import {
	decideRequest,
	inviteMember,
	removeMember,
	setCircleRole,
	withdrawInvitation,
	type MembershipResult
} from '#lib/server/circles/membership/mutations.ts';
import { membershipRefused } from '#lib/server/circles/membership/outcomes.ts';
import { admissionIdSchema, leadRoleSchema, memberSchema } from '#lib/server/circles/schemas.ts';
import { parseForm } from '#lib/server/forms.ts';
import { auditContext, readText } from '#lib/server/office/params.ts';
import { can } from '#lib/server/policy/policy.ts';
import { m } from '#lib/paraglide/messages.js';

/**
 * The circle's members ('circle.read'). Leads (and the office) also see and decide pending
 * requests, invite and remove; the office makes and unmakes leads.
 */
export const load = async (event) => {
	const circle = await requireCircle(event, 'circle.read');
	const { actor } = event.locals;
	const resource = circleResource(circle);
	const canLead = can(actor, 'circle.lead', resource);
	const members = await listCircleMembers(circle.networkId, circle.id);
	const leadCount = members.filter((member) => member.role === 'lead').length;
	const q = readText(event.url, 'q', 100) ?? '';
	const admissions = canLead ? await listPendingAdmissions(circle.networkId, circle.id) : [];
	return {
		members: members.map((member) => ({
			...member,
			isLastLead: member.role === 'lead' && leadCount <= 1
		})),
		canLead,
		canManage: can(actor, 'circle.manage', resource),
		requests: admissions.filter((admission) => admission.kind === 'request'),
		invitations: admissions.filter((admission) => admission.kind === 'invitation'),
		search: canLead
			? { q, candidates: q ? await searchInviteCandidates(circle.networkId, circle.id, q) : [] }
			: null
	};
};

const change = (event: RequestEvent, circle: CircleRow) => ({
	actor: event.locals.actor,
	circle,
	context: auditContext(event),
	network: { name: event.locals.network.name, origin: event.locals.origin }
});

function answer(result: MembershipResult, formName: string, success: string) {
	if (!result.ok) return membershipRefused(result.reason, formName);
	return { success, formName };
}

const invalid = (failure: { data: unknown }, formName: string) =>
	fail(400, { ...(failure.data as object), formName });

export const actions = {
	approve: async (event) => {
		const circle = await requireCircle(event, 'circle.lead');
		const parsed = await parseForm(event.request, admissionIdSchema, event.locals.locale);
		if (!parsed.ok) return invalid(parsed.failure, 'requests');
		const result = await decideRequest({ ...change(event, circle), ...parsed.data, approve: true });
		return answer(result, 'requests', m.circles_request_approved());
	},
	decline: async (event) => {
		const circle = await requireCircle(event, 'circle.lead');
		const parsed = await parseForm(event.request, admissionIdSchema, event.locals.locale);
		if (!parsed.ok) return invalid(parsed.failure, 'requests');
		const result = await decideRequest({ ...change(event, circle), ...parsed.data, approve: false });
		return answer(result, 'requests', m.circles_request_declined());
	},
	invite: async (event) => {
		const circle = await requireCircle(event, 'circle.lead');
		const parsed = await parseForm(event.request, memberSchema, event.locals.locale);
		if (!parsed.ok) return invalid(parsed.failure, 'invite');
		const result = await inviteMember({ ...change(event, circle), userId: parsed.data.userId });
		return answer(result, 'invite', m.circles_invitation_sent());
	},
	withdrawInvitation: async (event) => {
		const circle = await requireCircle(event, 'circle.lead');
		const parsed = await parseForm(event.request, admissionIdSchema, event.locals.locale);
		if (!parsed.ok) return invalid(parsed.failure, 'invitations');
		const result = await withdrawInvitation({ ...change(event, circle), ...parsed.data });
		return answer(result, 'invitations', m.circles_invitation_withdrawn());
	},
	remove: async (event) => {
		const circle = await requireCircle(event, 'circle.lead');
		const parsed = await parseForm(event.request, memberSchema, event.locals.locale);
		if (!parsed.ok) return invalid(parsed.failure, 'members');
		const result = await removeMember({ ...change(event, circle), userId: parsed.data.userId });
		return answer(result, 'members', m.circles_member_removed());
	},
	setRole: async (event) => {
		const circle = await requireCircle(event, 'circle.manage');
		const parsed = await parseForm(event.request, leadRoleSchema, event.locals.locale);
		if (!parsed.ok) return invalid(parsed.failure, 'members');
		const result = await setCircleRole({ ...change(event, circle), ...parsed.data });
		return answer(result, 'members', m.circles_role_changed());
	}
};
