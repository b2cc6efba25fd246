import type {
	ApiFacets,
	ApiOrganisation,
	ApiOrganisationProfile,
	organisationListSchema
} from '../../api/schemas.ts';
import type { z } from 'zod';

/**
 * Example answers for the OpenAPI document. They are typed by the schemas, checked by the
 * linter against the generated JSON Schema, and parsed with the zod schemas in the tests.
 */

const origin = 'https://kompetenz.example';

/** What an anonymous caller sees of an organisation that shows its competencies to members only. */
const anonymousHit: ApiOrganisation = {
	id: '0b6f3c5e-8a51-4c1e-9d0f-1f2a3b4c5d6e',
	name: 'Hasetal Präzisionsteile GmbH',
	slug: 'hasetal-praezisionsteile',
	kind: 'member_company',
	status: 'member',
	city: 'Osnabrück',
	district: 'Stadt Osnabrück',
	website: 'https://hasetal.example',
	shortDescription: {
		de: 'Präzisionsdrehteile und Baugruppen für Batteriegehäuse.',
		en: 'Precision turned parts and assemblies for battery housings.'
	},
	logoUrl: `${origin}/logos/7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6`,
	memberSince: 2016,
	latitude: 52.2799,
	longitude: 8.0472,
	competencies: [],
	drivetrains: [],
	valueChain: null,
	sizeClass: 'medium',
	employees: null
};

const facets: ApiFacets = {
	district: [
		{ value: 'Stadt Osnabrück', count: 12 },
		{ value: 'Landkreis Osnabrück', count: 9 }
	],
	competence: [
		{ path: 'technologies', parentPath: null, name: { de: 'Technologien', en: 'Technologies' }, count: 14 },
		{
			path: 'technologies.battery',
			parentPath: 'technologies',
			name: { de: 'Batterietechnik', en: 'Battery technology' },
			count: 6
		}
	],
	drivetrain: [
		{ value: 'bev', count: 11 },
		{ value: 'hydrogen', count: 4 }
	],
	kind: [{ value: 'member_company', count: 19 }],
	valueChain: [{ value: 'tier1', count: 8 }],
	size: [{ value: 'medium', count: 7 }],
	certification: [{ value: 'IATF 16949', count: 5 }],
	status: []
};

export const organisationListExample: z.infer<typeof organisationListSchema> = {
	data: [anonymousHit],
	page: 1,
	pageSize: 20,
	total: 21,
	facets
};

/** The same organisation through an office token: every field group, exact employees, contacts. */
export const organisationProfileExample: ApiOrganisationProfile = {
	...anonymousHit,
	competencies: [
		{
			id: '5c4b3a29-1807-4f6e-9d5c-4b3a29180706',
			path: 'processes.machining',
			name: { de: 'Zerspanung', en: 'Machining' }
		}
	],
	drivetrains: ['bev', 'combustion'],
	valueChain: 'tier2',
	employees: 180,
	legalForm: 'GmbH',
	longDescription: {
		de: 'Seit 1987 fertigen wir Präzisionsteile für die Automobilindustrie.',
		en: 'We have made precision parts for the automotive industry since 1987.'
	},
	email: 'info@hasetal.example',
	phone: '+49 541 000000',
	street: 'Hafenstraße 12',
	postalCode: '49090',
	foundedYear: 1987,
	products: ['Drehteile', 'Batteriegehäuse'],
	certifications: ['IATF 16949', 'ISO 14001'],
	keywords: ['Zerspanung', 'Aluminium'],
	contacts: [
		{
			id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
			firstName: 'Petra',
			lastName: 'Muster',
			jobTitle: 'Geschäftsführerin',
			function: 'management',
			email: 'p.muster@hasetal.example',
			phone: null
		}
	],
	visibility: {
		description: 'public',
		contact: 'members',
		address: 'public',
		competencies: 'members',
		facts: 'public'
	},
	updatedAt: '2025-03-14T09:30:00.000Z'
};
