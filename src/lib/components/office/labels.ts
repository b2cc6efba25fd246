import { m } from '#lib/paraglide/messages.js';

/** Display names of stored codes (roles, kinds, statuses), in the current language. */
const labels: Record<string, () => string> = {
	office: m.office_role_office,
	board: m.office_role_board,
	partner: m.office_role_partner,
	member: m.office_role_member,
	org_admin: m.office_role_org_admin,
	org_member: m.office_role_org_member
};

export const networkRoleOptions = ['office', 'board', 'partner', 'member'] as const;
export const organisationRoleOptions = ['org_admin', 'org_member'] as const;
export const organisationKindOptions = [
	'member_company',
	'research',
	'support_agency',
	'state_agency',
	'other_partner'
] as const;
export const membershipStatusOptions = ['applicant', 'member', 'former', 'partner'] as const;
export const invitationStatusOptions = ['pending', 'accepted', 'expired', 'revoked'] as const;
export const mailStatusOptions = ['outbox', 'queued', 'sending', 'sent', 'failed'] as const;

export const roleLabel = (role: string) => labels[role]?.() ?? role;

const kinds: Record<string, () => string> = {
	member_company: m.office_kind_member_company,
	research: m.office_kind_research,
	support_agency: m.office_kind_support_agency,
	state_agency: m.office_kind_state_agency,
	other_partner: m.office_kind_other_partner
};
export const kindLabel = (kind: string) => kinds[kind]?.() ?? kind;

const statuses: Record<string, () => string> = {
	applicant: m.office_status_applicant,
	member: m.office_status_member,
	former: m.office_status_former,
	partner: m.office_status_partner
};
export const membershipStatusLabel = (status: string) => statuses[status]?.() ?? status;

const invitationStatuses: Record<string, () => string> = {
	pending: m.office_invitation_status_pending,
	accepted: m.office_invitation_status_accepted,
	expired: m.office_invitation_status_expired,
	revoked: m.office_invitation_status_revoked
};
export const invitationStatusLabel = (status: string) => invitationStatuses[status]?.() ?? status;

const mailStatuses: Record<string, () => string> = {
	queued: m.office_mail_status_queued,
	sending: m.office_mail_status_sending,
	sent: m.office_mail_status_sent,
	failed: m.office_mail_status_failed,
	outbox: m.office_mail_status_outbox
};
export const mailStatusLabel = (status: string) => mailStatuses[status]?.() ?? status;

export const localeLabel = (locale: string) =>
	locale === 'en' ? m.office_locale_en() : m.office_locale_de();

export function formatDateTime(value: Date | string | null | undefined, locale: string) {
	if (!value) return '–';
	return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'de-DE', {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone: 'Europe/Berlin'
	}).format(new Date(value));
}

export function formatDate(value: Date | string | null | undefined, locale: string) {
	if (!value) return '–';
	return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'de-DE', {
		dateStyle: 'medium',
		timeZone: 'Europe/Berlin'
	}).format(new Date(value));
}
