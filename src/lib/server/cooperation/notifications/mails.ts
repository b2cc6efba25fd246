import { m } from '../../../paraglide/messages.js';
import type { ProfileType } from '../../../cooperation/vocabulary.ts';
import { ownerText, typeLabels } from '../../../components/cooperation/labels.ts';
import type { DatabaseOrTransaction } from '../../db/index.ts';
import type { MatchReasons } from '../../db/schema/index.ts';
import { composeText, mailLocale, type MailLocale } from '../../mail/compose.ts';
import { queueMail } from '../../mail/queue.ts';
import type { MailNetwork as BaseMailNetwork } from '../../networks/origin.ts';
import { explainMatch } from '../matching/index.ts';
import type { ProfileOwner } from '../owner.ts';

/**
 * The match mails of the cooperation exchange: one per new matching profile for people who want
 * them at once, one weekly digest for the others. Queued in the transaction that claims the
 * notifications (emailed_at), so a mail exists exactly when its claim was committed. The owner
 * appears only as `profileOwner` answered for the recipient: an anonymous profile's owner as kind,
 * size class and district, never by name, slug, website or person.
 */

type MailNetwork = BaseMailNetwork & { id: string };
export type MailRecipient = { name: string; email: string; notificationEmail: string | null; locale: string };

export type MatchMailItem = {
	profileId: string;
	type: ProfileType;
	title: string;
	summary: string;
	owner: ProfileOwner;
	/** The recipient's organisation the profile matches. */
	organisationName: string;
	reasons: MatchReasons;
};

/** Who offers the profile, as far as the recipient may know, on one line. */
const ownerLine = (owner: ProfileOwner, locale: MailLocale) => oneLine(ownerText(owner, locale));

export const profileUrl = (origin: string, profileId: string) => `${origin}/cooperation/${profileId}`;
const settingsUrl = (origin: string) => `${origin}/account/notifications`;

/** One profile: what it is, its summary, who offers it, why it matches, and its link. */
function describeItem(item: MatchMailItem, origin: string, locale: MailLocale, withOrganisation: boolean) {
	const reasons = explainMatch(item.reasons, locale);
	return [
		`${typeLabels[item.type]({}, { locale })}: ${oneLine(item.title)}`,
		item.summary ? oneLine(item.summary) : null,
		m.cooperation_notifications_item_owner({ owner: ownerLine(item.owner, locale) }, { locale }),
		withOrganisation
			? m.cooperation_notifications_item_for({ organisation: oneLine(item.organisationName) }, { locale })
			: null,
		reasons.length
			? m.cooperation_notifications_item_reasons({ reasons: reasons.join('; ') }, { locale })
			: null,
		m.cooperation_notifications_item_link({ url: profileUrl(origin, item.profileId) }, { locale })
	]
		.filter((line): line is string => !!line)
		.join('\n');
}

const to = (recipient: MailRecipient) => recipient.notificationEmail || recipient.email;

/** The mail at once: one new matching profile. */
export async function queueMatchMail(
	tx: DatabaseOrTransaction,
	input: { network: MailNetwork; recipient: MailRecipient; item: MatchMailItem }
) {
	const { network, recipient, item } = input;
	const locale = mailLocale(recipient.locale);
	return queueMail(
		{
			networkId: network.id,
			to: to(recipient),
			kind: 'cooperation-match',
			subject: oneLine(m.cooperation_notifications_mail_subject({ title: item.title }, { locale })),
			text: composeText(
				[
					m.cooperation_notifications_mail_greeting({ name: recipient.name }, { locale }),
					m.cooperation_notifications_mail_intro(
						{ organisation: oneLine(item.organisationName) },
						{ locale }
					),
					describeItem(item, network.origin, locale, false),
					m.cooperation_notifications_mail_settings({ url: settingsUrl(network.origin) }, { locale })
				],
				network.name,
				locale
			)
		},
		tx
	);
}

/** The weekly digest: every new matching profile, in the order given. */
export async function queueDigestMail(
	tx: DatabaseOrTransaction,
	input: { network: MailNetwork; recipient: MailRecipient; items: MatchMailItem[] }
) {
	const { network, recipient, items } = input;
	const locale = mailLocale(recipient.locale);
	const severalOrganisations = new Set(items.map((item) => item.organisationName)).size > 1;
	return queueMail(
		{
			networkId: network.id,
			to: to(recipient),
			kind: 'cooperation-digest',
			subject: m.cooperation_notifications_digest_subject({ count: items.length }, { locale }),
			text: composeText(
				[
					m.cooperation_notifications_mail_greeting({ name: recipient.name }, { locale }),
					m.cooperation_notifications_digest_intro({}, { locale }),
					...items.map((item) => describeItem(item, network.origin, locale, severalOrganisations)),
					m.cooperation_notifications_mail_settings({ url: settingsUrl(network.origin) }, { locale })
				],
				network.name,
				locale
			)
		},
		tx
	);
}

/** Titles and summaries are typed by people: no line breaks inside a subject or a list line. */
const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ').trim();
