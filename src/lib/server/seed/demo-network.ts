import type { circles, networks, organisations } from '../db/schema/index.ts';
import { DISTRICTS } from './demo-member-types.ts';

/**
 * The demo network is modelled on a real association: its public name, its supporting agencies
 * and the state agency are real; its members (see members-*.ts) are invented.
 */
export const demoNetwork = {
	slug: 'autos',
	name: 'AutOS e.V. – Automotive-Netzwerk Region Osnabrück',
	shortName: 'AutOS',
	isDefault: true,
	hosts: ['localhost', '127.0.0.1'],
	taglineDe:
		'Das Automotive-Netzwerk der Region Osnabrück: 55 Mitglieder, rund 25.000 Beschäftigte, ein gemeinsamer Weg durch die Transformation.',
	taglineEn:
		'The automotive network of the Osnabrück region: 55 members, some 25,000 employees, one shared path through the transformation.',
	descriptionDe: [
		'AutOS e.V. verbindet Zulieferer, Dienstleister, Forschungseinrichtungen und Partner der Fahrzeugindustrie in der Stadt Osnabrück, im Landkreis Osnabrück und im Kreis Steinfurt. Unter diesem Namen gibt es den Verein seit 2015, und von Beginn an ist er Clusterpartner der Automotive Agentur Niedersachsen. Seine 55 Mitglieder beschäftigen zusammen etwa 25.000 Menschen.',
		'Welcher Antrieb sich durchsetzt – batterieelektrisch, mit Wasserstoff oder mit E-Fuels –, ist offen. Das Netzwerk begleitet diesen Wandel technologieoffen und versteht Nachhaltigkeit ökonomisch, ökologisch und sozial. In vier Expertenkreisen und weiteren Formaten tauschen sich die Mitglieder regelmäßig und auf Augenhöhe aus.',
		'AutOS macht die Automotive-Region Osnabrück sichtbar, fördert den Wissens- und Technologietransfer über Branchen- und Regionsgrenzen hinweg, hilft bei der Sicherung und Qualifizierung von Fachkräften und bündelt die Kompetenzen der Region. Unterstützt wird das Netzwerk von den Wirtschaftsförderungen der Stadt Osnabrück (WFO), des Landkreises Osnabrück (WIGOS) und des Kreises Steinfurt (WESt).'
	].join('\n\n'),
	descriptionEn: [
		'AutOS e.V. brings together suppliers, service providers, research institutes and partners of the automotive industry in the city of Osnabrück, the district of Osnabrück and the district of Steinfurt. The association has existed under this name since 2015 and has been a cluster partner of the Automotive Agency of Lower Saxony from the start. Its 55 members employ about 25,000 people between them.',
		'Which drivetrain will prevail – battery-electric, hydrogen or e-fuels – is an open question. The network accompanies this change without favouring one technology and understands sustainability in its economic, ecological and social sense. Members meet regularly, as equals, in four expert circles and other formats.',
		'AutOS raises the profile of the Osnabrück automotive region, promotes the transfer of knowledge and technology across industries and regions, helps to secure and qualify skilled workers and pools the region’s competencies. The network is supported by the economic-development agencies of the city of Osnabrück (WFO), the district of Osnabrück (WIGOS) and the district of Steinfurt (WESt).'
	].join('\n\n'),
	settings: { districts: [...DISTRICTS] }
} satisfies Omit<typeof networks.$inferInsert, 'id'>;

export type DemoPartner = Omit<typeof organisations.$inferInsert, 'networkId' | 'slug'> & {
	/** Second-level name under `.example`, used only for the demo contacts' mail addresses. */
	domain: string;
};

