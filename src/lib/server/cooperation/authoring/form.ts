import { localizeIssues, type FieldErrors } from '../../forms.ts';
import { m } from '../../../paraglide/messages.js';
import { berlinDay } from '../../circles/meetings/dates.ts';
import { utcToLocal } from '../../../events/time.ts';
import type { ProfileRow } from '../scope.ts';
import { profileFields, trlError, type ProfileInput } from './schemas.ts';

/*
 * The profile form's server side: a posted form into the shared schema with field errors in the
 * reader's language, and a stored profile (or a failed post) back into the form's values.
 */

type Locale = 'de' | 'en';

/** The form's values: one string per field, a list for the checkbox groups. */
export type ProfileFormValues = Record<string, string | string[]>;

export const listFields = ['competencies', 'drivetrains', 'partnershipKinds'] as const;
const textFields = [
	'organisationId',
	'type',
	'title',
	'summary',
	'descriptionDe',
	'descriptionEn',
	'keywords',
	'trl',
	'expiresOn',
	'visibility',
	'updatedAt'
] as const;

/** What was posted, as the form shows it again (files and unknown fields left out). */
export function postedValues(form: FormData): ProfileFormValues {
	const values: ProfileFormValues = {};
	for (const field of textFields) {
		const value = form.get(field);
		if (typeof value === 'string') values[field] = value;
	}
	for (const field of listFields) values[field] = form.getAll(field).map(String);
	return values;
}

const translate = (key: string, locale: Locale) =>
	(
		(m as unknown as Record<string, (p?: object, o?: { locale: string }) => string>)[key] ??
		m.validation_invalid
	)({}, { locale });

/** A catalogue key of this area in the reader's language (for the domain's field errors). */
export const messageOf = translate;

export function parseProfileForm(
	form: FormData,
	locale: Locale,
	now = new Date()
): { ok: true; input: ProfileInput } | { ok: false; errors: FieldErrors } {
	const raw = postedValues(form);
	const result = profileFields(berlinDay(now)).safeParse(raw);
	const trl = trlError(raw.type, raw.trl);
	if (result.success && !trl) return { ok: true, input: result.data };
	// A checkbox group's issues name the group, not the n-th box.
	const errors = result.success
		? {}
		: localizeIssues(
				result.error.issues.map((issue) => ({ ...issue, path: issue.path.slice(0, 1) })),
				locale
			);
	if (trl && !errors.trl) errors.trl = translate(trl, locale);
	return { ok: false, errors };
}

/** The stored profile as the form's values; the desired end date as the last day it runs. */
export function profileFormValues(profile: ProfileRow, competenceIds: string[]): ProfileFormValues {
	const lastDay = profile.expiresAt ? utcToLocal(new Date(profile.expiresAt.getTime() - 1)).date : '';
	return {
		organisationId: profile.organisationId,
		type: profile.type,
		title: profile.title,
		summary: profile.summary,
		descriptionDe: profile.descriptionDe,
		descriptionEn: profile.descriptionEn,
		keywords: profile.keywords.join(', '),
		trl: profile.trl === null ? '' : String(profile.trl),
		expiresOn: lastDay,
		visibility: profile.visibility,
		updatedAt: profile.updatedAt.toISOString(),
		competencies: competenceIds,
		drivetrains: [...profile.drivetrains],
		partnershipKinds: [...profile.partnershipKinds]
	};
}
