import { and, eq, inArray, notInArray } from 'drizzle-orm';
import { db, type DatabaseOrTransaction } from '../db/index.ts';
import { circleMemberships, circles, networkRoleAssignments } from '../db/schema/index.ts';
import { recordAudit, type AuditContext } from '../audit/mutations.ts';
import type { Actor } from '../policy/actor.ts';
import { isUniqueViolation } from '../errors.ts';
import { DEFAULT_NOTIFICATION_MODE } from '../../circles/vocabulary.ts';
import type { CircleSettings } from './schemas.ts';

/** The office's circle administration: create and edit, each one transaction. */

export type CircleAdminChange = {
	actor: Pick<Actor, 'userId' | 'email'>;
	networkId: string;
	context?: AuditContext;
};

export type CircleAdminResult =
	| { ok: true; id: string; slug: string }
	| { ok: false; reason: 'SLUG_TAKEN' | 'LEAD_NOT_ELIGIBLE' | 'LEADS_REQUIRED' | 'NOT_FOUND' };

type AdminFailure = Extract<CircleAdminResult, { ok: false }>['reason'];

/** Thrown inside the transaction to roll it back; becomes the refused outcome. */
class Refusal extends Error {
	readonly reason: AdminFailure;
	constructor(reason: AdminFailure) {
		super(reason);
		this.reason = reason;
	}
}

/** Runs the work; a refusal (or the slug's unique index) rolls everything back into an outcome. */
async function run(work: (tx: DatabaseOrTransaction) => Promise<{ id: string; slug: string }>) {
	try {
		const row = await (await db()).transaction(work);
		return { ok: true as const, ...row };
	} catch (error) {
		if (error instanceof Refusal) return { ok: false as const, reason: error.reason };
		if (isUniqueViolation(error)) return { ok: false as const, reason: 'SLUG_TAKEN' as const };
		throw error;
	}
}

/** Leads must be member persons of this network (role member or partner). */
async function checkLeads(tx: DatabaseOrTransaction, networkId: string, leadIds: string[]) {
	if (leadIds.length === 0) return;
	const rows = await tx
		.selectDistinct({ userId: networkRoleAssignments.userId })
		.from(networkRoleAssignments)
		.where(
			and(
				eq(networkRoleAssignments.networkId, networkId),
				inArray(networkRoleAssignments.userId, leadIds),
				inArray(networkRoleAssignments.role, ['member', 'partner'])
			)
		);
	if (rows.length !== leadIds.length) throw new Refusal('LEAD_NOT_ELIGIBLE');
}

async function slugTaken(tx: DatabaseOrTransaction, networkId: string, slug: string, exceptId?: string) {
	const [row] = await tx
		.select({ id: circles.id })
		.from(circles)
		.where(and(eq(circles.networkId, networkId), eq(circles.slug, slug)))
		.limit(1);
	return !!row && row.id !== exceptId;
}

/** Makes these people leads: new members come in as leads, members are promoted. */
async function appointLeads(
	tx: DatabaseOrTransaction,
	networkId: string,
	circleId: string,
	leadIds: string[]
) {
	if (leadIds.length === 0) return;
	await tx
		.insert(circleMemberships)
		.values(
			leadIds.map((userId) => ({
				networkId,
				circleId,
				userId,
				role: 'lead' as const,
				notificationMode: DEFAULT_NOTIFICATION_MODE
			}))
		)
		.onConflictDoUpdate({
			target: [circleMemberships.circleId, circleMemberships.userId],
			set: { role: 'lead' }
		});
}

const fields = (settings: CircleSettings) => ({
	slug: settings.slug,
	nameDe: settings.nameDe,
	nameEn: settings.nameEn,
	descriptionDe: settings.descriptionDe,
	descriptionEn: settings.descriptionEn,
	joinPolicy: settings.joinPolicy,
	confidential: settings.confidential
});

export async function createCircle(
	change: CircleAdminChange & { settings: CircleSettings }
): Promise<CircleAdminResult> {
	const { networkId, settings } = change;
	return run(async (tx) => {
		// Checked first so the usual case is an outcome; the unique index still decides races.
		if (await slugTaken(tx, networkId, settings.slug)) throw new Refusal('SLUG_TAKEN');
		await checkLeads(tx, networkId, settings.leadIds);
		const [row] = await tx
			.insert(circles)
			.values({ networkId, ...fields(settings) })
			.returning({ id: circles.id, slug: circles.slug });
		await appointLeads(tx, networkId, row!.id, settings.leadIds);
		await recordAudit(
			{
				networkId,
				actor: change.actor,
				action: 'circle.created',
				targetType: 'circle',
				targetId: row!.id,
				details: { ...fields(settings), leadIds: settings.leadIds },
				context: change.context
			},
			tx
		);
		return row!;
	});
}

/**
 * Saves a circle's settings and its leads: people added become leads, leads left out become
 * members. A circle that has leads keeps at least one.
 */
export async function updateCircle(
	change: CircleAdminChange & { circleId: string; settings: CircleSettings }
): Promise<CircleAdminResult> {
	const { networkId, settings, circleId } = change;
	return run(async (tx) => {
		const [current] = await tx
			.select()
			.from(circles)
			.where(and(eq(circles.networkId, networkId), eq(circles.id, circleId)))
			.for('update');
		if (!current) throw new Refusal('NOT_FOUND');
		if (await slugTaken(tx, networkId, settings.slug, circleId)) throw new Refusal('SLUG_TAKEN');
		await checkLeads(tx, networkId, settings.leadIds);
		const leadsBefore = await tx
			.select({ userId: circleMemberships.userId })
			.from(circleMemberships)
			.where(and(eq(circleMemberships.circleId, circleId), eq(circleMemberships.role, 'lead')));
		if (leadsBefore.length > 0 && settings.leadIds.length === 0) throw new Refusal('LEADS_REQUIRED');
		await tx
			.update(circles)
			.set({ ...fields(settings), updatedAt: new Date() })
			.where(eq(circles.id, circleId));
		await appointLeads(tx, networkId, circleId, settings.leadIds);
		await tx
			.update(circleMemberships)
			.set({ role: 'member' })
			.where(
				and(
					eq(circleMemberships.circleId, circleId),
					eq(circleMemberships.role, 'lead'),
					settings.leadIds.length ? notInArray(circleMemberships.userId, settings.leadIds) : undefined
				)
			);
		await recordAudit(
			{
				networkId,
				actor: change.actor,
				action: 'circle.updated',
				targetType: 'circle',
				targetId: circleId,
				details: {
					before: fields({ ...current, leadIds: [] }),
					after: fields(settings),
					leadsBefore: leadsBefore.map((row) => row.userId),
					leadsAfter: settings.leadIds
				},
				context: change.context
			},
			tx
		);
		return { id: circleId, slug: settings.slug };
	});
}
