import type { DemoProfile } from './demo-profile-types.ts';
import { profilesKreisSteinfurt } from './profiles-kreis-steinfurt.ts';
import { profilesLandkreisOsnabrueck } from './profiles-landkreis-osnabrueck.ts';
import { profilesStadtOsnabrueck } from './profiles-stadt-osnabrueck.ts';

export type { DemoProfile } from './demo-profile-types.ts';

const economicDevelopment = ['services.economic-development', 'services.consulting'];

/** The partner agencies' profiles: what they offer the network, no invented facts about them. */
const profilesPartners: Record<string, DemoProfile> = {
	'Wirtschaftsförderung Osnabrück (WFO)': {
		competencies: economicDevelopment,
		keywords: ['Ansiedlung', 'Fördermittel', 'Standortberatung'],
		valueChain: 'other',
		drivetrains: [],
		products: ['Standortberatung', 'Fördermittelberatung'],
		certifications: [],
		de: 'Die Wirtschaftsförderung der Stadt Osnabrück berät Unternehmen bei Ansiedlung, Erweiterung und Förderung. Sie unterstützt das Netzwerk seit seiner Gründung.',
		en: 'The economic-development agency of the city of Osnabrück advises companies on settling, expanding and funding. It has supported the network since it was founded.',
		at: [52.276, 8.045]
	},
	'Wirtschaftsförderungsgesellschaft Landkreis Osnabrück (WIGOS)': {
		competencies: [...economicDevelopment, 'services.training'],
		keywords: ['Fachkräfte', 'Fördermittel', 'Gewerbeflächen'],
		valueChain: 'other',
		drivetrains: [],
		products: ['Fördermittelberatung', 'Fachkräfteservice'],
		certifications: [],
		de: 'Die WIGOS ist die Wirtschaftsförderung des Landkreises Osnabrück mit Sitz in der Stadt. Sie hilft Unternehmen bei Flächen, Förderung und der Gewinnung von Fachkräften.',
		en: 'WIGOS is the economic-development agency of the district of Osnabrück, based in the city. It helps companies with sites, funding and finding skilled workers.',
		at: [52.262, 8.058]
	},
	'Wirtschaftsförderungs- und Entwicklungsgesellschaft Steinfurt (WESt)': {
		competencies: economicDevelopment,
		keywords: ['Fördermittel', 'Technologietransfer', 'Standortberatung'],
		valueChain: 'other',
		drivetrains: [],
		products: ['Standortberatung', 'Technologietransfer'],
		certifications: [],
		de: 'Die WESt ist die Wirtschaftsförderung des Kreises Steinfurt. Sie vermittelt Kontakte zu Hochschulen und Förderprogrammen und unterstützt das Netzwerk im Münsterland.',
		en: 'WESt is the economic-development agency of the district of Steinfurt. It brokers contacts with universities and funding programmes and supports the network in the Münsterland.',
		at: [52.148, 7.338]
	},
	'Automotive Agentur Niedersachsen': {
		competencies: [...economicDevelopment, 'services.research'],
		keywords: ['Cluster', 'Landesförderung', 'Transformation'],
		valueChain: 'other',
		drivetrains: ['bev', 'hydrogen', 'efuels'],
		products: ['Clustermanagement', 'Transformationsberatung'],
		certifications: [],
		de: 'Die Automotive Agentur Niedersachsen vernetzt die Fahrzeugindustrie des Landes. AutOS ist seit 2015 einer ihrer regionalen Clusterpartner.',
		en: 'The Automotive Agency of Lower Saxony connects the state’s automotive industry. AutOS has been one of its regional cluster partners since 2015.',
		// Hannover lies outside the region's map; the agency is listed without a marker.
		at: null
	}
};

/** Every demo organisation's profile, keyed by its name as in members-*.ts and demo-network.ts. */
export const demoProfiles: Record<string, DemoProfile> = {
	...profilesStadtOsnabrueck,
	...profilesLandkreisOsnabrueck,
	...profilesKreisSteinfurt,
	...profilesPartners
};
