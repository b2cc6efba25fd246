import type { Audience } from '../policy/policy.ts';
import type { DirectoryProfile } from '../directory/types.ts';
import { fieldHeaders, type ImportField } from '../directory-import/fields.ts';
import {
	contactFunctionValues,
	drivetrainValues,
	kindValues,
	statusValues,
	valueChainValues
} from '../directory-import/labels.ts';

type Locale = 'de' | 'en';

/** A cell: text, or a number the writer formats (German in CSV, a real number in XLSX). */
export type ExportCell = string | { number: number; grouped: boolean } | null;

/**
 * The export's columns are the importer's fields under the importer's own headers, so an export
 * maps itself when imported again. Columns the audience can never see are left out entirely:
 * exact employees (office only) and contacts (not for the public).
 */
export function exportFields(audience: Audience): ImportField[] {
	return ([...Object.keys(fieldHeaders)] as ImportField[]).filter((field) => {
		if (field === 'employees') return audience === 'office';
		if (field.startsWith('contact')) return audience !== 'public';
		return true;
	});
}

export function exportHeaders(fields: ImportField[], locale: Locale) {
	return fields.map((field) => fieldHeaders[field][locale === 'de' ? 0 : 1]!);
}

const list = (values: readonly string[]) => (values.length > 0 ? values.join('; ') : null);
const count = (value: number | null): ExportCell =>
	value === null ? null : { number: value, grouped: true };
const plain = (value: number | null): ExportCell =>
	value === null ? null : { number: value, grouped: false };

/** One organisation as a row; what the audience may not see is already null in the profile. */
export function exportRow(profile: DirectoryProfile, fields: ImportField[], locale: Locale): ExportCell[] {
	// The directory lists contacts by name; the sheet has room for the first one.
	const contact = profile.contacts[0];
	const cells: Record<ImportField, ExportCell> = {
		name: profile.name,
		legalForm: profile.legalForm,
		kind: kindValues.label(profile.kind, locale),
		status: statusValues.label(profile.status, locale),
		shortDescriptionDe: profile.shortDescription?.de || null,
		shortDescriptionEn: profile.shortDescription?.en || null,
		longDescriptionDe: profile.longDescription?.de || null,
		longDescriptionEn: profile.longDescription?.en || null,
		website: profile.website,
		email: profile.email,
		phone: profile.phone,
		street: profile.street,
		postalCode: profile.postalCode,
		city: profile.city,
		district: profile.district,
		latitude: plain(profile.latitude),
		longitude: plain(profile.longitude),
		employees: count(profile.employees),
		foundedYear: plain(profile.foundedYear),
		memberSince: plain(profile.memberSince),
		valueChain: profile.valueChain ? valueChainValues.label(profile.valueChain, locale) : null,
		drivetrains: list(profile.drivetrains.map((d) => drivetrainValues.label(d, locale))),
		competencies: list(profile.competencies.map((c) => c.name[locale])),
		keywords: list(profile.keywords),
		products: list(profile.products),
		certifications: list(profile.certifications),
		contactFirstName: contact?.firstName || null,
		contactLastName: contact?.lastName || null,
		contactEmail: contact?.email ?? null,
		contactPhone: contact?.phone ?? null,
		contactJobTitle: contact?.jobTitle ?? null,
		contactFunction: contact?.function ? contactFunctionValues.label(contact.function, locale) : null
	};
	return fields.map((field) => cells[field]);
}
