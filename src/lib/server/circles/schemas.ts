import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '../../paraglide/messages.js';
import { localizeIssues, type FieldErrors } from '../forms.ts';
import type { CircleAdminResult } from './mutations.ts';
import { circleJoinPolicies } from '../../circles/vocabulary.ts';
import { optionalText, requiredText } from '../../validation.ts';

/** The slug pattern the circle guard accepts; a slug that fails it could never be opened. */
export const CIRCLE_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_SLUG = 60;

const umlauts: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/** "Antriebs­transformation & Elektromobilität" → "antriebstransformation-elektromobilitaet". */
export function slugify(name: string): string {
	return name
		.toLowerCase()
		.replace(/[äöüß]/g, (c) => umlauts[c] ?? c)
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, MAX_SLUG)
		.replace(/-+$/, '');
}

const userId = () => z.string().trim().min(1, 'validation_choice').max(100, 'validation_choice');
const uuid = () => z.uuid({ message: 'validation_choice' });

/** A list of user ids from repeated form fields (none, one or many). */
const userIds = () =>
	z
		.union([userId(), z.array(userId()), z.undefined()])
		.transform((value) => [...new Set(value === undefined ? [] : Array.isArray(value) ? value : [value])]);

/**
 * The office's circle form. An empty slug is derived from the German name; a given one must be
 * lower-case words joined by hyphens.
 */
export const circleSettingsSchema = z
	.object({
		nameDe: requiredText(120),
		nameEn: requiredText(120),
		slug: z
			.string()
			.trim()
			.toLowerCase()
			.max(MAX_SLUG, 'validation_too_long')
			.optional()
			.transform((value) => value ?? ''),
		descriptionDe: optionalText(4000).transform((value) => value ?? ''),
		descriptionEn: optionalText(4000).transform((value) => value ?? ''),
		joinPolicy: z.enum(circleJoinPolicies, { message: 'validation_choice' }),
		// An unticked checkbox is not posted at all.
		confidential: z
			.string()
			.optional()
			.transform((value) => value === 'on' || value === 'true'),
		leadIds: userIds()
	})
	.transform((value) => ({ ...value, slug: value.slug || slugify(value.nameDe) }))
	.superRefine((value, context) => {
		if (!CIRCLE_SLUG.test(value.slug))
			context.addIssue({ code: 'custom', path: ['slug'], message: 'circles_validation_slug' });
	});
export type CircleSettings = z.infer<typeof circleSettingsSchema>;

export const admissionRequestSchema = z.object({
	message: optionalText(1000).transform((value) => value ?? '')
});

export const admissionIdSchema = z.object({ admissionId: uuid() });

export const memberSchema = z.object({ userId: userId() });

export const leadRoleSchema = z.object({
	userId: userId(),
	role: z.enum(['lead', 'member'], { message: 'validation_choice' })
});

/** The circle form's values as the page shows them again (checkboxes and the lead list included). */
export type CircleFormValues = {
	nameDe: string;
	nameEn: string;
	slug: string;
	descriptionDe: string;
	descriptionEn: string;
	joinPolicy: string;
	confidential: boolean;
	leadIds: string[];
};

export function formValues(form: FormData): CircleFormValues {
	const text = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value : '';
	};
	return {
		nameDe: text('nameDe'),
		nameEn: text('nameEn'),
		slug: text('slug'),
		descriptionDe: text('descriptionDe'),
		descriptionEn: text('descriptionEn'),
		joinPolicy: text('joinPolicy'),
		confidential: form.has('confidential'),
		leadIds: form.getAll('leadIds').filter((value): value is string => typeof value === 'string')
	};
}

export type ParsedCircleForm =
	{ ok: true; settings: CircleSettings; form: FormData } | { ok: false; failure: ReturnType<typeof fail> };

/** Reads and validates the office's circle form; a failure answers 400 with per-field messages. */
export async function parseCircleForm(request: Request, locale: 'de' | 'en'): Promise<ParsedCircleForm> {
	const form = await request.formData();
	const raw = {
		...Object.fromEntries([...form.entries()].filter(([key]) => key !== 'leadIds')),
		leadIds: form.getAll('leadIds')
	};
	const result = circleSettingsSchema.safeParse(raw);
	if (result.success) return { ok: true, settings: result.data, form };
	return {
		ok: false,
		failure: fail(400, { errors: localizeIssues(result.error.issues, locale), values: formValues(form) })
	};
}

type AdminFailure = Extract<CircleAdminResult, { ok: false }>;
const refusals: Record<AdminFailure['reason'], { status: number; field: string; message: () => string }> = {
	SLUG_TAKEN: { status: 409, field: 'slug', message: m.circles_error_slug_taken },
	LEAD_NOT_ELIGIBLE: { status: 400, field: 'leadIds', message: m.circles_error_lead_not_eligible },
	LEADS_REQUIRED: { status: 400, field: 'leadIds', message: m.circles_error_leads_required },
	NOT_FOUND: { status: 404, field: '_form', message: m.circles_error_not_found }
};

/** A refused create/save as a field error beside the field it is about. */
export function circleFormRefused(result: AdminFailure, form: FormData) {
	const { status, field, message } = refusals[result.reason];
	const errors: FieldErrors = { [field]: message() };
	return fail(status, { errors, values: formValues(form) });
}
