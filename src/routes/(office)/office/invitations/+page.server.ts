import { authorize } from '#lib/server/guard.ts';
import { invitationStatuses, listInvitations } from '#lib/server/invitations/queries.ts';
import { listOrganisationOptions } from '#lib/server/organisations/queries.ts';
import { isUuid, PAGE_SIZE, readChoice, readPage, readText } from '#lib/server/office/params.ts';
import {
	inviteAction,
	resendInvitationAction,
	revokeInvitationAction
} from '#lib/server/office/invitation-actions.ts';

export const load = async (event) => {
	authorize(event, 'office.invitations.manage');
	const { url, locals } = event;
	const filter = { status: readChoice(url, 'status', invitationStatuses), page: readPage(url) };
	const [invitations, organisations] = await Promise.all([
		listInvitations(locals.network.id, { ...filter, pageSize: PAGE_SIZE }),
		listOrganisationOptions(locals.network.id)
	]);
	const organisationId = readText(url, 'organisationId');
	// A person page links here with the invitee filled in.
	const prefill = {
		email: readText(url, 'email', 254) ?? '',
		name: readText(url, 'name') ?? '',
		organisationId: isUuid(organisationId) ? organisationId : '',
		role: organisationId ? 'org_admin' : 'org_member'
	};
	return {
		filter,
		invitations: invitations.rows,
		total: invitations.total,
		pageSize: PAGE_SIZE,
		organisations,
		prefill
	};
};

export const actions = {
	invite: async (event) => {
		authorize(event, 'office.invitations.manage');
		return inviteAction(event, { allowNetworkRole: true });
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
