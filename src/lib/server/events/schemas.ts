import { z } from 'zod';
import {
	eventAudiences,
	eventLocationKinds,
	eventQuestionKinds,
	DEFAULT_REMINDER_MINUTES
} from '../../events/vocabulary.ts';
import { localToUtc } from '../../events/time.ts';
import { checkbox, emailAddress, optionalText, requiredText } from '../../validation.ts';

/**
 * The event form's zod schema, shared by /events/new, /events/[id]/edit and the tests. Dates come
 * in as local Europe/Berlin date + time fields and leave as instants; messages are catalogue keys.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const uuidField = () => z.string({ message: 'validation_required' }).trim().regex(UUID, 'validation_choice');

const optionalUuid = () =>
	z
		.union([z.literal(''), z.string().trim().regex(UUID, 'validation_choice')])
		.optional()
		.transform((value) => (value ? value.toLowerCase() : null));

const optionalDecimal = (min: number, max: number) =>
	z
		.string()
		.trim()
		.optional()
		.transform((value) => (value ? value.replace(',', '.') : ''))
		.refine(
			(value) => value === '' || (/^-?\d{1,3}(\.\d{1,8})?$/.test(value) && +value >= min && +value <= max),
			{
				message: 'event_authoring_validation_coordinate'
			}
		)
		.transform((value) => (value === '' ? null : Number(value)));

const optionalWholeNumber = (min: number, max: number, message: string) =>
	z
		.string()
		.trim()
		.optional()
		.transform((value) => value ?? '')
		.refine((value) => value === '' || (/^\d{1,6}$/.test(value) && +value >= min && +value <= max), {
			message
		})
		.transform((value) => (value === '' ? null : Number(value)));

const webAddress = () =>
	optionalText(500).pipe(
		z
			.string()
			.refine(
				(value) => URL.canParse(value) && /^https:\/\/[^/\s]+/i.test(value),
				'event_authoring_validation_url'
			)
			.optional()
	);

/** "office", "circle:<id>" or "organisation:<id>" — one select for the organiser. */
const organiserChoice = z
	.string({ message: 'validation_required' })
	.trim()
	.regex(/^(office|circle:[0-9a-f-]{36}|organisation:[0-9a-f-]{36})$/i, 'validation_choice')
	.transform((value) => {
		const [kind, id] = value.split(':') as [string, string | undefined];
		return {
			organiserKind: kind as 'office' | 'circle' | 'organisation',
			organiserCircleId: kind === 'circle' ? id!.toLowerCase() : null,
			organiserOrganisationId: kind === 'organisation' ? id!.toLowerCase() : null
		};
	});

const localDate = () =>
	z
		.string()
		.trim()
		.optional()
		.transform((value) => value ?? '');

type Issue = { path: string; message: string };
const present = (value: unknown) => value !== null && value !== undefined && String(value).trim() !== '';
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

function instant(issues: Issue[], date: string, time: string, field: string, required: boolean): Date | null {
	if (!date && !time && !required) return null;
	if (!date || !time) {
		issues.push({ path: field, message: 'validation_required' });
		return null;
	}
	const result = localToUtc({ date, time });
	if (result.ok) return result.value;
	const message = {
		INVALID: 'event_authoring_validation_datetime',
		NONEXISTENT: 'event_authoring_validation_time_nonexistent',
		AMBIGUOUS: 'event_authoring_validation_time_ambiguous'
	}[result.reason];
	issues.push({ path: field, message });
	return null;
}

/**
 * The checks across fields: the instants of the date/time pairs, the end after the start, a place
 * or link for the kind of event, the audience's circle, both coordinates. Runs inside the schema
 * and, when single fields already failed, on the raw form too (parseEventForm), so the form shows
 * every problem at once.
 */
export function eventRelations(raw: Record<string, unknown>) {
	const issues: Issue[] = [];
	const startsAt = instant(issues, text(raw.startDate), text(raw.startTime), 'startDate', true);
	const endsAt = instant(issues, text(raw.endDate), text(raw.endTime), 'endDate', true);
	const opensAt = instant(
		issues,
		text(raw.registrationOpensDate),
		text(raw.registrationOpensTime),
		'registrationOpensDate',
		false
	);
	const closesAt = instant(
		issues,
		text(raw.registrationClosesDate),
		text(raw.registrationClosesTime),
		'registrationClosesDate',
		false
	);
	if (startsAt && endsAt && endsAt.getTime() <= startsAt.getTime())
		issues.push({ path: 'endDate', message: 'event_authoring_validation_end_before_start' });
	if (opensAt && closesAt && closesAt <= opensAt)
		issues.push({ path: 'registrationClosesDate', message: 'event_authoring_validation_window' });
	if (raw.locationKind !== 'online' && !present(raw.venueName) && !present(raw.city))
		issues.push({ path: 'venueName', message: 'event_authoring_validation_place' });
	if ((raw.locationKind === 'online' || raw.locationKind === 'hybrid') && !present(raw.onlineUrl))
		issues.push({ path: 'onlineUrl', message: 'event_authoring_validation_online_url' });
	if (raw.audience === 'circle' && !present(raw.audienceCircleId))
		issues.push({ path: 'audienceCircleId', message: 'event_authoring_validation_circle' });
	if (present(raw.latitude) !== present(raw.longitude))
		issues.push({ path: 'latitude', message: 'event_authoring_validation_coordinates_pair' });
	return { issues, startsAt, endsAt, opensAt, closesAt };
}

