import { m } from '#lib/paraglide/messages.js';
import type { FieldGroup, VisibilityLevel } from '#lib/directory/vocabulary.ts';

/** Display names of the profile vocabularies, in the current language. */
type Labels = Record<string, () => string>;

const valueChain: Labels = {
	oem: m.profiles_value_chain_oem,
	tier1: m.profiles_value_chain_tier1,
	tier2: m.profiles_value_chain_tier2,
	engineering: m.profiles_value_chain_engineering,
	research: m.profiles_value_chain_research,
	training: m.profiles_value_chain_training,
	other: m.profiles_value_chain_other
};
const drivetrain: Labels = {
	bev: m.profiles_drivetrain_bev,
	hydrogen: m.profiles_drivetrain_hydrogen,
	efuels: m.profiles_drivetrain_efuels,
	combustion: m.profiles_drivetrain_combustion,
	hybrid: m.profiles_drivetrain_hybrid
};
const group: Record<FieldGroup, () => string> = {
	description: m.profiles_group_description,
	contact: m.profiles_group_contact,
	address: m.profiles_group_address,
	competencies: m.profiles_group_competencies,
	facts: m.profiles_group_facts
};
const level: Record<VisibilityLevel, () => string> = {
	public: m.profiles_level_public,
	members: m.profiles_level_members,
	office: m.profiles_level_office
};
const contactFunction: Labels = {
	management: m.profiles_function_management,
	hr: m.profiles_function_hr,
	rnd: m.profiles_function_rnd,
	purchasing: m.profiles_function_purchasing,
	sales: m.profiles_function_sales,
	sustainability: m.profiles_function_sustainability,
	training: m.profiles_function_training
};

export const valueChainLabel = (value: string) => valueChain[value]?.() ?? value;
export const drivetrainLabel = (value: string) => drivetrain[value]?.() ?? value;
export const fieldGroupLabel = (value: FieldGroup) => group[value]();
export const visibilityLabel = (value: VisibilityLevel) => level[value]();
export const contactFunctionLabel = (value: string) => contactFunction[value]?.() ?? value;
