import { fail, type RequestEvent } from '@sveltejs/kit';
import { m } from '../../paraglide/messages.js';
import { AppError } from '../errors.ts';
import { formFailure, parseForm } from '../forms.ts';
import { createInvitation, resendInvitation, revokeInvitation } from '../invitations/mutations.ts';
import { auditContext } from './params.ts';
import { invitationForm, invitationIdForm } from './schemas.ts';

/**
 * The invitation form actions shared by the office pages and an organisation's team page. The
 * domain functions ask the policy; here their answers become form results.
 */
type InviteOptions = {
	/** Fixed organisation (the organisation and team pages); else taken from the form. */
	organisationId?: string;
	/** Fixed organisation role (the office's "invite an organisation admin" form). */
	role?: 'org_admin' | 'org_member';
	/** Whether the form may offer a network role (office invitations page only). */
	allowNetworkRole?: boolean;
};

export async function inviteAction(event: RequestEvent, options: InviteOptions = {}) {
	const { locals } = event;
	const parsed = await parseForm(event.request, invitationForm, locals.locale);
	if (!parsed.ok) return parsed.failure;
	const data = parsed.data;
	const organisationId = options.organisationId ?? data.organisationId;
	const networkRole = options.allowNetworkRole ? data.networkRole : undefined;
	if (!organisationId && !networkRole) {
		return formFailure(400, m.office_error_invite_target(), parsed.form, {
			organisationId: m.office_error_invite_target()
		});
	}
	try {
		await createInvitation({
			networkId: locals.network.id,
			invitedBy: locals.actor,
			email: data.email,
			name: data.name,
			organisationId: organisationId ?? null,
			organisationRole: organisationId ? (options.role ?? data.role ?? 'org_member') : null,
			networkRole: networkRole ?? null,
			origin: event.locals.origin,
			locale: data.locale,
			context: auditContext(event)
		});
	} catch (error) {
		if (error instanceof AppError && error.code === 'FORBIDDEN') {
			return formFailure(403, m.office_error_forbidden(), parsed.form);
		}
		if (error instanceof AppError && error.code === 'NOT_FOUND') {
			return formFailure(400, m.validation_choice(), parsed.form, { organisationId: m.validation_choice() });
		}
		throw error;
	}
	return { success: m.office_invite_sent({ email: data.email }) };
}

export async function revokeInvitationAction(event: RequestEvent) {
	return manageInvitation(event, 'revoke');
}

export async function resendInvitationAction(event: RequestEvent) {
	return manageInvitation(event, 'resend');
}

async function manageInvitation(event: RequestEvent, what: 'revoke' | 'resend') {
	const { locals } = event;
	const parsed = await parseForm(event.request, invitationIdForm, locals.locale);
	if (!parsed.ok) return parsed.failure;
	const input = {
		actor: locals.actor,
		networkId: locals.network.id,
		invitationId: parsed.data.invitationId,
		context: auditContext(event)
	};
	try {
		const result =
			what === 'revoke'
				? await revokeInvitation(input)
				: await resendInvitation({ ...input, origin: event.locals.origin });
		if (result.ok) {
			return { success: what === 'revoke' ? m.office_invitations_revoked() : m.office_invitations_resent() };
		}
		if (result.reason === 'NOT_FOUND') return formFailure(404, m.office_error_not_found());
		return formFailure(409, m.office_invitations_not_pending());
	} catch (error) {
		if (error instanceof AppError && error.code === 'FORBIDDEN')
			return fail(403, { errors: { _form: m.office_error_forbidden() }, values: {} });
		throw error;
	}
}
