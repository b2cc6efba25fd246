import { m } from '../../paraglide/messages.js';
import type { DatabaseOrTransaction } from '../db/index.ts';
import { queueMail } from '../mail/queue.ts';
import { composeText, mailLocale, type MailLocale } from '../mail/compose.ts';

/**
 * The mails around a membership application, each in its reader's language. They are queued in
 * the caller's transaction, so a mail exists only when the change it reports was committed.
 */

export type ApplicantFacts = {
	networkId: string;
	networkName: string;
	to: string;
	name: string;
	organisation: string;
	locale: MailLocale;
};

export async function queueApplicationReceivedMail(facts: ApplicantFacts, tx: DatabaseOrTransaction) {
	const { locale, networkName: network, organisation, name } = facts;
	return queueMail(
		{
			networkId: facts.networkId,
			to: facts.to,
			kind: 'application-received',
			subject: m.applications_mail_received_subject({ network }, { locale }),
			text: composeText(
				[
					m.applications_mail_greeting({ name }, { locale }),
					m.applications_mail_received_body({ network, organisation }, { locale })
				],
				network,
				locale
			)
		},
		tx
	);
}

export type OfficeRecipient = { email: string; locale: string | null };

/** One mail per office person, so each reads it in their own language. */
export async function queueApplicationOfficeMails(
	facts: ApplicantFacts & { recipients: OfficeRecipient[]; link: string },
	tx: DatabaseOrTransaction
) {
	for (const recipient of facts.recipients) {
		const locale = mailLocale(recipient.locale);
		const { networkName: network, organisation } = facts;
		await queueMail(
			{
				networkId: facts.networkId,
				to: recipient.email,
				kind: 'application-submitted',
				subject: m.applications_mail_office_subject({ organisation }, { locale }),
				text: [
					m.applications_mail_office_body(
						{ name: facts.name, email: facts.to, organisation, network },
						{ locale }
					),
					facts.link,
					''
				].join('\n\n')
			},
			tx
		);
	}
}

export async function queueApplicationApprovedMail(
	facts: ApplicantFacts & { note: string; link: string },
	tx: DatabaseOrTransaction
) {
	const { locale, networkName: network, organisation, name } = facts;
	return queueMail(
		{
			networkId: facts.networkId,
			to: facts.to,
			kind: 'application-approved',
			subject: m.applications_mail_approved_subject({ network }, { locale }),
			text: composeText(
				[
					m.applications_mail_greeting({ name }, { locale }),
					m.applications_mail_approved_body({ network, organisation }, { locale }),
					facts.note ? `${m.applications_mail_note({}, { locale })}\n${facts.note}` : null,
					`${m.applications_mail_approved_invitation({}, { locale })}\n${facts.link}`
				],
				network,
				locale
			)
		},
		tx
	);
}

export async function queueApplicationRejectedMail(
	facts: ApplicantFacts & { note: string },
	tx: DatabaseOrTransaction
) {
	const { locale, networkName: network, organisation, name } = facts;
	return queueMail(
		{
			networkId: facts.networkId,
			to: facts.to,
			kind: 'application-rejected',
			subject: m.applications_mail_rejected_subject({ network }, { locale }),
			text: composeText(
				[
					m.applications_mail_greeting({ name }, { locale }),
					m.applications_mail_rejected_body({ network, organisation }, { locale }),
					`${m.applications_mail_note({}, { locale })}\n${facts.note}`
				],
				network,
				locale
			)
		},
		tx
	);
}
