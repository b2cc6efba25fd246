import type { ApiCooperationProfile, ApiCooperationProfileList } from './cooperation-schemas.ts';

/** Example answers of the cooperation endpoints for the OpenAPI document (parsed by the schemas in the tests). */

const origin = 'https://kompetenz.example';
const id = '7d1e2f30-4a5b-4c6d-8e9f-0a1b2c3d4e5f';

export const cooperationProfileExample: ApiCooperationProfile = {
	id,
	type: 'technology_request',
	status: 'published',
	visibility: 'public_anonymous',
	title: 'Leichtbau-Batteriegehäuse aus Faserverbund gesucht',
	summary: 'Wir suchen einen Entwicklungspartner für crashsichere Batteriegehäuse in Kleinserie.',
	description: {
		de: 'Für ein **Nutzfahrzeug** mit Batterieantrieb suchen wir ein Gehäuse aus CFK oder GFK.',
		en: 'For a battery-electric **commercial vehicle** we are looking for a CFRP or GFRP housing.'
	},
	competencies: [
		{
			id: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d',
			path: 'materials.lightweight',
			name: { de: 'Leichtbau', en: 'Lightweight construction' }
		}
	],
	keywords: ['CFK', 'Crashtest'],
	drivetrains: ['bev'],
	trl: 4,
	partnershipKinds: ['joint_development', 'supply'],
	publishedAt: '2026-11-02T09:15:00.000Z',
	expiresAt: '2027-05-01T09:15:00.000Z',
	owner: { anonymous: true, kind: 'member_company', sizeClass: 'medium', district: 'Landkreis Osnabrück' },
	url: `${origin}/cooperation/${id}`
};

export const cooperationProfileListExample: ApiCooperationProfileList = {
	data: [cooperationProfileExample],
	page: 1,
	pageSize: 20,
	total: 1
};
