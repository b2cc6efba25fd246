import { m } from '../../../paraglide/messages.js';
import type { DatabaseOrTransaction } from '../../db/index.ts';
import { queueMail } from '../../mail/queue.ts';
import { composeText, mailLocale } from '../../mail/compose.ts';
import { eventTitle, formatEventRange, formatEventStart } from '../../../events/format.ts';
import type { MailRecipient } from '../review/queries.ts';
import type { ProposableEvent } from './queries.ts';

/**
 * The office's suggestions to both parties of an accepted introduction, each mail in its
 * reader's language, queued in the suggestion's transaction. Both parties are named: the owner
 * revealed itself by accepting, so nothing here is news to either side.
 */
export type BrokeringMailFacts = {
	networkId: string;
	networkName: string;
	title: string;
	owner: string;
	partner: string;
	message: string;
	profileLink: string;
	recipients: MailRecipient[];
} & (
	| { kind: 'meeting'; meetingAt: Date; place: string }
	| { kind: 'event'; event: ProposableEvent; eventLink: string }
);

export async function queueBrokeringMails(facts: BrokeringMailFacts, tx: DatabaseOrTransaction) {
	const { title, owner, partner } = facts;
	for (const recipient of facts.recipients) {
		const locale = mailLocale(recipient.locale);
		const message = facts.message
			? `${m.cooperation_office_mail_message({}, { locale })}\n${facts.message}`
			: null;
		const profile = `${m.cooperation_office_mail_profile_link({}, { locale })}\n${facts.profileLink}`;
		const greeting = m.cooperation_office_mail_greeting({ name: recipient.name }, { locale });
		let subject: string;
		let paragraphs: (string | null)[];
		if (facts.kind === 'meeting') {
			subject = m.cooperation_office_mail_meeting_subject({ title }, { locale });
			paragraphs = [
				greeting,
				m.cooperation_office_mail_meeting_body({ title, owner, partner }, { locale }),
				[
					m.cooperation_office_mail_meeting_when(
						{ date: formatEventStart(facts.meetingAt, locale) },
						{ locale }
					),
					m.cooperation_office_mail_meeting_where({ place: facts.place }, { locale })
				].join('\n'),
				message,
				profile
			];
		} else {
			const event = eventTitle(facts.event, locale);
			subject = m.cooperation_office_mail_event_subject({ event }, { locale });
			paragraphs = [
				greeting,
				m.cooperation_office_mail_event_body(
					{
						title,
						owner,
						partner,
						event,
						date: formatEventRange(facts.event.startsAt, facts.event.endsAt, locale)
					},
					{ locale }
				),
				message,
				`${m.cooperation_office_mail_event_link({}, { locale })}\n${facts.eventLink}`,
				profile
			];
		}
		await queueMail(
			{
				networkId: facts.networkId,
				to: recipient.email,
				kind: facts.kind === 'meeting' ? 'cooperation-meeting-suggested' : 'cooperation-event-slot-proposed',
				subject,
				text: composeText(paragraphs, facts.networkName, locale)
			},
			tx
		);
	}
}
