import { fieldGroups } from '#lib/directory/vocabulary.ts';
import type { EditableProfile } from '#lib/server/profiles/queries.ts';

/** The stored profile as the form's text values (lists comma-separated, numbers as text). */
export function formValuesOf(profile: EditableProfile): Record<string, string> {
	const text = (value: string | number | null) => (value === null ? '' : String(value));
	return {
		updatedAt: profile.updatedAt.toISOString(),
		name: profile.name,
		legalForm: text(profile.legalForm),
		shortDescriptionDe: profile.shortDescriptionDe,
		shortDescriptionEn: profile.shortDescriptionEn,
		longDescriptionDe: profile.longDescriptionDe,
		longDescriptionEn: profile.longDescriptionEn,
		website: text(profile.website),
		email: text(profile.email),
		phone: text(profile.phone),
		street: text(profile.street),
		postalCode: text(profile.postalCode),
		city: text(profile.city),
		district: text(profile.district),
		latitude: text(profile.latitude),
		longitude: text(profile.longitude),
		foundedYear: text(profile.foundedYear),
		employees: text(profile.employees),
		kind: profile.kind,
		status: profile.status,
		memberSince: text(profile.memberSince),
		valueChain: text(profile.valueChain),
		keywords: profile.keywords.join(', '),
		products: profile.products.join(', '),
		certifications: profile.certifications.join(', '),
		...Object.fromEntries(fieldGroups.map((group) => [`visibility_${group}`, profile.visibility[group]]))
	};
}
