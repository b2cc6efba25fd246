import type {
	ContactFunction,
	Drivetrain,
	FieldVisibility,
	MembershipStatus,
	OrganisationKind,
	SizeClass,
	ValueChainPosition
} from '../../directory/vocabulary.ts';
import type { Audience } from '../policy/policy.ts';
import type { CompetenceRef, DirectoryContact, DirectoryHit, DirectoryProfile } from './types.ts';
import { visibleGroups } from './visibility.ts';

/** An organisations row as the directory's SQL returns it (snake case, JSON-decoded). */
export type ProfileRow = {
	id: string;
	slug: string;
	name: string;
	kind: OrganisationKind;
	status: MembershipStatus;
	city: string | null;
	district: string | null;
	legal_form: string | null;
	short_description_de: string;
	short_description_en: string;
	long_description_de: string;
	long_description_en: string;
	website: string | null;
	email: string | null;
	phone: string | null;
	street: string | null;
	postal_code: string | null;
	latitude: number | null;
	longitude: number | null;
	logo_file_id: string | null;
	value_chain: ValueChainPosition | null;
	drivetrains: Drivetrain[] | null;
	products: string[] | null;
	certifications: string[] | null;
	keywords: string[] | null;
	size_class: SizeClass | null;
	employees: number | null;
	founded_year: number | null;
	member_since: number | null;
	visibility: Partial<FieldVisibility> | string | null;
	updated_at: string | Date;
	competencies: { id: string; path: string; de: string; en: string }[] | string | null;
};

type ContactSource = {
	id: string;
	first_name: string;
	last_name: string;
	job_title: string | null;
	contact_function: string | null;
	email: string | null;
	phone: string | null;
};

function decode<T>(value: T | string | null): T | null {
	if (value === null) return null;
	return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

const numberOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));

/**
 * Cuts a row to what the audience may see. This is the only way rows leave the directory, so a
 * hidden field can't reach a page, the API or an export by forgetting a check somewhere else.
 */
export function toHit(row: ProfileRow, audience: Audience): DirectoryHit {
	const visible = visibleGroups(decode(row.visibility) ?? {}, audience);
	const description = visible.has('description');
	const competencies = visible.has('competencies');
	const address = visible.has('address');
	const competenceRefs: CompetenceRef[] = competencies
		? (decode(row.competencies) ?? []).map((c) => ({ id: c.id, path: c.path, name: { de: c.de, en: c.en } }))
		: [];
	return {
		id: row.id,
		slug: row.slug,
		name: row.name,
		kind: row.kind,
		status: row.status,
		city: row.city,
		district: row.district,
		shortDescription: description ? { de: row.short_description_de, en: row.short_description_en } : null,
		website: description ? row.website : null,
		logoFileId: description ? row.logo_file_id : null,
		latitude: address ? numberOrNull(row.latitude) : null,
		longitude: address ? numberOrNull(row.longitude) : null,
		competencies: competenceRefs,
		drivetrains: competencies ? (row.drivetrains ?? []) : [],
		valueChain: competencies ? row.value_chain : null,
		sizeClass: visible.has('facts') ? row.size_class : null,
		employees: audience === 'office' ? numberOrNull(row.employees) : null
	};
}

export function toProfile(row: ProfileRow, audience: Audience, contacts: ContactSource[]): DirectoryProfile {
	const visible = visibleGroups(decode(row.visibility) ?? {}, audience);
	const hit = toHit(row, audience);
	const description = visible.has('description');
	const contact = visible.has('contact');
	const address = visible.has('address');
	const competencies = visible.has('competencies');
	const facts = visible.has('facts');
	return {
		...hit,
		legalForm: facts ? row.legal_form : null,
		longDescription: description ? { de: row.long_description_de, en: row.long_description_en } : null,
		email: contact ? row.email : null,
		phone: contact ? row.phone : null,
		street: address ? row.street : null,
		postalCode: address ? row.postal_code : null,
		foundedYear: facts ? numberOrNull(row.founded_year) : null,
		memberSince: facts ? numberOrNull(row.member_since) : null,
		products: competencies ? (row.products ?? []) : [],
		certifications: competencies ? (row.certifications ?? []) : [],
		keywords: competencies ? (row.keywords ?? []) : [],
		contacts: audience === 'public' ? [] : contacts.map(toContact),
		visibility: audience === 'office' ? (decode(row.visibility) as FieldVisibility) : null,
		updatedAt: new Date(row.updated_at)
	};
}

function toContact(source: ContactSource): DirectoryContact {
	return {
		id: source.id,
		firstName: source.first_name,
		lastName: source.last_name,
		jobTitle: source.job_title,
		function: source.contact_function as ContactFunction | null,
		email: source.email,
		phone: source.phone
	};
}
