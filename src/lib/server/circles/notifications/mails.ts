import type { MailNetwork as BaseMailNetwork } from '../../networks/origin.ts';
import { m } from '../../../paraglide/messages.js';
import type { CircleActivityKind, NotificationReason } from '../../../circles/vocabulary.ts';
import type { DatabaseOrTransaction } from '../../db/index.ts';
import { composeText, mailLocale, type MailLocale } from '../../mail/compose.ts';
import { queueMail } from '../../mail/queue.ts';

/**
 * The notification mails of the expert circles: one per happening for people who want them at
 * once, one daily digest for the others. Queued in the caller's transaction, the one that claims
 * the notifications (emailed_at), so a mail exists exactly when its claim was committed.
 */

type MailNetwork = BaseMailNetwork & { id: string };
export type MailRecipient = { name: string; email: string; notificationEmail: string | null; locale: string };
export type MailCircle = { slug: string; nameDe: string; nameEn: string };
export type MailActivity = {
	kind: CircleActivityKind;
	title: string;
	path: string;
	actorName: string | null;
};

const circleNameIn = (circle: MailCircle, locale: MailLocale) =>
	locale === 'en' ? circle.nameEn || circle.nameDe : circle.nameDe;

/**
 * The absolute link to the item. The path was written by the app; should one ever not be an
 * app-relative path (`//host`, `https:`), the mail links to the circle instead of elsewhere.
 */
export function itemUrl(origin: string, circle: Pick<MailCircle, 'slug'>, path: string) {
	const safe = /^\/(?![/\\])/.test(path) && !/\s/.test(path) ? path : `/circles/${circle.slug}`;
	return `${origin}${safe}`;
}

const settingsUrl = (origin: string, circle: Pick<MailCircle, 'slug'>) =>
	`${origin}/circles/${circle.slug}/notifications`;

type Words = { actor: string; circle: string; title: string };

const happened: Record<CircleActivityKind, (words: Words, options: { locale: MailLocale }) => string> = {
	thread_created: (w, o) => m.circle_notifications_mail_thread_created(w, o),
	post_created: (w, o) => m.circle_notifications_mail_post_created(w, o),
	document_uploaded: (w, o) => m.circle_notifications_mail_document_uploaded(w, o),
	document_version: (w, o) => m.circle_notifications_mail_document_version(w, o),
	minutes_approved: (w, o) => m.circle_notifications_mail_minutes_approved(w, o),
	meeting_scheduled: (w, o) => m.circle_notifications_mail_meeting_scheduled(w, o),
	member_joined: (w, o) => m.circle_notifications_mail_member_joined(w, o),
	action_item_assigned: (w, o) => m.circle_notifications_mail_action_item_assigned(w, o)
};

const kindWords: Record<CircleActivityKind, (input: object, options: { locale: MailLocale }) => string> = {
	thread_created: m.circle_notifications_kind_thread_created,
	post_created: m.circle_notifications_kind_post_created,
	document_uploaded: m.circle_notifications_kind_document_uploaded,
	document_version: m.circle_notifications_kind_document_version,
	minutes_approved: m.circle_notifications_kind_minutes_approved,
	meeting_scheduled: m.circle_notifications_kind_meeting_scheduled,
	member_joined: m.circle_notifications_kind_member_joined,
	action_item_assigned: m.circle_notifications_kind_action_item_assigned
};

/** What an item is, in words: why the person hears of it when it is about them, else what happened. */
export function describeKind(kind: CircleActivityKind, reason: NotificationReason, locale: MailLocale) {
	if (reason === 'mention') return m.circle_notifications_kind_mention({}, { locale });
	if (reason === 'assigned') return m.circle_notifications_kind_assigned({}, { locale });
	return kindWords[kind]({}, { locale });
}

export async function queueImmediateMail(
	tx: DatabaseOrTransaction,
	input: {
		network: MailNetwork;
		circle: MailCircle;
		activity: MailActivity;
		recipient: MailRecipient;
		reason: NotificationReason;
	}
) {
	const { network, circle, activity, recipient, reason } = input;
	const locale = mailLocale(recipient.locale);
	const words: Words = {
		actor: activity.actorName || m.circle_notifications_mail_someone({}, { locale }),
		circle: circleNameIn(circle, locale),
		title: activity.title
	};
	const subject =
		reason === 'mention'
			? m.circle_notifications_mail_mention_subject(words, { locale })
			: reason === 'assigned'
				? m.circle_notifications_mail_assigned_subject(words, { locale })
				: m.circle_notifications_mail_subject(words, { locale });
	const what =
		reason === 'mention'
			? m.circle_notifications_mail_mention(words, { locale })
			: reason === 'assigned'
				? m.circle_notifications_mail_assigned(words, { locale })
				: happened[activity.kind](words, { locale });
	return queueMail(
		{
			networkId: network.id,
			to: recipient.notificationEmail || recipient.email,
			kind: 'circle-notification',
			subject: oneLine(subject),
			text: composeText(
				[
					m.circle_notifications_mail_greeting({ name: recipient.name }, { locale }),
					what,
					m.circle_notifications_mail_link(
						{ url: itemUrl(network.origin, circle, activity.path) },
						{ locale }
					),
					m.circle_notifications_mail_settings(
						{ circle: words.circle, url: settingsUrl(network.origin, circle) },
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

export type DigestItem = {
	circle: MailCircle;
	kind: CircleActivityKind;
	reason: NotificationReason;
	title: string;
	path: string;
};

/** One digest: the items grouped by circle (in the order given), each with what it is and its link. */
export async function queueDigestMail(
	tx: DatabaseOrTransaction,
	input: { network: MailNetwork; recipient: MailRecipient; items: DigestItem[] }
) {
	const { network, recipient, items } = input;
	const locale = mailLocale(recipient.locale);
	const groups = new Map<string, DigestItem[]>();
	for (const item of items) {
		const group = groups.get(item.circle.slug) ?? [];
		group.push(item);
		groups.set(item.circle.slug, group);
	}
	const sections = [...groups.values()].map((group) => {
		const circle = group[0]!.circle;
		const lines = group.map(
			(item) =>
				`- ${describeKind(item.kind, item.reason, locale)}: ${oneLine(item.title)}\n  ${itemUrl(network.origin, circle, item.path)}`
		);
		return [
			m.circle_notifications_digest_circle({ circle: circleNameIn(circle, locale) }, { locale }),
			...lines
		].join('\n');
	});
	return queueMail(
		{
			networkId: network.id,
			to: recipient.notificationEmail || recipient.email,
			kind: 'circle-digest',
			subject: m.circle_notifications_digest_subject({ count: items.length }, { locale }),
			text: composeText(
				[
					m.circle_notifications_mail_greeting({ name: recipient.name }, { locale }),
					m.circle_notifications_digest_intro({}, { locale }),
					...sections,
					m.circle_notifications_digest_settings(
						{ url: `${network.origin}/account/notifications` },
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

/** Titles are typed by people: no line breaks in a subject or a list line. */
const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ').trim();
