import { m } from '../../../paraglide/messages.js';
import type { DatabaseOrTransaction } from '../../db/index.ts';
import { queueMail } from '../../mail/queue.ts';
import { composeText, mailLocale, type MailLocale } from '../../mail/compose.ts';
import type { MailNetwork } from '../../networks/origin.ts';
import { ownerText, partnershipLabels, timeframeLabels } from '../../../components/cooperation/labels.ts';
import type { InterestTimeframe, PartnershipKind } from '../../../cooperation/vocabulary.ts';
import type { ProfileOwner } from '../owner.ts';
import type { OrganisationContact } from './queries.ts';

/**
 * The mails of an expression of interest, each in its reader's language, queued in the caller's
 * transaction. Until the owner accepts, nothing a sender receives names an anonymous owner: the
 * sender's mails describe it through `ProfileOwner` (or not at all).
 */

export type MailRecipient = { name: string; email: string; locale: string };
type MailProfile = { id: string; networkId: string; title: string; visibility: string };
type Answers = {
	message: string;
	contribution: string;
	partnershipKind: PartnershipKind | null;
	timeframe: InterestTimeframe | null;
};
export type { MailNetwork };

function answerLines(answers: Answers, locale: MailLocale) {
	return [
		m.cooperation_interests_mail_message({ message: answers.message }, { locale }),
		answers.contribution &&
			m.cooperation_interests_mail_contribution({ contribution: answers.contribution }, { locale }),
		answers.partnershipKind &&
			m.cooperation_interests_mail_partnership(
				{ kind: partnershipLabels[answers.partnershipKind]({}, { locale }) },
				{ locale }
			),
		answers.timeframe &&
			m.cooperation_interests_mail_timeframe(
				{ timeframe: timeframeLabels[answers.timeframe]({}, { locale }) },
				{ locale }
			)
	];
}

/** An organisation's contact details and a person, one line each (lines without a value are left out). */
function contactBlock(organisation: OrganisationContact, person: MailRecipient | null, locale: MailLocale) {
	const address = [
		organisation.street,
		[organisation.postalCode, organisation.city].filter(Boolean).join(' ')
	]
		.filter(Boolean)
		.join(', ');
	return [
		m.cooperation_interests_mail_contact_organisation({ name: organisation.name }, { locale }),
		address && m.cooperation_interests_mail_contact_address({ address }, { locale }),
		organisation.website &&
			m.cooperation_interests_mail_contact_website({ website: organisation.website }, { locale }),
		organisation.phone &&
			m.cooperation_interests_mail_contact_phone({ phone: organisation.phone }, { locale }),
		organisation.email &&
			m.cooperation_interests_mail_contact_email({ email: organisation.email }, { locale }),
		person &&
			m.cooperation_interests_mail_contact_person({ name: person.name, email: person.email }, { locale })
	]
		.filter(Boolean)
		.join('\n');
}

