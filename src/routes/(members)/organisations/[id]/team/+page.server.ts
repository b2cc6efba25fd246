import type { RequestEvent } from '@sveltejs/kit';
import { authorize, notFound } from '#lib/server/guard.ts';
import { can } from '#lib/server/policy/policy.ts';
import { formFailure } from '#lib/server/forms.ts';
import { isUuid } from '#lib/server/office/params.ts';
import {
	findOrganisation,
	listOrganisationAccounts,
	listOrganisationPeople
} from '#lib/server/organisations/queries.ts';
import { listInvitations } from '#lib/server/invitations/queries.ts';
import {
	inviteAction,
	resendInvitationAction,
	revokeInvitationAction
} from '#lib/server/office/invitation-actions.ts';
import { m } from '#lib/paraglide/messages.js';

/** The resource of this page: one organisation of the current network. */
const resourceOf = (event: RequestEvent<{ id: string }>) => ({
	networkId: event.locals.network.id,
	organisationId: event.params.id
});

/** Its people and accounts, for its own members and admins and for office and board. */
export const load = async (event) => {
	authorize(event, 'organisation.view_people', resourceOf(event));
	const { params, locals } = event;
	if (!isUuid(params.id)) notFound();
	const networkId = locals.network.id;
	const organisation = await findOrganisation(networkId, params.id);
	if (!organisation) notFound();
	const canInvite = can(locals.actor, 'organisation.invite', resourceOf(event));
	const [people, accounts, invitations] = await Promise.all([
		listOrganisationPeople(networkId, organisation.id),
		listOrganisationAccounts(networkId, organisation.id),
		canInvite
			? listInvitations(networkId, {
					organisationId: organisation.id,
					status: 'pending',
					page: 1,
					pageSize: 50
				})
			: Promise.resolve({ rows: [], total: 0 })
	]);
	return {
		organisation: { id: organisation.id, name: organisation.name },
		people,
		accounts: accounts.map(({ personId: _personId, ...account }) => account),
		invitations: invitations.rows.filter((row) => !row.networkRole),
		canInvite
	};
};

/** Org admins (and the office) invite colleagues into this organisation only. */
async function guardInvite(event: RequestEvent<{ id: string }>) {
	authorize(event, 'organisation.invite', resourceOf(event));
	if (!isUuid(event.params.id)) return null;
	return findOrganisation(event.locals.network.id, event.params.id);
}

export const actions = {
	invite: async (event) => {
		const organisation = await guardInvite(event);
		if (!organisation) return formFailure(404, m.office_error_not_found());
		return inviteAction(event, { organisationId: organisation.id });
	},
	revokeInvitation: async (event) => {
		if (!(await guardInvite(event))) return formFailure(404, m.office_error_not_found());
		return revokeInvitationAction(event);
	},
	resendInvitation: async (event) => {
		if (!(await guardInvite(event))) return formFailure(404, m.office_error_not_found());
		return resendInvitationAction(event);
	}
};
