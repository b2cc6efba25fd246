import { z } from 'zod';
import { drivetrains } from '../../../directory/vocabulary.ts';
import {
	MAX_KEYWORDS,
	MAX_PROFILE_RUNTIME_DAYS,
	TRL_MAX,
	TRL_MIN,
	partnershipKinds,
	profileTypes,
	profileVisibilities,
	typesWithTrl,
	type ProfileType
} from '../../../cooperation/vocabulary.ts';
import { addDays } from '../../circles/meetings/dates.ts';

/*
 * The profile form's fields, validated at the edge. Messages are catalogue keys
 * (cooperation_authoring_error_*), turned into sentences in the reader's language by form.ts.
 */

export const MAX_TITLE = 200;
export const MAX_SUMMARY = 600;
export const MAX_DESCRIPTION = 20_000;
export const MAX_KEYWORD_LENGTH = 60;
export const MAX_COMPETENCIES = 40;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
function isDate(value: string) {
	const day = new Date(`${value}T00:00:00Z`);
	return DATE.test(value) && !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

/** "Leichtbau, CFK; leichtbau" → ["Leichtbau", "CFK"]: trimmed, inner spaces folded, deduplicated. */
export function splitKeywords(text: string): string[] {
	const seen = new Set<string>();
	const keywords: string[] = [];
	for (const part of text.split(/[,;\n]/)) {
		const keyword = part.replace(/\s+/g, ' ').trim();
		const key = keyword.toLocaleLowerCase('de');
		if (!keyword || seen.has(key)) continue;
		seen.add(key);
		keywords.push(keyword);
	}
	return keywords;
}

const requiredText = (max: number, required: string) =>
	z.string(required).trim().min(1, required).max(max, 'cooperation_authoring_error_too_long');

const choices = <T extends readonly [string, ...string[]]>(values: T) =>
	z.array(z.enum(values, 'validation_choice')).transform((list) => [...new Set(list)]);

/**
 * The fields of a profile; `today` is the calendar day (Europe/Berlin) the desired end date must
 * lie after (and at most MAX_PROFILE_RUNTIME_DAYS beyond).
 */
export function profileFields(today: string) {
	const latest = addDays(today, MAX_PROFILE_RUNTIME_DAYS);
	return z.object({
		type: z.enum(profileTypes, 'cooperation_authoring_error_type'),
		title: requiredText(MAX_TITLE, 'cooperation_authoring_error_title_required'),
		summary: requiredText(MAX_SUMMARY, 'cooperation_authoring_error_summary_required'),
		descriptionDe: requiredText(MAX_DESCRIPTION, 'cooperation_authoring_error_description_required'),
		descriptionEn: z.string().trim().max(MAX_DESCRIPTION, 'cooperation_authoring_error_too_long').default(''),
		competencies: z
			.array(z.uuid('cooperation_authoring_error_competencies'))
			.max(MAX_COMPETENCIES, 'cooperation_authoring_error_competencies_too_many')
			.transform((list) => [...new Set(list)]),
		keywords: z
			.string()
			.max(4000, 'cooperation_authoring_error_too_long')
			.default('')
			.transform(splitKeywords)
			.pipe(
				z
					.array(z.string().max(MAX_KEYWORD_LENGTH, 'cooperation_authoring_error_keyword_too_long'))
					.max(MAX_KEYWORDS, 'cooperation_authoring_error_keywords_too_many')
			),
		drivetrains: choices(drivetrains),
		partnershipKinds: choices(partnershipKinds),
		trl: z
			.string()
			.trim()
			.default('')
			.refine((value) => value === '' || /^\d+$/.test(value), 'cooperation_authoring_error_trl')
			.transform((value) => (value === '' ? null : Number(value)))
			.pipe(
				z
					.number()
					.int()
					.min(TRL_MIN, 'cooperation_authoring_error_trl')
					.max(TRL_MAX, 'cooperation_authoring_error_trl')
					.nullable()
			),
		expiresOn: z
			.string()
			.trim()
			.default('')
			.refine((value) => value === '' || isDate(value), 'cooperation_authoring_error_expires_invalid')
			.refine((value) => value === '' || value > today, 'cooperation_authoring_error_expires_past')
			.refine((value) => value === '' || value <= latest, 'cooperation_authoring_error_expires_too_far')
			.transform((value) => value || null),
		visibility: z.enum(profileVisibilities, 'cooperation_authoring_error_visibility')
	});
}

export type ProfileInput = z.output<ReturnType<typeof profileFields>>;

/** The rule across fields: a TRL only for the types it applies to. Checked on the raw form too. */
export function trlError(type: unknown, trl: unknown): string | null {
	if (typeof trl !== 'string' || trl.trim() === '') return null;
	if (typeof type !== 'string' || !(profileTypes as readonly string[]).includes(type)) return null;
	return typesWithTrl.includes(type as ProfileType) ? null : 'cooperation_authoring_error_trl_not_applicable';
}

/** Which button was pressed: keep as draft, or save and submit for the office's review. */
export const intentField = z.object({
	intent: z.enum(['draft', 'submit']).catch('draft')
});

export const attachmentIdField = z.object({ attachmentId: z.uuid() });