/** To the owner organisation's admins: who asks (person and organisation), the answers, where to decide. */
export async function queueInterestReceivedMails(
	tx: DatabaseOrTransaction,
	input: {
		profile: MailProfile;
		network: MailNetwork;
		admins: MailRecipient[];
		sender: { person: string; organisation: string };
		answers: Answers;
	}
) {
	const { profile, network } = input;
	for (const admin of input.admins) {
		const locale = mailLocale(admin.locale);
		await queueMail(
			{
				networkId: profile.networkId,
				to: admin.email,
				kind: 'cooperation-interest-received',
				subject: m.cooperation_interests_mail_received_subject({ title: profile.title }, { locale }),
				text: composeText(
					[
						m.cooperation_interests_mail_greeting({ name: admin.name }, { locale }),
						m.cooperation_interests_mail_received_intro(
							{ person: input.sender.person, organisation: input.sender.organisation, title: profile.title },
							{ locale }
						),
						...answerLines(input.answers, locale),
						profile.visibility === 'public_anonymous' &&
							m.cooperation_interests_mail_received_anonymous({}, { locale }),
						m.cooperation_interests_mail_received_decide(
							{ url: `${network.origin}/cooperation/${profile.id}/interests` },
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

/** To the sender: what they sent, and to whom only as far as they may know it. */
export async function queueInterestSentMail(
	tx: DatabaseOrTransaction,
	input: {
		profile: MailProfile;
		network: MailNetwork;
		sender: MailRecipient;
		organisation: string;
		owner: ProfileOwner;
		answers: Answers;
	}
) {
	const { profile, network, sender } = input;
	const locale = mailLocale(sender.locale);
	return queueMail(
		{
			networkId: profile.networkId,
			to: sender.email,
			kind: 'cooperation-interest-sent',
			subject: m.cooperation_interests_mail_sent_subject({ title: profile.title }, { locale }),
			text: composeText(
				[
					m.cooperation_interests_mail_greeting({ name: sender.name }, { locale }),
					m.cooperation_interests_mail_sent_intro(
						{ organisation: input.organisation, title: profile.title, owner: ownerText(input.owner, locale) },
						{ locale }
					),
					input.owner.anonymous && m.cooperation_interests_mail_sent_anonymous({}, { locale }),
					...answerLines(input.answers, locale),
					m.cooperation_interests_mail_sent_link(
						{ url: `${network.origin}/cooperation/interests` },
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

/**
 * The introduction: the interested party receives the owner's contact details and the accepting
 * admin; the owner's admins receive the interested organisation's and the sending person's.
 */
export async function queueIntroductionMails(
	tx: DatabaseOrTransaction,
	input: {
		profile: MailProfile;
		network: MailNetwork;
		owner: OrganisationContact;
		decider: MailRecipient;
		interested: OrganisationContact;
		interestedPeople: MailRecipient[];
		sendingPerson: MailRecipient | null;
		ownerAdmins: MailRecipient[];
	}
) {
	const { profile, network } = input;
	for (const person of input.interestedPeople) {
		const locale = mailLocale(person.locale);
		await queueMail(
			{
				networkId: profile.networkId,
				to: person.email,
				kind: 'cooperation-interest-accepted',
				subject: m.cooperation_interests_mail_accepted_subject({ title: profile.title }, { locale }),
				text: composeText(
					[
						m.cooperation_interests_mail_greeting({ name: person.name }, { locale }),
						m.cooperation_interests_mail_accepted_intro(
							{ owner: input.owner.name, title: profile.title },
							{ locale }
						),
						contactBlock(input.owner, input.decider, locale),
						m.cooperation_interests_mail_profile_link(
							{ url: `${network.origin}/cooperation/${profile.id}` },
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
	for (const admin of input.ownerAdmins) {
		const locale = mailLocale(admin.locale);
		await queueMail(
			{
				networkId: profile.networkId,
				to: admin.email,
				kind: 'cooperation-interest-introduction',
				subject: m.cooperation_interests_mail_introduction_subject(
					{ organisation: input.interested.name },
					{ locale }
				),
				text: composeText(
					[
						m.cooperation_interests_mail_greeting({ name: admin.name }, { locale }),
						m.cooperation_interests_mail_introduction_intro(
							{ decider: input.decider.name, organisation: input.interested.name, title: profile.title },
							{ locale }
						),
						contactBlock(input.interested, input.sendingPerson, locale),
						m.cooperation_interests_mail_introduction_outcome(
							{ url: `${network.origin}/cooperation/${profile.id}/interests` },
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

/** To the sender: neutral; never names the owner, whatever the profile's visibility. */
export async function queueInterestDeclinedMails(
	tx: DatabaseOrTransaction,
	input: { profile: MailProfile; network: MailNetwork; recipients: MailRecipient[] }
) {
	const { profile, network } = input;
	for (const recipient of input.recipients) {
		const locale = mailLocale(recipient.locale);
		await queueMail(
			{
				networkId: profile.networkId,
				to: recipient.email,
				kind: 'cooperation-interest-declined',
				subject: m.cooperation_interests_mail_declined_subject({ title: profile.title }, { locale }),
				text: composeText(
					[
						m.cooperation_interests_mail_greeting({ name: recipient.name }, { locale }),
						m.cooperation_interests_mail_declined_intro({ title: profile.title }, { locale }),
						m.cooperation_interests_mail_declined_more({ url: `${network.origin}/cooperation` }, { locale })
					],
					network.name,
					locale
				)
			},
			tx
		);
	}
}