export const eventFields = z
	.object({
		titleDe: requiredText(200),
		titleEn: optionalText(200).transform((value) => value ?? ''),
		descriptionDe: optionalText(20000).transform((value) => value ?? ''),
		descriptionEn: optionalText(20000).transform((value) => value ?? ''),
		formatId: uuidField(),
		startDate: localDate(),
		startTime: localDate(),
		endDate: localDate(),
		endTime: localDate(),
		locationKind: z.enum(eventLocationKinds, { message: 'validation_choice' }),
		venueName: optionalText(200).transform((value) => value ?? ''),
		street: optionalText(200).transform((value) => value ?? ''),
		postalCode: optionalText(10).transform((value) => value ?? ''),
		city: optionalText(100).transform((value) => value ?? ''),
		latitude: optionalDecimal(-90, 90),
		longitude: optionalDecimal(-180, 180),
		onlineUrl: webAddress().transform((value) => value ?? null),
		hostOrganisationId: optionalUuid(),
		organiser: organiserChoice,
		audience: z.enum(eventAudiences, { message: 'validation_choice' }),
		audienceCircleId: optionalUuid(),
		capacity: optionalWholeNumber(1, 100000, 'event_authoring_validation_capacity'),
		registrationEnabled: checkbox(),
		registrationOpensDate: localDate(),
		registrationOpensTime: localDate(),
		registrationClosesDate: localDate(),
		registrationClosesTime: localDate(),
		contactName: optionalText(200).transform((value) => value ?? ''),
		contactEmail: z
			.union([z.literal(''), emailAddress()])
			.optional()
			.transform((value) => value ?? ''),
		contactPhone: optionalText(40).transform((value) => value ?? ''),
		reminderHours: optionalWholeNumber(0, 720, 'event_authoring_validation_reminder'),
		status: z.enum(['draft', 'published'], { message: 'validation_choice' })
	})
	.transform((raw, ctx) => {
		const { issues, startsAt, endsAt, opensAt, closesAt } = eventRelations(raw);
		for (const issue of issues) ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
		if (issues.length || !startsAt || !endsAt) return z.NEVER;
		return {
			titleDe: raw.titleDe,
			titleEn: raw.titleEn,
			descriptionDe: raw.descriptionDe,
			descriptionEn: raw.descriptionEn,
			formatId: raw.formatId.toLowerCase(),
			startsAt,
			endsAt,
			locationKind: raw.locationKind,
			venueName: raw.locationKind === 'online' ? '' : raw.venueName,
			street: raw.locationKind === 'online' ? '' : raw.street,
			postalCode: raw.locationKind === 'online' ? '' : raw.postalCode,
			city: raw.locationKind === 'online' ? '' : raw.city,
			latitude: raw.locationKind === 'online' ? null : raw.latitude,
			longitude: raw.locationKind === 'online' ? null : raw.longitude,
			onlineUrl: raw.locationKind === 'onsite' ? null : raw.onlineUrl,
			hostOrganisationId: raw.hostOrganisationId,
			...raw.organiser,
			audience: raw.audience,
			audienceCircleId: raw.audience === 'circle' ? raw.audienceCircleId : null,
			capacity: raw.capacity,
			registrationEnabled: raw.registrationEnabled,
			registrationOpensAt: opensAt,
			registrationClosesAt: closesAt,
			contactName: raw.contactName,
			contactEmail: raw.contactEmail,
			contactPhone: raw.contactPhone,
			reminderMinutesBefore: raw.reminderHours === null ? DEFAULT_REMINDER_MINUTES : raw.reminderHours * 60,
			status: raw.status
		};
	});
export type EventInput = z.output<typeof eventFields>;

/** New events may repeat: weekly or monthly, 2 to 52 dates in all. */
export const seriesFields = z
	.object({
		repeat: z
			.enum(['none', 'weekly', 'monthly'], { message: 'validation_choice' })
			.optional()
			.default('none'),
		repeatCount: optionalWholeNumber(2, 52, 'event_authoring_validation_repeat_count')
	})
	.transform((raw, ctx) => {
		if (raw.repeat !== 'none' && raw.repeatCount === null)
			ctx.addIssue({
				code: 'custom',
				path: ['repeatCount'],
				message: 'event_authoring_validation_repeat_count'
			});
		return { repeat: raw.repeat, count: raw.repeat === 'none' ? 1 : (raw.repeatCount ?? 1) };
	});
export type SeriesInput = z.output<typeof seriesFields>;

export const questionFields = z
	.object({
		kind: z.enum(eventQuestionKinds, { message: 'validation_choice' }),
		labelDe: requiredText(300),
		labelEn: optionalText(300).transform((value) => value ?? ''),
		options: optionalText(2000).transform((value) =>
			(value ?? '')
				.split('\n')
				.map((option) => option.trim())
				.filter(Boolean)
		),
		required: checkbox()
	})
	.superRefine((raw, ctx) => {
		if (raw.kind === 'choice' && raw.options.length < 2)
			ctx.addIssue({ code: 'custom', path: ['options'], message: 'event_authoring_validation_options' });
		if (raw.options.length > 30 || raw.options.some((option) => option.length > 200))
			ctx.addIssue({ code: 'custom', path: ['options'], message: 'validation_too_long' });
	})
	.transform((raw) => ({ ...raw, options: raw.kind === 'choice' ? raw.options : [] }));
export type QuestionInput = z.output<typeof questionFields>;

export const questionIdField = z.object({ questionId: uuidField() });
export const moveQuestionFields = z.object({
	questionId: uuidField(),
	direction: z.enum(['up', 'down'], { message: 'validation_choice' })
});
export const attachmentIdField = z.object({ attachmentId: uuidField() });

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
