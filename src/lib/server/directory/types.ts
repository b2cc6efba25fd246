import type {
	ContactFunction,
	Drivetrain,
	FieldVisibility,
	MembershipStatus,
	OrganisationKind,
	SizeClass,
	ValueChainPosition
} from '../../directory/vocabulary.ts';

/**
 * What the directory returns, already cut to one audience: a field the audience may not see is
 * `null` (or an empty list), never the stored value. Pages, the API and exports only ever get these.
 */
export type Localised = { de: string; en: string };

export type CompetenceRef = { id: string; path: string; name: Localised };

export type DirectoryHit = {
	id: string;
	slug: string;
	name: string;
	kind: OrganisationKind;
	status: MembershipStatus;
	city: string | null;
	district: string | null;
	/** description group */
	shortDescription: Localised | null;
	website: string | null;
	logoFileId: string | null;
	/** address group */
	latitude: number | null;
	longitude: number | null;
	/** competencies group: the organisation's own competencies (not their ancestors) */
	competencies: CompetenceRef[];
	drivetrains: Drivetrain[];
	valueChain: ValueChainPosition | null;
	/** facts group */
	sizeClass: SizeClass | null;
	/** office only */
	employees: number | null;
};

export type DirectoryContact = {
	id: string;
	firstName: string;
	lastName: string;
	jobTitle: string | null;
	function: ContactFunction | null;
	email: string | null;
	phone: string | null;
};

export type DirectoryProfile = DirectoryHit & {
	legalForm: string | null;
	longDescription: Localised | null;
	email: string | null;
	phone: string | null;
	street: string | null;
	postalCode: string | null;
	foundedYear: number | null;
	memberSince: number | null;
	products: string[];
	certifications: string[];
	keywords: string[];
	/** Consented contacts; members and office only. */
	contacts: DirectoryContact[];
	/** Office only: the visibility settings. */
	visibility: FieldVisibility | null;
	updatedAt: Date;
};

export type FacetCount = { value: string; count: number };

/** A taxonomy node with the number of matching organisations in its subtree. */
export type CompetenceFacet = {
	id: string;
	path: string;
	parentPath: string | null;
	depth: number;
	name: Localised;
	count: number;
};

export type DirectoryFacets = {
	district: FacetCount[];
	competence: CompetenceFacet[];
	drivetrain: FacetCount[];
	kind: FacetCount[];
	valueChain: FacetCount[];
	size: FacetCount[];
	certification: FacetCount[];
	/** Office audience only; empty otherwise. */
	status: FacetCount[];
};

export type DirectoryResult = {
	total: number;
	page: number;
	pageSize: number;
	pageCount: number;
	hits: DirectoryHit[];
	facets: DirectoryFacets;
};

export type MapPoint = { id: string; slug: string; name: string; latitude: number; longitude: number };

export type CompetenceNode = {
	id: string;
	parentId: string | null;
	path: string;
	slug: string;
	name: Localised;
	position: number;
	depth: number;
};
