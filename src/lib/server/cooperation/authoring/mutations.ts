import { and, eq, inArray, sql } from 'drizzle-orm';
import { db, type DatabaseOrTransaction, type Transaction } from '../../db/index.ts';
import {
	competencies,
	cooperationProfileCompetencies,
	cooperationProfiles,
	cooperationSteps,
	organisations
} from '../../db/schema/index.ts';
import { recordAudit, type AuditContext } from '../../audit/mutations.ts';
import type { MailNetwork } from '../../networks/origin.ts';
import type { Actor } from '../../policy/actor.ts';
import { can } from '../../policy/policy.ts';
import { addDays } from '../../circles/meetings/dates.ts';
import { localToUtc } from '../../../events/time.ts';
import {
	PROFILE_RUNTIME_DAYS,
	type ProfileStatus,
	type ProfileStepKind
} from '../../../cooperation/vocabulary.ts';
import { recordMatches } from '../matching/index.ts';
import { notifyMatches } from '../notifications/index.ts';
import { findOfficeRecipients } from '../review/queries.ts';
import type { ProfileRow } from '../scope.ts';
import {
	editableStatuses,
	transitions,
	type Transition
} from '../../../components/cooperation/authoring/transitions.ts';
import { queueSubmittedMails } from './mails.ts';
import type { ProfileInput } from './schemas.ts';

/*
 * Writes of the owner's side, one transaction per use case. Status changes are conditional
 * updates (… where status in (…)): a form posted from a stale page finds no row and is told so,
 * instead of overwriting what happened meanwhile. Permissions are checked by the routes
 * (requireProfile); creating checks its own, because the organisation comes from the form.
 */

const DAY_MS = 86_400_000;

type Use = { actor: Actor; network: MailNetwork; context?: AuditContext };

export type TransitionFailure = { ok: false; reason: 'STALE'; status: ProfileStatus | null };

/** The last day chosen in the form ("2026-12-08") → the instant after it (midnight, Berlin). */
export function expiryOf(day: string | null): Date | null {
	if (!day) return null;
	const instant = localToUtc({ date: addDays(day, 1), time: '00:00' });
	return instant.ok ? instant.value : null;
}

/** The ids among `ids` that are this network's competencies; anything else is refused. */
async function knownCompetencies(tx: DatabaseOrTransaction, networkId: string, ids: string[]) {
	if (ids.length === 0) return true;
	const rows = await tx
		.select({ id: competencies.id })
		.from(competencies)
		.where(and(eq(competencies.networkId, networkId), inArray(competencies.id, ids)));
	return rows.length === ids.length;
}

async function replaceCompetencies(tx: Transaction, networkId: string, profileId: string, ids: string[]) {
	await tx
		.delete(cooperationProfileCompetencies)
		.where(
			and(
				eq(cooperationProfileCompetencies.networkId, networkId),
				eq(cooperationProfileCompetencies.profileId, profileId)
			)
		);
	if (ids.length)
		await tx
			.insert(cooperationProfileCompetencies)
			.values(ids.map((competenceId) => ({ networkId, profileId, competenceId })));
}

export async function recordStep(
	tx: DatabaseOrTransaction,
	profile: Pick<ProfileRow, 'id' | 'networkId'>,
	kind: ProfileStepKind,
	actor: Actor
) {
	await tx
		.insert(cooperationSteps)
		.values({ networkId: profile.networkId, profileId: profile.id, kind, actorUserId: actor.userId });
}

async function audit(
	tx: DatabaseOrTransaction,
	use: Use,
	profile: Pick<ProfileRow, 'id' | 'networkId'>,
	action: string,
	details: Record<string, unknown> = {}
) {
	await recordAudit(
		{
			networkId: profile.networkId,
			actor: use.actor,
			action: `cooperation.${action}`,
			targetType: 'cooperation_profile',
			targetId: profile.id,
			details,
			context: use.context
		},
		tx
	);
}

/** The step, the audit entry and the office's mails of a submission, in its transaction. */
async function afterSubmit(tx: Transaction, use: Use, profile: ProfileRow) {
	await recordStep(tx, profile, 'submitted', use.actor);
	await audit(tx, use, profile, 'profile_submitted');
	const [organisation] = await tx
		.select({ name: organisations.name })
		.from(organisations)
		.where(and(eq(organisations.networkId, profile.networkId), eq(organisations.id, profile.organisationId)));
	await queueSubmittedMails(tx, {
		profile,
		organisation: organisation?.name ?? '',
		network: use.network,
		office: await findOfficeRecipients(tx, profile.networkId)
	});
}

const fieldsOf = (input: ProfileInput) => ({
	type: input.type,
	title: input.title,
	summary: input.summary,
	descriptionDe: input.descriptionDe,
	descriptionEn: input.descriptionEn,
	keywords: input.keywords,
	drivetrains: input.drivetrains,
	trl: input.trl,
	partnershipKinds: input.partnershipKinds,
	visibility: input.visibility,
	expiresAt: expiryOf(input.expiresOn)
});

export type CreateResult =
	{ ok: true; profileId: string } | { ok: false; reason: 'NOT_ALLOWED' | 'COMPETENCIES' };

