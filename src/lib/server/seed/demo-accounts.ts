import type { CircleRole, NetworkRole, OrganisationRole } from '../db/schema/roles.ts';
import type { ContactFunction } from '../../directory/vocabulary.ts';

export const DEMO_PASSWORD = 'knotenpunkt-demo';

/** The organisation that orgadmin@ and member@ share, and the one lead@ works for. */
export const DEMO_SHARED_ORGANISATION = 'Hasetal Präzisionsteile GmbH';
export const DEMO_LEAD_ORGANISATION = 'Piesberg Antriebselektronik GmbH';
export const DEMO_PARTNER_ORGANISATION = 'Wirtschaftsförderung Osnabrück (WFO)';

export type DemoAccount = {
	email: string;
	firstName: string;
	lastName: string;
	jobTitle: string;
	/** The person's function as a contact (R&D hears of matching technology profiles). */
	contactFunction?: ContactFunction;
	/** Shown by printDemoAccounts(). */
	role: string;
	networkRoles: NetworkRole[];
	organisation?: { name: string; role: OrganisationRole };
	circles: { slug: string; role: CircleRole }[];
};

/** One account per role, all with DEMO_PASSWORD; names are fictional. */
export const demoAccounts: DemoAccount[] = [
	{
		email: 'office@demo.example',
		firstName: 'Katharina',
		lastName: 'Lindemann',
		jobTitle: 'Leiterin der Geschäftsstelle',
		role: 'Geschäftsstelle (office)',
		networkRoles: ['office'],
		circles: []
	},
	{
		email: 'board@demo.example',
		firstName: 'Bernd',
		lastName: 'Overkamp',
		jobTitle: 'Vorstandsvorsitzender',
		role: 'Vorstand (board)',
		networkRoles: ['board'],
		circles: [{ slug: 'wasserstoff-kraftstoffe', role: 'member' }]
	},
	{
		email: 'orgadmin@demo.example',
		firstName: 'Sabine',
		lastName: 'Hollenberg',
		jobTitle: 'Leiterin Unternehmenskommunikation',
		role: `Ansprechpartnerin (org admin), ${DEMO_SHARED_ORGANISATION}`,
		networkRoles: ['member'],
		organisation: { name: DEMO_SHARED_ORGANISATION, role: 'org_admin' },
		circles: [{ slug: 'fachkraefte-qualifizierung', role: 'member' }]
	},
	{
		email: 'member@demo.example',
		firstName: 'Jonas',
		lastName: 'Wernsing',
		jobTitle: 'Projektingenieur Fertigungsplanung',
		role: `Mitglied (member), ${DEMO_SHARED_ORGANISATION}`,
		networkRoles: ['member'],
		organisation: { name: DEMO_SHARED_ORGANISATION, role: 'org_member' },
		circles: [{ slug: 'antriebstransformation', role: 'member' }]
	},
	{
		email: 'lead@demo.example',
		firstName: 'Miriam',
		lastName: 'Brockhoff',
		jobTitle: 'Leiterin Vorentwicklung',
		contactFunction: 'rnd',
		role: `Sprecherin (circle lead), ${DEMO_LEAD_ORGANISATION}`,
		networkRoles: ['member'],
		organisation: { name: DEMO_LEAD_ORGANISATION, role: 'org_member' },
		circles: [{ slug: 'antriebstransformation', role: 'lead' }]
	},
	{
		email: 'partner@demo.example',
		firstName: 'Thomas',
		lastName: 'Egbers',
		jobTitle: 'Projektleiter Automotive',
		role: `Partner (partner), ${DEMO_PARTNER_ORGANISATION}`,
		networkRoles: ['partner'],
		organisation: { name: DEMO_PARTNER_ORGANISATION, role: 'org_member' },
		circles: []
	}
];
