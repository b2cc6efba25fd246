import { m } from '../../paraglide/messages.js';
import type { NetworkRole, OrganisationRole } from '../db/schema/roles.ts';

type Locale = 'de' | 'en';

/** Role names for server-written text (mails, audit summaries) in a given language. */
export function networkRoleLabel(role: NetworkRole, locale: Locale): string {
	const labels = {
		office: m.office_role_office,
		board: m.office_role_board,
		partner: m.office_role_partner,
		member: m.office_role_member
	} as const;
	return labels[role]({}, { locale });
}

export function organisationRoleLabel(role: OrganisationRole, locale: Locale): string {
	const labels = { org_admin: m.office_role_org_admin, org_member: m.office_role_org_member } as const;
	return labels[role]({}, { locale });
}
