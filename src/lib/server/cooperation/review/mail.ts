import { m } from '../../../paraglide/messages.js';
import type { DatabaseOrTransaction } from '../../db/index.ts';
import { queueMail } from '../../mail/queue.ts';
import { composeText, mailLocale, type MailLocale } from '../../mail/compose.ts';
import { formatDate } from '../../../events/format.ts';
import type { MailRecipient } from './queries.ts';

/**
 * The review decision, mailed to each admin of the owner organisation in their own language,
 * queued in the decision's transaction.
 */
export type ReviewMailFacts = {
	networkId: string;
	networkName: string;
	title: string;
	/** The profile's page (approved) or its edit page (changes requested, rejected). */
	link: string;
	recipients: MailRecipient[];
} & (
	{ decision: 'approved'; expiresAt: Date } | { decision: 'changes_requested' | 'rejected'; reason: string }
);

export const formatDay = (instant: Date, locale: MailLocale) => formatDate(instant, locale, 'long');

function compose(facts: ReviewMailFacts, recipient: MailRecipient, locale: MailLocale) {
	const { title } = facts;
	const greeting = m.cooperation_office_mail_greeting({ name: recipient.name }, { locale });
	if (facts.decision === 'approved') {
		return {
			subject: m.cooperation_office_mail_approved_subject({ title }, { locale }),
			paragraphs: [
				greeting,
				m.cooperation_office_mail_approved_body(
					{ title, date: formatDay(facts.expiresAt, locale) },
					{ locale }
				),
				`${m.cooperation_office_mail_profile_link({}, { locale })}\n${facts.link}`
			]
		};
	}
	const changes = facts.decision === 'changes_requested';
	return {
		subject: changes
			? m.cooperation_office_mail_changes_subject({ title }, { locale })
			: m.cooperation_office_mail_rejected_subject({ title }, { locale }),
		paragraphs: [
			greeting,
			changes
				? m.cooperation_office_mail_changes_body({ title }, { locale })
				: m.cooperation_office_mail_rejected_body({ title }, { locale }),
			`${m.cooperation_office_mail_reason({}, { locale })}\n${facts.reason}`,
			`${m.cooperation_office_mail_edit_link({}, { locale })}\n${facts.link}`
		]
	};
}

export async function queueReviewMails(facts: ReviewMailFacts, tx: DatabaseOrTransaction) {
	for (const recipient of facts.recipients) {
		const locale = mailLocale(recipient.locale);
		const { subject, paragraphs } = compose(facts, recipient, locale);
		await queueMail(
			{
				networkId: facts.networkId,
				to: recipient.email,
				kind: `cooperation-profile-${facts.decision.replace('_', '-')}`,
				subject,
				text: composeText(paragraphs, facts.networkName, locale)
			},
			tx
		);
	}
}
