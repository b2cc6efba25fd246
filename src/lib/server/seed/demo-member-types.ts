/**
 * A fictional member organisation of the demo network. Every name, address detail and website
 * is invented; websites and mail addresses live on the reserved `.example` top-level domain.
 */
export type DemoMember = {
	name: string;
	legalForm: string;
	kind: 'member_company' | 'research' | 'other_partner';
	street: string;
	postalCode: string;
	city: string;
	employees: number;
	foundedYear: number;
	memberSince: number;
	/** Second-level name under `.example`, used for the website and all mail addresses. */
	domain: string;
	de: string;
	en: string;
};

export const DISTRICTS = ['Stadt Osnabrück', 'Landkreis Osnabrück', 'Kreis Steinfurt'] as const;
export type District = (typeof DISTRICTS)[number];