/** A new profile of `organisationId`, as a draft or submitted for review at once. */
export async function createCooperationProfile(
	use: Use & { organisationId: string; input: ProfileInput; submit: boolean }
): Promise<CreateResult> {
	const { actor, organisationId, input } = use;
	const networkId = actor.networkId;
	if (!can(actor, 'cooperation.profile.create', { networkId, organisationId }))
		return { ok: false, reason: 'NOT_ALLOWED' };
	return (await db()).transaction(async (tx) => {
		const [organisation] = await tx
			.select({ id: organisations.id })
			.from(organisations)
			.where(and(eq(organisations.networkId, networkId), eq(organisations.id, organisationId)));
		if (!organisation) return { ok: false as const, reason: 'NOT_ALLOWED' as const };
		if (!(await knownCompetencies(tx, networkId, input.competencies)))
			return { ok: false as const, reason: 'COMPETENCIES' as const };
		const [profile] = await tx
			.insert(cooperationProfiles)
			.values({
				networkId,
				organisationId,
				createdBy: actor.userId,
				...fieldsOf(input),
				status: use.submit ? 'in_review' : 'draft',
				submittedAt: use.submit ? sql`now()` : null
			})
			.returning();
		await replaceCompetencies(tx, networkId, profile!.id, input.competencies);
		await recordStep(tx, profile!, 'created', actor);
		await audit(tx, use, profile!, 'profile_created', { organisationId, title: input.title });
		if (use.submit) await afterSubmit(tx, use, profile!);
		return { ok: true as const, profileId: profile!.id };
	});
}

export type SaveResult =
	{ ok: true; status: ProfileStatus } | TransitionFailure | { ok: false; reason: 'COMPETENCIES' };

/**
 * The owner's changes to a draft (or a profile the office sent back), optionally submitted in the
 * same step. `updatedAt` is the version the form was loaded with: a profile changed since
 * (another tab, another admin, the office) is not overwritten.
 */
export async function saveCooperationProfile(
	use: Use & { profile: ProfileRow; input: ProfileInput; submit: boolean; updatedAt: string | null }
): Promise<SaveResult> {
	const { profile, input } = use;
	const version = use.updatedAt ? new Date(use.updatedAt) : null;
	return (await db()).transaction(async (tx) => {
		if (!(await knownCompetencies(tx, profile.networkId, input.competencies)))
			return { ok: false as const, reason: 'COMPETENCIES' as const };
		const [saved] = await tx
			.update(cooperationProfiles)
			.set({
				...fieldsOf(input),
				updatedAt: sql`now()`,
				...(use.submit ? { status: 'in_review' as const, submittedAt: sql`now()` } : {})
			})
			.where(
				and(
					eq(cooperationProfiles.networkId, profile.networkId),
					eq(cooperationProfiles.id, profile.id),
					inArray(cooperationProfiles.status, [...editableStatuses]),
					version && !Number.isNaN(version.getTime())
						? sql`date_trunc('milliseconds', ${cooperationProfiles.updatedAt}) = ${version.toISOString()}::timestamptz`
						: undefined
				)
			)
			.returning();
		if (!saved) return stale(tx, profile);
		await replaceCompetencies(tx, profile.networkId, profile.id, input.competencies);
		await audit(tx, use, saved, 'profile_saved', { title: input.title });
		if (use.submit) await afterSubmit(tx, use, saved);
		return { ok: true as const, status: saved.status };
	});
}

async function stale(tx: DatabaseOrTransaction, profile: ProfileRow): Promise<TransitionFailure> {
	const [now] = await tx
		.select({ status: cooperationProfiles.status })
		.from(cooperationProfiles)
		.where(and(eq(cooperationProfiles.networkId, profile.networkId), eq(cooperationProfiles.id, profile.id)));
	return { ok: false, reason: 'STALE', status: now?.status ?? null };
}

function changesOf(transition: Transition, now: Date) {
	switch (transition) {
		case 'submit':
			return { status: 'in_review' as const, submittedAt: now };
		case 'reopen':
			return { status: 'draft' as const };
		case 'withdraw':
			return { status: 'withdrawn' as const };
		case 'renew': {
			// The later of the current expiry and a fresh runtime: a profile approved for longer
			// (up to MAX_PROFILE_RUNTIME_DAYS) is never shortened by renewing it.
			const fresh = new Date(now.getTime() + PROFILE_RUNTIME_DAYS * DAY_MS).toISOString();
			return {
				expiresAt: sql`greatest(${cooperationProfiles.expiresAt}, ${fresh}::timestamptz)`,
				expiryRemindedAt: null
			};
		}
	}
}

/**
 * Submits, reopens, withdraws or renews, if the profile is still in a state that allows it. A
 * renewed profile's matches are computed again and the matched organisations told, in the same
 * transaction.
 */
export async function changeProfileStatus(
	use: Use & { profile: ProfileRow; transition: Transition; now?: Date }
): Promise<{ ok: true; profile: ProfileRow } | TransitionFailure> {
	const { profile, transition } = use;
	const rule = transitions[transition];
	return (await db()).transaction(async (tx) => {
		const [changed] = await tx
			.update(cooperationProfiles)
			.set({ ...changesOf(transition, use.now ?? new Date()), updatedAt: sql`now()` })
			.where(
				and(
					eq(cooperationProfiles.networkId, profile.networkId),
					eq(cooperationProfiles.id, profile.id),
					inArray(cooperationProfiles.status, [...rule.from])
				)
			)
			.returning();
		if (!changed) return stale(tx, profile);
		if (transition === 'submit') {
			await afterSubmit(tx, use, changed);
			return { ok: true as const, profile: changed };
		}
		await recordStep(tx, changed, rule.step, use.actor);
		await audit(tx, use, changed, `profile_${rule.step}`, { from: profile.status });
		if (transition === 'renew') {
			await recordMatches(tx, changed.networkId, changed.id);
			await notifyMatches(tx, changed.networkId, changed.id);
		}
		return { ok: true as const, profile: changed };
	});
}
