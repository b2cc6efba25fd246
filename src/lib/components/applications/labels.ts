import { m } from '#lib/paraglide/messages.js';
import { organisationKinds, valueChainPositions } from '#lib/directory/vocabulary.ts';
import { kindLabel } from '#lib/components/office/labels.ts';

/** Display names of the application's stored codes, in the current language. */
const statuses: Record<string, () => string> = {
	submitted: m.applications_status_submitted,
	in_review: m.applications_status_in_review,
	approved: m.applications_status_approved,
	rejected: m.applications_status_rejected
};
export const applicationStatusLabel = (status: string) => statuses[status]?.() ?? status;
export const applicationStatusOptions = ['submitted', 'in_review', 'approved', 'rejected'] as const;

const valueChains: Record<string, () => string> = {
	oem: m.applications_value_chain_oem,
	tier1: m.applications_value_chain_tier1,
	tier2: m.applications_value_chain_tier2,
	engineering: m.applications_value_chain_engineering,
	research: m.applications_value_chain_research,
	training: m.applications_value_chain_training,
	other: m.applications_value_chain_other
};
export const valueChainLabel = (value: string) => valueChains[value]?.() ?? value;

export const kindOptions = () => organisationKinds.map((kind) => ({ value: kind, label: kindLabel(kind) }));
export const valueChainOptions = () => [
	{ value: '', label: m.applications_not_given() },
	...valueChainPositions.map((value) => ({ value, label: valueChainLabel(value) }))
];
export const districtOptions = (districts: readonly string[]) => [
	{ value: '', label: m.applications_not_given() },
	...districts.map((district) => ({ value: district, label: district }))
];
