import { z } from 'zod';
import { optionalText, requiredText } from '../../validation.ts';
import {
	contactFunctions,
	drivetrains,
	fieldGroups,
	membershipStatuses,
	organisationKinds,
	valueChainPositions,
	visibilityLevels,
	type FieldVisibility
} from '../../directory/vocabulary.ts';

const choice = <T extends readonly [string, ...string[]]>(values: T) =>
	z.enum(values, { message: 'validation_choice' });

/** An optional select: the empty option means "none" (null, so it clears the stored value). */
const nullableChoice = <T extends readonly [string, ...string[]]>(values: T) =>
	z
		.union([z.literal(''), choice(values)])
		.optional()
		.transform((value) => (value ? value : null));

/** Unchecked boxes send nothing, one box a string, several an array. */
const many = <T extends string>(item: z.ZodType<T, string>) =>
	z
		.union([z.string(), z.array(z.string())])
		.optional()
		.transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
		.pipe(z.array(item).max(500, 'validation_too_long'))
		.transform((values) => [...new Set(values)]);

/** Empty means null; otherwise a whole number within bounds. */
const wholeNumber = (min: number, max: number, message: string) =>
	z
		.string()
		.trim()
		.optional()
		.transform((value, context) => {
			if (!value) return null;
			const number = Number(value.replace(/\.(?=\d{3}\b)/g, ''));
			if (!Number.isInteger(number) || number < min || number > max) {
				context.addIssue({ code: 'custom', message });
				return z.NEVER;
			}
			return number;
		});

const coordinate = (limit: number, message: string) =>
	z
		.string()
		.trim()
		.optional()
		.transform((value, context) => {
			if (!value) return null;
			const number = Number(value.replace(',', '.'));
			if (!Number.isFinite(number) || Math.abs(number) > limit) {
				context.addIssue({ code: 'custom', message });
				return z.NEVER;
			}
			return number;
		});

/** "IATF 16949, ISO 9001" or one per line: trimmed, without empties and duplicates. */
const list = () =>
	z
		.string()
		.max(5000, 'validation_too_long')
		.optional()
		.transform((value) => [
			...new Set(
				(value ?? '')
					.split(/[,;\n\r]+/)
					.map((item) => item.trim())
					.filter(Boolean)
			)
		])
		.pipe(z.array(z.string().max(120, 'validation_too_long')).max(100, 'validation_too_long'));

const nullableText = (max: number) => optionalText(max).transform((value) => value ?? null);

const website = () =>
	nullableText(300).pipe(
		z
			.string()
			.regex(/^https?:\/\/[^\s/$.?#][^\s]*\.[^\s]+$/i, 'validation_url')
			.nullable()
	);

const email = () =>
	nullableText(254)
		.pipe(z.email('validation_email').nullable())
		.transform((value) => value?.toLowerCase() ?? null);

const visibility = () => choice(visibilityLevels).default('public');

const thisYear = () => new Date().getFullYear();

/**
 * The profile form, shared by the edit page and updateOrganisationProfile. Lists arrive as
 * separated text, numbers as text with German thousands separators allowed. `kind`, `status`
 * and `memberSince` are the office's: the domain function ignores them for anyone else.
 */
export const profileSchema = z
	.object({
		updatedAt: z.iso.datetime({ offset: true, message: 'validation_invalid' }),
		name: requiredText(200),
		legalForm: nullableText(60),
		shortDescriptionDe: z.string().trim().max(300, 'validation_too_long').default(''),
		shortDescriptionEn: z.string().trim().max(300, 'validation_too_long').default(''),
		longDescriptionDe: z.string().trim().max(5000, 'validation_too_long').default(''),
		longDescriptionEn: z.string().trim().max(5000, 'validation_too_long').default(''),
		website: website(),
		email: email(),
		phone: nullableText(40).pipe(
			z
				.string()
				.regex(/^[+\d][\d\s/()\-.]{3,}$/, 'profiles_validation_phone')
				.nullable()
		),
		street: nullableText(200),
		postalCode: nullableText(10).pipe(
			z
				.string()
				.regex(/^\d{5}$/, 'profiles_validation_postal_code')
				.nullable()
		),
		city: nullableText(100),
		district: nullableText(100),
		latitude: coordinate(90, 'profiles_validation_latitude'),
		longitude: coordinate(180, 'profiles_validation_longitude'),
		foundedYear: wholeNumber(1800, thisYear(), 'profiles_validation_year'),
		employees: wholeNumber(0, 1_000_000, 'profiles_validation_employees'),
		kind: choice(organisationKinds).optional(),
		status: choice(membershipStatuses).optional(),
		memberSince: wholeNumber(1950, thisYear(), 'profiles_validation_year'),
		valueChain: nullableChoice(valueChainPositions),
		drivetrains: many(choice(drivetrains)),
		competencies: many(z.uuid({ message: 'validation_choice' })),
		keywords: list(),
		products: list(),
		certifications: list(),
		visibility_description: visibility(),
		visibility_contact: visibility(),
		visibility_address: visibility(),
		visibility_competencies: visibility(),
		visibility_facts: visibility()
	})
	.superRefine((value, context) => {
		// A position needs both halves; one alone would put a marker in the sea.
		if ((value.latitude === null) !== (value.longitude === null)) {
			const path = value.latitude === null ? 'latitude' : 'longitude';
			context.addIssue({ code: 'custom', path: [path], message: 'profiles_validation_coordinates_pair' });
		}
	})
	.transform(
		({
			visibility_description,
			visibility_contact,
			visibility_address,
			visibility_competencies,
			visibility_facts,
			updatedAt,
			...profile
		}) => ({
			...profile,
			updatedAt: new Date(updatedAt),
			visibility: {
				description: visibility_description,
				contact: visibility_contact,
				address: visibility_address,
				competencies: visibility_competencies,
				facts: visibility_facts
			} satisfies FieldVisibility
		})
	);

export type ProfileInput = z.infer<typeof profileSchema>;

/** The form field of a group's visibility select. */
export const visibilityField = (group: (typeof fieldGroups)[number]) => `visibility_${group}` as const;

export const contactFunctionSchema = z.object({
	personId: z.uuid({ message: 'validation_choice' }),
	contactFunction: nullableChoice(contactFunctions)
});

export const directoryConsentSchema = z.object({
	consent: choice(['give', 'withdraw'] as const)
});

/** 1 MB: plenty for a logo, small enough to keep in the database and its backups. */
export const MAX_LOGO_BYTES = 1024 * 1024;

/** The declared size is checked before the bytes are read; the content is checked by the domain. */
export const logoSchema = z.object({
	logo: z
		.instanceof(File, { message: 'profiles_logo_missing' })
		.refine((file) => file.size > 0, 'profiles_logo_missing')
		.refine((file) => file.size <= MAX_LOGO_BYTES, 'profiles_logo_too_large')
});
