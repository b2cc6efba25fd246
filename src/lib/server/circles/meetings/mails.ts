import type { MailNetwork } from '../../networks/origin.ts';
import { m } from '../../../paraglide/messages.js';
import { eventTitle, formatEventStart } from '../../../events/format.ts';
import type { DatabaseOrTransaction } from '../../db/index.ts';
import { queueMail } from '../../mail/queue.ts';
import { composeText, mailLocale } from '../../mail/compose.ts';
import { markdownToPlainText } from '../../markdown.ts';
import { formatDay } from '../../../components/circles/meetings/format.ts';
import { circleName, type CircleRow } from '../scope.ts';
import type { EventRow } from '../../events/scope.ts';

/**
 * The meetings' mails, each in the reader's language, queued in the caller's transaction: the one
 * that approves the minutes or claims the reminder, so a mail exists exactly when its claim does.
 */

export type MailRecipient = { userId: string; name: string; email: string; locale: string };
export type { MailNetwork };
export type MailActionItem = { title: string; ownerName: string | null; dueOn: string | null };

export const meetingPath = (circle: Pick<CircleRow, 'slug'>, eventId: string) =>
	`/circles/${circle.slug}/meetings/${eventId}`;
export const actionsPath = (circle: Pick<CircleRow, 'slug'>) => `/circles/${circle.slug}/actions`;

export async function queueMinutesMail(
	tx: DatabaseOrTransaction,
	input: {
		circle: CircleRow;
		event: EventRow;
		body: string;
		actionItems: MailActionItem[];
		recipient: MailRecipient;
		network: MailNetwork;
	}
) {
	const { circle, event, recipient, network } = input;
	const locale = mailLocale(recipient.locale);
	const meeting = eventTitle(event, locale);
	const circleLabel = circleName(circle, locale);
	const items = input.actionItems.map((item) =>
		m.circle_meetings_mail_action_item(
			{
				title: item.title,
				owner: item.ownerName ?? m.circle_meetings_owner_none({}, { locale }),
				due: item.dueOn ? formatDay(item.dueOn, locale) : m.circle_meetings_due_none({}, { locale })
			},
			{ locale }
		)
	);
	return queueMail(
		{
			networkId: circle.networkId,
			to: recipient.email,
			kind: 'circle-minutes',
			subject: m.circle_meetings_mail_minutes_subject({ meeting, circle: circleLabel }, { locale }),
			text: composeText(
				[
					m.circle_meetings_mail_greeting({ name: recipient.name }, { locale }),
					m.circle_meetings_mail_minutes_intro(
						{ meeting, circle: circleLabel, date: formatEventStart(event.startsAt, locale) },
						{ locale }
					),
					markdownToPlainText(input.body) || m.circle_meetings_minutes_empty({}, { locale }),
					items.length > 0 &&
						[m.circle_meetings_mail_action_items_heading({}, { locale }), ...items].join('\n'),
					m.circle_meetings_mail_minutes_link(
						{ url: `${network.origin}${meetingPath(circle, event.id)}` },
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

export async function queueActionItemReminderMail(
	tx: DatabaseOrTransaction,
	input: {
		circle: CircleRow;
		item: { title: string; dueOn: string };
		recipient: MailRecipient;
		network: MailNetwork;
	}
) {
	const { circle, item, recipient, network } = input;
	const locale = mailLocale(recipient.locale);
	const circleLabel = circleName(circle, locale);
	const due = formatDay(item.dueOn, locale);
	return queueMail(
		{
			networkId: circle.networkId,
			to: recipient.email,
			kind: 'circle-action-item-reminder',
			subject: m.circle_meetings_mail_reminder_subject({ title: item.title, due }, { locale }),
			text: composeText(
				[
					m.circle_meetings_mail_greeting({ name: recipient.name }, { locale }),
					m.circle_meetings_mail_reminder_intro({ title: item.title, circle: circleLabel, due }, { locale }),
					m.circle_meetings_mail_reminder_link(
						{ url: `${network.origin}${actionsPath(circle)}?filter=mine` },
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
