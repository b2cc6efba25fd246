import type { RequestEvent } from '@sveltejs/kit';
import { authorize, notFound } from '#lib/server/guard.ts';
import { can } from '#lib/server/policy/policy.ts';
import { formFailure, parseForm } from '#lib/server/forms.ts';
import { auditContext, isUuid } from '#lib/server/office/params.ts';
import { listContactSettings } from '#lib/server/profiles/queries.ts';
import { setContactFunction } from '#lib/server/profiles/contacts/mutations.ts';
import { contactFunctionSchema } from '#lib/server/profiles/schemas.ts';
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
	const canEditProfile = can(locals.actor, 'organisation.edit_profile', resourceOf(event));
	const [people, accounts, invitations, contacts] = await Promise.all([
		listOrganisationPeople(networkId, organisation.id),
		listOrganisationAccounts(networkId, organisation.id),
		canInvite
			? listInvitations(networkId, {
					organisationId: organisation.id,
					status: 'pending',
					page: 1,
					pageSize: 50
				})
			: Promise.resolve({ rows: [], total: 0 }),
		canEditProfile ? listContactSettings(networkId, organisation.id) : Promise.resolve([])
	]);
	return {
		organisation: { id: organisation.id, name: organisation.name },
		people,
		accounts: accounts.map(({ personId: _personId, ...account }) => account),
		invitations: invitations.rows.filter((row) => !row.networkRole),
		canInvite,
		canEditProfile,
		/** Contact function and consent per person, for those who edit the profile. */
		contacts
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
	},
	/** The org admin (and the office) sets a colleague's function; consent stays the person's own. */
	setContactFunction: async (event) => {
		authorize(event, 'organisation.edit_profile', resourceOf(event));
		const { locals, params } = event;
		if (!isUuid(params.id)) return formFailure(404, m.office_error_not_found());
		const parsed = await parseForm(event.request, contactFunctionSchema, locals.locale);
		if (!parsed.ok) return parsed.failure;
		const result = await setContactFunction({
			actor: locals.actor,
			networkId: locals.network.id,
			organisationId: params.id,
			personId: parsed.data.personId,
			contactFunction: parsed.data.contactFunction,
			context: auditContext(event)
		});
		if (!result.ok) return formFailure(404, m.office_error_not_found());
		return { success: m.profiles_contact_function_saved({ name: result.name }) };
	}
};