/** The real supporting agencies and the state agency; no invented phone numbers or websites. */
export const demoPartners: DemoPartner[] = [
	{
		name: 'Wirtschaftsförderung Osnabrück (WFO)',
		legalForm: 'GmbH',
		kind: 'support_agency',
		status: 'partner',
		city: 'Osnabrück',
		district: 'Stadt Osnabrück',
		domain: 'wfo-demo',
		shortDescriptionDe: 'Wirtschaftsförderung der Stadt Osnabrück; unterstützt das Netzwerk.',
		shortDescriptionEn: 'Economic-development agency of the city of Osnabrück; supports the network.'
	},
	{
		name: 'Wirtschaftsförderungsgesellschaft Landkreis Osnabrück (WIGOS)',
		legalForm: 'GmbH',
		kind: 'support_agency',
		status: 'partner',
		city: 'Osnabrück',
		district: 'Landkreis Osnabrück',
		domain: 'wigos-demo',
		shortDescriptionDe: 'Wirtschaftsförderung des Landkreises Osnabrück; unterstützt das Netzwerk.',
		shortDescriptionEn: 'Economic-development agency of the district of Osnabrück; supports the network.'
	},
	{
		name: 'Wirtschaftsförderungs- und Entwicklungsgesellschaft Steinfurt (WESt)',
		legalForm: 'GmbH',
		kind: 'support_agency',
		status: 'partner',
		city: 'Steinfurt',
		district: 'Kreis Steinfurt',
		domain: 'west-demo',
		shortDescriptionDe: 'Wirtschaftsförderung des Kreises Steinfurt; unterstützt das Netzwerk.',
		shortDescriptionEn: 'Economic-development agency of the district of Steinfurt; supports the network.'
	},
	{
		name: 'Automotive Agentur Niedersachsen',
		legalForm: null,
		kind: 'state_agency',
		status: 'partner',
		city: 'Hannover',
		district: null,
		domain: 'automotive-agentur-demo',
		shortDescriptionDe:
			'Automotive-Agentur des Landes Niedersachsen; AutOS ist seit 2015 ihr Clusterpartner.',
		shortDescriptionEn:
			'Automotive agency of the state of Lower Saxony; AutOS has been its cluster partner since 2015.'
	}
];

export const demoCircles: Omit<typeof circles.$inferInsert, 'networkId'>[] = [
	{
		slug: 'antriebstransformation',
		joinPolicy: 'request',
		nameDe: 'Antriebstransformation & Elektromobilität',
		nameEn: 'Drivetrain transformation & e-mobility',
		descriptionDe:
			'Batterieelektrische Antriebe, Leistungselektronik und Thermomanagement – und was der Wandel für Produkte, Werke und Lieferketten der Mitglieder bedeutet.',
		descriptionEn:
			'Battery-electric drives, power electronics and thermal management – and what the change means for members’ products, plants and supply chains.'
	},
	{
		slug: 'wasserstoff-kraftstoffe',
		joinPolicy: 'open',
		nameDe: 'Wasserstoff & alternative Kraftstoffe',
		nameEn: 'Hydrogen & alternative fuels',
		descriptionDe:
			'Brennstoffzelle, Wasserstoffverbrennung und E-Fuels: Stand der Technik, Pilotprojekte in der Region und Infrastruktur für Nutzfahrzeuge.',
		descriptionEn:
			'Fuel cells, hydrogen combustion and e-fuels: state of the art, pilot projects in the region and infrastructure for commercial vehicles.'
	},
	{
		slug: 'produktion-digitalisierung',
		joinPolicy: 'invitation',
		// Content for its members, the office and the board only; no demo login is a member.
		confidential: true,
		nameDe: 'Produktion 4.0 & Digitalisierung',
		nameEn: 'Production 4.0 & digitalisation',
		descriptionDe:
			'Automatisierung, Datenanalyse und vernetzte Fertigung, Kreislaufwirtschaft und CO₂-Bilanz in der Produktion – mit Werksbesuchen bei den Mitgliedern.',
		descriptionEn:
			'Automation, data analytics and connected manufacturing, circular economy and carbon accounting in production – with plant visits at member sites.'
	},
	{
		slug: 'fachkraefte-qualifizierung',
		joinPolicy: 'open',
		nameDe: 'Fachkräfte & Qualifizierung',
		nameEn: 'Skilled workers & qualification',
		descriptionDe:
			'Ausbildung, duales Studium und Weiterbildung, Hochvolt-Qualifizierung und gemeinsame Wege, Fachkräfte für die Region zu gewinnen und zu halten.',
		descriptionEn:
			'Apprenticeships, dual study and further training, high-voltage qualification and joint ways to attract and keep skilled workers in the region.'
	}
];
