import { m } from '../../paraglide/messages.js';
import type { DatabaseOrTransaction } from '../db/index.ts';
import { queueMail } from '../mail/queue.ts';
import type { NetworkRole, OrganisationRole } from '../db/schema/roles.ts';
import { networkRoleLabel, organisationRoleLabel } from '../office/labels.ts';

export type InvitationMail = {
	networkId: string;
	networkName: string;
	to: string;
	name: string;
	inviterName: string | null;
	organisationName: string | null;
	organisationRole: OrganisationRole | null;
	networkRole: NetworkRole | null;
	link: string;
	locale: 'de' | 'en';
};

/** The invitation mail in the invitee's language, naming network, organisation and who invited. */
export async function queueInvitationMail(mail: InvitationMail, tx?: DatabaseOrTransaction) {
	const { locale } = mail;
	const network = mail.networkName;
	const inviter = mail.inviterName ?? m.office_mail_invitation_inviter_office({ network }, { locale });
	const name = mail.name || mail.to;
	const lines: string[] = [m.office_mail_invitation_greeting({ name }, { locale }), ''];
	if (mail.organisationName) {
		lines.push(
			m.office_mail_invitation_body_organisation(
				{
					inviter,
					network,
					organisation: mail.organisationName,
					role: organisationRoleLabel(mail.organisationRole ?? 'org_member', locale)
				},
				{ locale }
			)
		);
	}
	if (mail.networkRole) {
		lines.push(
			m.office_mail_invitation_body_network(
				{ inviter, network, role: networkRoleLabel(mail.networkRole, locale) },
				{ locale }
			)
		);
	}
	lines.push('', m.office_mail_invitation_action({}, { locale }), '', mail.link, '');
	lines.push(m.office_mail_invitation_expiry({}, { locale }), '');
	lines.push(m.mail_signature({ network }, { locale }), '');
	return queueMail(
		{
			networkId: mail.networkId,
			to: mail.to,
			kind: 'invitation',
			subject: m.office_mail_invitation_subject({ network }, { locale }),
			text: lines.join('\n')
		},
		tx
	);
}
