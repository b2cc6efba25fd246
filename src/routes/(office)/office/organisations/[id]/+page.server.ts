import type { RequestEvent } from '@sveltejs/kit';
import { authorize, notFound } from '#lib/server/guard.ts';
import { can } from '#lib/server/policy/policy.ts';
import { formFailure, parseForm } from '#lib/server/forms.ts';
import { auditContext, isUuid } from '#lib/server/office/params.ts';
import { membershipForm, organisationRoleForm } from '#lib/server/office/schemas.ts';
import {
	findOrganisation,
	listOrganisationAccounts,
	listOrganisationPeople
} from '#lib/server/organisations/queries.ts';
import { changeOrganisationRole, removeFromOrganisation } from '#lib/server/organisations/mutations.ts';
import { listInvitations } from '#lib/server/invitations/queries.ts';
import {
	inviteAction,
	resendInvitationAction,
	revokeInvitationAction
} from '#lib/server/office/invitation-actions.ts';
import { m } from '#lib/paraglide/messages.js';

export const load = async (event) => {
	authorize(event, 'office.organisations.read');
	const { params, locals } = event;
	if (!isUuid(params.id)) notFound();
	const networkId = locals.network.id;
	const organisation = await findOrganisation(networkId, params.id);
	if (!organisation) notFound();
	const [people, accounts, invitations] = await Promise.all([
		listOrganisationPeople(networkId, organisation.id),
		listOrganisationAccounts(networkId, organisation.id),
		listInvitations(networkId, { organisationId: organisation.id, page: 1, pageSize: 50 })
	]);
	return {
		organisation,
		people,
		accounts,
		invitations: invitations.rows,
		canManage: can(locals.actor, 'office.roles.manage'),
		canInvite: can(locals.actor, 'office.invitations.manage')
	};
};

type Event = RequestEvent<{ id: string }>;

/** The organisation in the URL, within this network; actions refuse anything else. */
async function organisationOf(event: Event) {
	if (!isUuid(event.params.id)) return null;
	return findOrganisation(event.locals.network.id, event.params.id);
}

export const actions = {
	changeRole: async (event) => {
		authorize(event, 'office.roles.manage');
		const { locals } = event;
		const parsed = await parseForm(event.request, organisationRoleForm, locals.locale);
		if (!parsed.ok) return parsed.failure;
		const organisation = await organisationOf(event);
		if (!organisation || !parsed.data.userId) return formFailure(404, m.office_error_not_found());
		const result = await changeOrganisationRole({
			actor: locals.actor,
			networkId: locals.network.id,
			organisationId: organisation.id,
			userId: parsed.data.userId,
			role: parsed.data.role,
			context: auditContext(event)
		});
		if (!result.ok) return formFailure(404, m.office_error_not_found());
		return { success: result.changed ? m.office_org_role_changed() : m.office_person_role_unchanged() };
	},
	remove: async (event) => {
		authorize(event, 'office.roles.manage');
		const { locals } = event;
		const parsed = await parseForm(event.request, membershipForm, locals.locale);
		if (!parsed.ok) return parsed.failure;
		const organisation = await organisationOf(event);
		if (!organisation || !parsed.data.userId) return formFailure(404, m.office_error_not_found());
		const result = await removeFromOrganisation({
			actor: locals.actor,
			networkId: locals.network.id,
			organisationId: organisation.id,
			userId: parsed.data.userId,
			context: auditContext(event)
		});
		if (!result.ok) return formFailure(404, m.office_error_not_found());
		return { success: m.office_org_member_removed() };
	},
	invite: async (event) => {
		authorize(event, 'office.invitations.manage');
		const organisation = await organisationOf(event);
		if (!organisation) return formFailure(404, m.office_error_not_found());
		return inviteAction(event, { organisationId: organisation.id, role: 'org_admin' });
	},
	revokeInvitation: async (event) => {
		authorize(event, 'office.invitations.manage');
		return revokeInvitationAction(event);
	},
	resendInvitation: async (event) => {
		authorize(event, 'office.invitations.manage');
		return resendInvitationAction(event);
	}
};
