import { z } from 'zod';
import { organisationKinds, valueChainPositions } from '../../directory/vocabulary.ts';
import { applicationStatuses } from '../db/schema/directory.ts';
import { emailAddress, optionalText, requiredText } from '../../validation.ts';

/**
 * The shared zod schemas of the membership application: the public form, the office's review
 * and the board's decision. Messages are catalogue keys (see validation.ts).
 */

/** Optional web address; "example.de" is accepted and stored as "https://example.de". */
const website = () =>
	optionalText(300)
		.transform((value) => (value && !/^https?:\/\//i.test(value) ? `https://${value}` : value))
		.pipe(
			z
				.string()
				.refine(
					(value) => URL.canParse(value) && /^https?:\/\/[^/\s]+\.[^/\s]+/i.test(value),
					'validation_url'
				)
				.optional()
		);

/** An optional choice from a fixed list; an empty select means "not given". */
const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) =>
	z
		.union([z.literal(''), z.enum(values, { message: 'validation_choice' })])
		.optional()
		.transform((value) => (value ? value : undefined));

/** Optional whole number; "1.250" (German thousands) is read as 1250. */
const employees = z
	.string()
	.trim()
	.optional()
	.transform((value) => (value ? value.replace(/[.\s]/g, '') : ''))
	.refine((value) => value === '' || (/^\d{1,7}$/.test(value) && Number(value) <= 1_000_000), {
		message: 'applications_validation_employees'
	})
	.transform((value) => (value === '' ? undefined : Number(value)));

/** A required checkbox: unticked fails with the consent message. */
const consent = () =>
	z.literal('on', { message: 'applications_validation_consent' }).transform(() => true as const);

/** The organisation and contact fields: what the applicant gives and the office may complete. */
export const applicationFields = z.object({
	organisationName: requiredText(200),
	legalForm: optionalText(60),
	kind: z.enum(organisationKinds, { message: 'validation_choice' }),
	website: website(),
	street: optionalText(200),
	postalCode: optionalText(10),
	city: optionalText(100),
	district: optionalText(100),
	employees,
	valueChain: optionalChoice(valueChainPositions),
	description: optionalText(5000),
	competencies: optionalText(2000),
	contactFirstName: requiredText(100),
	contactLastName: requiredText(100),
	contactEmail: emailAddress(),
	contactPhone: optionalText(40),
	contactJobTitle: optionalText(120)
});
export type ApplicationFields = z.infer<typeof applicationFields>;

/** The public form: the fields, both consents and the honeypot (see submitApplication). */
export const applicationForm = applicationFields.extend({
	consentStatutes: consent(),
	consentPrivacy: consent(),
	// Named like a real field so bots fill it; people never see it.
	fax: z.string().max(500).optional()
});

export const reviewForm = applicationFields.extend({
	officeNote: optionalText(5000).transform((value) => value ?? '')
});

export const decisionForm = z.object({
	decisionNote: optionalText(5000).transform((value) => value ?? '')
});

/** A rejection needs a reason the applicant is told. */
export const rejectionForm = z.object({ decisionNote: requiredText(5000) });

/** The district must be one of the network's configured districts (or left empty). */
function districtChoice(districts: readonly string[]) {
	return optionalText(100).refine((value) => !value || districts.includes(value), 'validation_choice');
}

export const applicationFormFor = (districts: readonly string[]) =>
	applicationForm.extend({ district: districtChoice(districts) });

export const reviewFormFor = (districts: readonly string[]) =>
	reviewForm.extend({ district: districtChoice(districts) });

export const applicationStatusFilter = z.enum(applicationStatuses);
