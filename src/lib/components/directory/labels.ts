import { m } from '#lib/paraglide/messages.js';
import type { FacetKey } from '#lib/directory/query.ts';

/**
 * Display names of the directory's stored codes, in the current language or (in mails) the
 * recipient's: `kindLabel(code)` / `kindLabel(code, 'en')`.
 */
type Labels = Record<string, (inputs?: Record<string, never>, options?: { locale?: 'de' | 'en' }) => string>;

const kinds: Labels = {
	member_company: m.directory_kind_member_company,
	research: m.directory_kind_research,
	support_agency: m.directory_kind_support_agency,
	state_agency: m.directory_kind_state_agency,
	other_partner: m.directory_kind_other_partner
};
const statuses: Labels = {
	applicant: m.directory_status_applicant,
	member: m.directory_status_member,
	former: m.directory_status_former,
	partner: m.directory_status_partner
};
const valueChain: Labels = {
	oem: m.directory_chain_oem,
	tier1: m.directory_chain_tier1,
	tier2: m.directory_chain_tier2,
	engineering: m.directory_chain_engineering,
	research: m.directory_chain_research,
	training: m.directory_chain_training,
	other: m.directory_chain_other
};
const drivetrains: Labels = {
	bev: m.directory_drivetrain_bev,
	hydrogen: m.directory_drivetrain_hydrogen,
	efuels: m.directory_drivetrain_efuels,
	combustion: m.directory_drivetrain_combustion,
	hybrid: m.directory_drivetrain_hybrid
};
const sizes: Labels = {
	micro: m.directory_size_micro,
	small: m.directory_size_small,
	medium: m.directory_size_medium,
	large: m.directory_size_large,
	enterprise: m.directory_size_enterprise
};
const functions: Labels = {
	management: m.directory_function_management,
	hr: m.directory_function_hr,
	rnd: m.directory_function_rnd,
	purchasing: m.directory_function_purchasing,
	sales: m.directory_function_sales,
	sustainability: m.directory_function_sustainability,
	training: m.directory_function_training
};

const label = (table: Labels) => (code: string, locale?: 'de' | 'en') =>
	table[code]?.({}, locale ? { locale } : {}) ?? code;

export const kindLabel = label(kinds);
export const statusLabel = label(statuses);
export const valueChainLabel = label(valueChain);
export const drivetrainLabel = label(drivetrains);
export const sizeLabel = label(sizes);
export const contactFunctionLabel = label(functions);

/** The value's label for facets whose values are codes; districts and certifications are names. */
export function facetValueLabel(key: Exclude<FacetKey, 'competence'>, value: string): string {
	switch (key) {
		case 'kind':
			return kindLabel(value);
		case 'status':
			return statusLabel(value);
		case 'valueChain':
			return valueChainLabel(value);
		case 'drivetrain':
			return drivetrainLabel(value);
		case 'size':
			return sizeLabel(value);
		default:
			return value;
	}
}

export const facetTitle: Record<FacetKey, () => string> = {
	district: m.directory_facet_district,
	competence: m.directory_facet_competence,
	drivetrain: m.directory_facet_drivetrain,
	kind: m.directory_facet_kind,
	valueChain: m.directory_facet_value_chain,
	size: m.directory_facet_size,
	certification: m.directory_facet_certification,
	status: m.directory_facet_status
};

/** A text in the page's language, falling back to German (the network's first language). */
export function localised(value: { de: string; en: string } | null | undefined, locale: string): string {
	if (!value) return '';
	return (locale === 'en' ? value.en : value.de) || value.de || value.en || '';
}
