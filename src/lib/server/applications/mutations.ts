import { and, eq, inArray } from 'drizzle-orm';
import { db } from '../db/index.ts';
import { membershipApplications } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { recordAudit, type AuditContext } from '../audit/mutations.ts';
import { can } from '../policy/policy.ts';
import type { Actor } from '../policy/actor.ts';
import { hitRateLimit, type RateLimitRule } from '../rate-limit/mutations.ts';
import { queueApplicationOfficeMails, queueApplicationReceivedMail } from './mail.ts';
import { findOfficeRecipients, openStatuses, type Application } from './queries.ts';
import type { ApplicationFields } from './schemas.ts';

type Locale = 'de' | 'en';
export type NetworkRef = { id: string; name: string };

/** A company applies once; a few more per address allow for typos and colleagues sharing a line. */
export const applicationRateLimit: RateLimitRule = { limit: 5, windowSeconds: 60 * 60 };

export type SubmitInput = {
	network: NetworkRef;
	fields: ApplicationFields;
	/** Both are required by the form; the timestamps record when they were given. */
	consents: { statutes: true; privacy: true };
	/** The hidden field only bots fill in. */
	honeypot: string | undefined;
	ipAddress: string;
	locale: Locale;
	origin: string;
};

export type SubmitResult =
	| { ok: true; applicationId: string | null }
	| { ok: false; reason: 'RATE_LIMITED'; retryAfterSeconds: number };

/** The stored columns of the organisation and contact fields. */
function columnsOf(fields: ApplicationFields) {
	return {
		organisationName: fields.organisationName,
		legalForm: fields.legalForm ?? null,
		kind: fields.kind,
		website: fields.website ?? null,
		street: fields.street ?? null,
		postalCode: fields.postalCode ?? null,
		city: fields.city ?? null,
		district: fields.district ?? null,
		employees: fields.employees ?? null,
		valueChain: fields.valueChain ?? null,
		description: fields.description ?? '',
		competencies: fields.competencies ?? '',
		contactFirstName: fields.contactFirstName,
		contactLastName: fields.contactLastName,
		contactEmail: fields.contactEmail,
		contactPhone: fields.contactPhone ?? null,
		contactJobTitle: fields.contactJobTitle ?? null
	};
}

/**
 * Stores a membership application from the public form and queues the applicant's confirmation
 * and the office's notice. The rate limit counts every attempt from an address, bots included; a
 * filled honeypot answers like a success (so the bot learns nothing) but stores and sends nothing.
 */
export async function submitApplication(input: SubmitInput): Promise<SubmitResult> {
	const limit = await hitRateLimit(`application:ip:${input.ipAddress}`, applicationRateLimit);
	if (!limit.allowed)
		return { ok: false, reason: 'RATE_LIMITED', retryAfterSeconds: limit.retryAfterSeconds };
	if (input.honeypot?.trim()) return { ok: true, applicationId: null };

	const now = new Date();
	return (await db()).transaction(async (t) => {
		const [application] = await t
			.insert(membershipApplications)
			.values({
				networkId: input.network.id,
				...columnsOf(input.fields),
				locale: input.locale,
				consentedStatutesAt: now,
				consentedPrivacyAt: now
			})
			.returning({ id: membershipApplications.id });
		const id = application!.id;
		const facts = {
			networkId: input.network.id,
			networkName: input.network.name,
			to: input.fields.contactEmail,
			name: `${input.fields.contactFirstName} ${input.fields.contactLastName}`,
			organisation: input.fields.organisationName,
			locale: input.locale
		};
		await queueApplicationReceivedMail(facts, t);
		await queueApplicationOfficeMails(
			{
				...facts,
				recipients: await findOfficeRecipients(t, input.network.id),
				link: `${input.origin.replace(/\/$/, '')}/office/applications/${id}`
			},
			t
		);
		await recordAudit(
			{
				networkId: input.network.id,
				actor: null,
				action: 'application.submitted',
				targetType: 'membership_application',
				targetId: id,
				details: { organisationName: input.fields.organisationName, email: input.fields.contactEmail },
				context: { ipAddress: input.ipAddress }
			},
			t
		);
		return { ok: true, applicationId: id } as const;
	});
}

export type ReviewInput = {
	actor: Actor;
	networkId: string;
	applicationId: string;
	fields: ApplicationFields;
	officeNote: string;
	context?: AuditContext;
};

export type ReviewResult = { ok: true } | { ok: false; reason: 'NOT_FOUND' | 'ALREADY_DECIDED' };

type Reviewed = ReturnType<typeof columnsOf> & { officeNote: string };

/** Only the fields the office changed, before and after, for the audit log. */
function changes(before: Application, after: Reviewed) {
	const changed = (Object.keys(after) as (keyof Reviewed)[]).filter((key) => before[key] !== after[key]);
	return {
		before: Object.fromEntries(changed.map((key) => [key, before[key]])),
		after: Object.fromEntries(changed.map((key) => [key, after[key]]))
	};
}

/**
 * The office completes an application and notes what the board should know; it is then "in
 * review". Refused once the board has decided: the row is locked and its status checked in the
 * same transaction, so a review cannot overwrite a decision made a moment earlier.
 */
export async function reviewApplication(input: ReviewInput): Promise<ReviewResult> {
	if (!can(input.actor, 'office.applications.review', { networkId: input.networkId })) {
		throw new AppError('FORBIDDEN', 'May not review membership applications.');
	}
	return (await db()).transaction(async (t): Promise<ReviewResult> => {
		const scope = and(
			eq(membershipApplications.id, input.applicationId),
			eq(membershipApplications.networkId, input.networkId)
		);
		const [current] = await t.select().from(membershipApplications).where(scope).for('update');
		if (!current) return { ok: false, reason: 'NOT_FOUND' };
		if (!(openStatuses as readonly string[]).includes(current.status)) {
			return { ok: false, reason: 'ALREADY_DECIDED' };
		}
		const reviewed: Reviewed = { ...columnsOf(input.fields), officeNote: input.officeNote };
		await t
			.update(membershipApplications)
			.set({
				...reviewed,
				status: 'in_review',
				reviewedBy: input.actor.userId,
				reviewedAt: new Date(),
				updatedAt: new Date()
			})
			.where(and(scope, inArray(membershipApplications.status, openStatuses)));
		const diff = changes(current, reviewed);
		await recordAudit(
			{
				networkId: input.networkId,
				actor: input.actor,
				action: 'application.reviewed',
				targetType: 'membership_application',
				targetId: current.id,
				details: {
					before: { status: current.status, ...diff.before },
					after: { status: 'in_review', ...diff.after }
				},
				context: input.context
			},
			t
		);
		return { ok: true };
	});
}
