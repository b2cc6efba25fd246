import type { RequestEvent } from '@sveltejs/kit';
import { authorize, notFound } from '#lib/server/guard.ts';
import { can } from '#lib/server/policy/policy.ts';
import { formFailure, parseForm } from '#lib/server/forms.ts';
import { auditContext, isUuid } from '#lib/server/office/params.ts';
import { membershipForm, networkRoleForm, organisationRoleForm } from '#lib/server/office/schemas.ts';
import { findPerson } from '#lib/server/people/queries.ts';
import { grantNetworkRole, revokeNetworkRole } from '#lib/server/people/mutations.ts';
import { changeOrganisationRole, removeFromOrganisation } from '#lib/server/organisations/mutations.ts';
import { m } from '#lib/paraglide/messages.js';
import { networkRoleLabel, organisationRoleLabel } from '#lib/server/office/labels.ts';

export const load = async (event) => {
	authorize(event, 'office.people.read');
	const { params, locals } = event;
	if (!isUuid(params.id)) notFound();
	const found = await findPerson(locals.network.id, params.id);
	if (!found) notFound();
	return {
		...found,
		canManage: can(locals.actor, 'office.roles.manage'),
		canInvite: can(locals.actor, 'office.invitations.manage'),
		isSelf: found.person.userId !== null && found.person.userId === locals.actor.userId
	};
};

type Event = RequestEvent<{ id: string }>;

/** The account behind the person in the URL, within this network; actions need one. */
async function accountOf(event: Event) {
	if (!isUuid(event.params.id)) return null;
	const found = await findPerson(event.locals.network.id, event.params.id);
	return found?.person.userId ?? null;
}

async function changeNetworkRole(event: Event, grant: boolean) {
	authorize(event, 'office.roles.manage');
	const { locals } = event;
	const parsed = await parseForm(event.request, networkRoleForm, locals.locale);
	if (!parsed.ok) return parsed.failure;
	const userId = await accountOf(event);
	if (!userId) return formFailure(404, m.office_error_not_found());
	const change = {
		actor: locals.actor,
		networkId: locals.network.id,
		userId,
		role: parsed.data.role,
		context: auditContext(event)
	};
	const result = grant ? await grantNetworkRole(change) : await revokeNetworkRole(change);
	if (!result.ok) {
		return formFailure(
			result.reason === 'LAST_OFFICE' ? 409 : 404,
			result.reason === 'LAST_OFFICE' ? m.office_error_last_office() : m.office_error_not_found()
		);
	}
	const role = networkRoleLabel(parsed.data.role, locals.locale);
	if (!result.changed) return { success: m.office_person_role_unchanged() };
	return { success: grant ? m.office_person_role_granted({ role }) : m.office_person_role_revoked({ role }) };
}

export const actions = {
	grantRole: (event) => changeNetworkRole(event, true),
	revokeRole: (event) => changeNetworkRole(event, false),
	changeOrgRole: async (event) => {
		authorize(event, 'office.roles.manage');
		const { locals } = event;
		const parsed = await parseForm(event.request, organisationRoleForm, locals.locale);
		if (!parsed.ok) return parsed.failure;
		const userId = await accountOf(event);
		if (!userId || !parsed.data.organisationId) return formFailure(404, m.office_error_not_found());
		const result = await changeOrganisationRole({
			actor: locals.actor,
			networkId: locals.network.id,
			organisationId: parsed.data.organisationId,
			userId,
			role: parsed.data.role,
			context: auditContext(event)
		});
		if (!result.ok) return formFailure(404, m.office_error_not_found());
		return {
			success: result.changed
				? `${m.office_org_role_changed()} (${organisationRoleLabel(parsed.data.role, locals.locale)})`
				: m.office_person_role_unchanged()
		};
	},
	removeFromOrg: async (event) => {
		authorize(event, 'office.roles.manage');
		const { locals } = event;
		const parsed = await parseForm(event.request, membershipForm, locals.locale);
		if (!parsed.ok) return parsed.failure;
		const userId = await accountOf(event);
		if (!userId || !parsed.data.organisationId) return formFailure(404, m.office_error_not_found());
		const result = await removeFromOrganisation({
			actor: locals.actor,
			networkId: locals.network.id,
			organisationId: parsed.data.organisationId,
			userId,
			context: auditContext(event)
		});
		if (!result.ok) return formFailure(404, m.office_error_not_found());
		return { success: m.office_org_member_removed() };
	}
};
