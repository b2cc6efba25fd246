import type { MailNetwork } from '../../networks/origin.ts';
import { m } from '../../../paraglide/messages.js';
import type { DatabaseOrTransaction } from '../../db/index.ts';
import { queueMail } from '../../mail/queue.ts';
import { composeText, mailLocale } from '../../mail/compose.ts';
import { circleName, type CircleRow } from '../scope.ts';

/**
 * The admission mails, each in its reader's language, queued in the caller's transaction: a mail
 * exists exactly when the request, decision or invitation it tells of was committed.
 */

export type MailRecipient = { name: string; email: string; locale: string };
/** The network as the mail signs it, and the origin its links point at. */
export type { MailNetwork };

type MailCircle = Pick<CircleRow, 'networkId' | 'slug' | 'nameDe' | 'nameEn'>;

const circleUrl = (network: MailNetwork, circle: MailCircle, suffix = '') =>
	`${network.origin}/circles/${circle.slug}${suffix}`;

/** To every lead: someone asks to join; the members page is where they decide. */
export async function queueAdmissionRequestMails(
	tx: DatabaseOrTransaction,
	input: {
		circle: MailCircle;
		network: MailNetwork;
		leads: MailRecipient[];
		requester: { name: string; organisation: string };
		message: string;
	}
) {
	const { circle, network, requester } = input;
	for (const lead of input.leads) {
		const locale = mailLocale(lead.locale);
		const name = circleName(circle, locale);
		const who = requester.organisation
			? m.circles_mail_person_with_organisation(
					{ name: requester.name, organisation: requester.organisation },
					{ locale }
				)
			: requester.name;
		await queueMail(
			{
				networkId: circle.networkId,
				to: lead.email,
				kind: 'circle-admission-request',
				subject: m.circles_mail_request_subject({ circle: name }, { locale }),
				text: composeText(
					[
						m.circles_mail_greeting({ name: lead.name }, { locale }),
						m.circles_mail_request_intro({ person: who, circle: name }, { locale }),
						input.message && m.circles_mail_request_message({ message: input.message }, { locale }),
						m.circles_mail_request_decide({ url: circleUrl(network, circle, '/members') }, { locale })
					],
					network.name,
					locale
				)
			},
			tx
		);
	}
}

/** To the requester: the lead approved or declined. */
export async function queueAdmissionDecisionMail(
	tx: DatabaseOrTransaction,
	input: { circle: MailCircle; network: MailNetwork; requester: MailRecipient; approved: boolean }
) {
	const { circle, network, requester } = input;
	const locale = mailLocale(requester.locale);
	const name = circleName(circle, locale);
	return queueMail(
		{
			networkId: circle.networkId,
			to: requester.email,
			kind: input.approved ? 'circle-admission-approved' : 'circle-admission-declined',
			subject: input.approved
				? m.circles_mail_approved_subject({ circle: name }, { locale })
				: m.circles_mail_declined_subject({ circle: name }, { locale }),
			text: composeText(
				[
					m.circles_mail_greeting({ name: requester.name }, { locale }),
					input.approved
						? m.circles_mail_approved_intro({ circle: name }, { locale })
						: m.circles_mail_declined_intro({ circle: name }, { locale }),
					m.circles_mail_circle_link({ url: circleUrl(network, circle) }, { locale })
				],
				network.name,
				locale
			)
		},
		tx
	);
}

/** To the invited person: the circle page has the buttons to accept or decline. */
export async function queueInvitationMail(
	tx: DatabaseOrTransaction,
	input: { circle: MailCircle; network: MailNetwork; invitee: MailRecipient; inviterName: string }
) {
	const { circle, network, invitee } = input;
	const locale = mailLocale(invitee.locale);
	const name = circleName(circle, locale);
	return queueMail(
		{
			networkId: circle.networkId,
			to: invitee.email,
			kind: 'circle-invitation',
			subject: m.circles_mail_invitation_subject({ circle: name }, { locale }),
			text: composeText(
				[
					m.circles_mail_greeting({ name: invitee.name }, { locale }),
					m.circles_mail_invitation_intro({ inviter: input.inviterName, circle: name }, { locale }),
					m.circles_mail_invitation_link({ url: circleUrl(network, circle) }, { locale })
				],
				network.name,
				locale
			)
		},
		tx
	);
}
