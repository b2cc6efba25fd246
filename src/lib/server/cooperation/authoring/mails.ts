import { m } from '../../../paraglide/messages.js';
import type { DatabaseOrTransaction } from '../../db/index.ts';
import { queueMail } from '../../mail/queue.ts';
import { composeText, mailLocale } from '../../mail/compose.ts';
import type { MailNetwork } from '../../networks/origin.ts';
import { typeLabels } from '../../../components/cooperation/labels.ts';
import type { ProfileRow } from '../scope.ts';

/**
 * The owner side's mails, each in its reader's language and queued in the caller's transaction:
 * a mail exists exactly when the submission or the reminder's claim was committed.
 */

export type MailRecipient = { name: string; email: string; locale: string };
type MailProfile = Pick<ProfileRow, 'id' | 'networkId' | 'title' | 'type'>;

/** To every office person: a profile waits for review; the office's page has the decision. */
export async function queueSubmittedMails(
	tx: DatabaseOrTransaction,
	input: { profile: MailProfile; organisation: string; network: MailNetwork; office: MailRecipient[] }
) {
	const { profile, network } = input;
	for (const person of input.office) {
		const locale = mailLocale(person.locale);
		const type = typeLabels[profile.type]({}, { locale });
		await queueMail(
			{
				networkId: profile.networkId,
				to: person.email,
				kind: 'cooperation-profile-submitted',
				subject: m.cooperation_authoring_mail_submitted_subject({ title: profile.title }, { locale }),
				text: composeText(
					[
						m.cooperation_authoring_mail_greeting({ name: person.name }, { locale }),
						m.cooperation_authoring_mail_submitted_intro(
							{ organisation: input.organisation, type, title: profile.title },
							{ locale }
						),
						m.cooperation_authoring_mail_submitted_link(
							{ url: `${network.origin}/office/cooperation/${profile.id}` },
							{ locale }
						)
					],
					network.name,
					locale
				)
			},
			tx
		);
	}
}

/** To an admin of the owning organisation: the profile expires soon; renewing keeps it listed. */
export async function queueExpiryReminderMail(
	tx: DatabaseOrTransaction,
	input: {
		profile: MailProfile;
		expiresOn: { de: string; en: string };
		network: MailNetwork;
		admin: MailRecipient;
	}
) {
	const { profile, network, admin } = input;
	const locale = mailLocale(admin.locale);
	return queueMail(
		{
			networkId: profile.networkId,
			to: admin.email,
			kind: 'cooperation-profile-expiry-reminder',
			subject: m.cooperation_authoring_mail_expiry_subject({ title: profile.title }, { locale }),
			text: composeText(
				[
					m.cooperation_authoring_mail_greeting({ name: admin.name }, { locale }),
					m.cooperation_authoring_mail_expiry_intro(
						{ title: profile.title, date: input.expiresOn[locale] },
						{ locale }
					),
					m.cooperation_authoring_mail_expiry_link(
						{ url: `${network.origin}/cooperation/${profile.id}/edit` },
						{ locale }
					)
				],
				network.name,
				locale
			)
		},
		tx
	);
}
