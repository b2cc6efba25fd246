import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { db, type DatabaseOrTransaction, type Transaction } from '../../db/index.ts';
import {
	circleActionItems,
	circleAgendaAttachments,
	circleAgendaItems,
	circleDocuments,
	circleMemberships,
	circleMinutes,
	events,
	user
} from '../../db/schema/index.ts';
import type { Actor } from '../../policy/actor.ts';
import { can } from '../../policy/policy.ts';
import { recordAudit, type AuditContext } from '../../audit/mutations.ts';
import { findMailNetwork } from '../../networks/queries.ts';
import type { EventRow } from '../../events/scope.ts';
import { markCircleActivitySeen, recordCircleActivity } from '../activity.ts';
import { circleResource, type CircleRow } from '../scope.ts';
import type { ActionItemStatus } from '../../../circles/vocabulary.ts';
import type { AgendaItemInput, MinutesInput } from './schemas.ts';
import { actionsPath, meetingPath, queueMinutesMail } from './mails.ts';

/**
 * Writes of the circle meetings, one transaction per use case. Every write re-checks that the
 * meeting, agenda item, document or action item belongs to this circle (network and circle in
 * the where clause), and that the actor may do it: routes check too, this is the second lock.
 */

type LeadInput = { actor: Actor; circle: CircleRow; context?: AuditContext };
/** One member per reason, so checking `reason` narrows the result. */
type Failure<R extends string> = R extends string ? { ok: false; reason: R } : never;

const leads = (actor: Actor, circle: CircleRow) => can(actor, 'circle.lead', circleResource(circle));

/** Locks the meeting's row (agenda changes of one meeting run one after the other); false if not this circle's. */
async function lockMeeting(tx: Transaction, circle: CircleRow, eventId: string) {
	const [row] = await tx
		.select({ id: events.id })
		.from(events)
		.where(
			and(
				eq(events.id, eventId),
				eq(events.networkId, circle.networkId),
				eq(events.organiserKind, 'circle'),
				eq(events.organiserCircleId, circle.id)
			)
		)
		.for('update');
	return !!row;
}

async function membersAmong(tx: DatabaseOrTransaction, circle: CircleRow, userIds: string[]) {
	if (userIds.length === 0) return new Set<string>();
	const rows = await tx
		.select({ userId: circleMemberships.userId })
		.from(circleMemberships)
		.where(
			and(
				eq(circleMemberships.networkId, circle.networkId),
				eq(circleMemberships.circleId, circle.id),
				inArray(circleMemberships.userId, userIds)
			)
		);
	return new Set(rows.map((row) => row.userId));
}

const agendaItemOf = (circle: CircleRow, eventId: string, itemId: string) =>
	and(
		eq(circleAgendaItems.id, itemId),
		eq(circleAgendaItems.networkId, circle.networkId),
		eq(circleAgendaItems.circleId, circle.id),
		eq(circleAgendaItems.eventId, eventId)
	);

/** Positions 1..n in the current order, in the caller's transaction. */
async function renumberAgenda(tx: Transaction, circle: CircleRow, eventId: string, orderedIds?: string[]) {
	const ids =
		orderedIds ??
		(
			await tx
				.select({ id: circleAgendaItems.id })
				.from(circleAgendaItems)
				.where(
					and(
						eq(circleAgendaItems.networkId, circle.networkId),
						eq(circleAgendaItems.circleId, circle.id),
						eq(circleAgendaItems.eventId, eventId)
					)
				)
				.orderBy(asc(circleAgendaItems.position), asc(circleAgendaItems.createdAt), asc(circleAgendaItems.id))
		).map((row) => row.id);
	for (const [index, id] of ids.entries())
		await tx
			.update(circleAgendaItems)
			.set({ position: index + 1 })
			.where(and(eq(circleAgendaItems.id, id), sql`${circleAgendaItems.position} <> ${index + 1}`));
}

/** A member as presenter (checked), or a guest's name, or nobody. */
async function presenterOf(tx: Transaction, circle: CircleRow, values: AgendaItemInput) {
	if (values.presenterUserId) {
		const members = await membersAmong(tx, circle, [values.presenterUserId]);
		if (!members.has(values.presenterUserId)) return null;
		return { presenterUserId: values.presenterUserId, presenterName: '' };
	}
	return { presenterUserId: null, presenterName: values.presenterName ?? '' };
}

export type AgendaResult =
	{ ok: true; itemId: string } | Failure<'FORBIDDEN' | 'NOT_FOUND' | 'INVALID_PRESENTER'>;

export async function createAgendaItem(
	input: LeadInput & { eventId: string; values: AgendaItemInput }
): Promise<AgendaResult> {
	const { actor, circle, eventId, values } = input;
	if (!leads(actor, circle)) return { ok: false, reason: 'FORBIDDEN' };
	return (await db()).transaction(async (tx) => {
		if (!(await lockMeeting(tx, circle, eventId))) return { ok: false, reason: 'NOT_FOUND' } as const;
		const presenter = await presenterOf(tx, circle, values);
		if (!presenter) return { ok: false, reason: 'INVALID_PRESENTER' } as const;
		const [last] = await tx
			.select({ position: sql<number>`coalesce(max(${circleAgendaItems.position}), 0)::int` })
			.from(circleAgendaItems)
			.where(and(eq(circleAgendaItems.circleId, circle.id), eq(circleAgendaItems.eventId, eventId)));
		const [row] = await tx
			.insert(circleAgendaItems)
			.values({
				networkId: circle.networkId,
				circleId: circle.id,
				eventId,
				position: Number(last?.position ?? 0) + 1,
				title: values.title,
				notes: values.notes ?? '',
				durationMinutes: values.durationMinutes ?? null,
				...presenter
			})
			.returning({ id: circleAgendaItems.id });
		await recordAudit(
			{
				networkId: circle.networkId,
				actor,
				action: 'circle.agenda_item.created',
				targetType: 'circle_agenda_item',
				targetId: row!.id,
				details: { circleId: circle.id, eventId },
				context: input.context
			},
			tx
		);
		return { ok: true, itemId: row!.id } as const;
	});
}

export async function updateAgendaItem(
	input: LeadInput & { eventId: string; itemId: string; values: AgendaItemInput }
): Promise<AgendaResult> {
	const { actor, circle, eventId, itemId, values } = input;
	if (!leads(actor, circle)) return { ok: false, reason: 'FORBIDDEN' };
	return (await db()).transaction(async (tx) => {
		if (!(await lockMeeting(tx, circle, eventId))) return { ok: false, reason: 'NOT_FOUND' } as const;
		const presenter = await presenterOf(tx, circle, values);
		if (!presenter) return { ok: false, reason: 'INVALID_PRESENTER' } as const;
		const [row] = await tx
			.update(circleAgendaItems)
			.set({
				title: values.title,
				notes: values.notes ?? '',
				durationMinutes: values.durationMinutes ?? null,
				...presenter,
				updatedAt: sql`now()`
			})
			.where(agendaItemOf(circle, eventId, itemId))
			.returning({ id: circleAgendaItems.id });
		if (!row) return { ok: false, reason: 'NOT_FOUND' } as const;
		await recordAudit(
			{
				networkId: circle.networkId,
				actor,
				action: 'circle.agenda_item.updated',
				targetType: 'circle_agenda_item',
				targetId: itemId,
				details: { circleId: circle.id, eventId },
				context: input.context
			},
			tx
		);
		return { ok: true, itemId } as const;
	});
}

export async function deleteAgendaItem(
	input: LeadInput & { eventId: string; itemId: string }
): Promise<AgendaResult> {
	const { actor, circle, eventId, itemId } = input;
	if (!leads(actor, circle)) return { ok: false, reason: 'FORBIDDEN' };
	return (await db()).transaction(async (tx) => {
		if (!(await lockMeeting(tx, circle, eventId))) return { ok: false, reason: 'NOT_FOUND' } as const;
		const [row] = await tx
			.delete(circleAgendaItems)
			.where(agendaItemOf(circle, eventId, itemId))
			.returning({ id: circleAgendaItems.id, title: circleAgendaItems.title });
		if (!row) return { ok: false, reason: 'NOT_FOUND' } as const;
		await renumberAgenda(tx, circle, eventId);
		await recordAudit(
			{
				networkId: circle.networkId,
				actor,
				action: 'circle.agenda_item.deleted',
				targetType: 'circle_agenda_item',
				targetId: itemId,
				details: { circleId: circle.id, eventId, title: row.title },
				context: input.context
			},
			tx
		);
		return { ok: true, itemId } as const;
	});
}

/** Moves an item one place up or down; all positions are renumbered 1..n in the same transaction. */
export async function moveAgendaItem(
	input: LeadInput & { eventId: string; itemId: string; direction: 'up' | 'down' }
): Promise<AgendaResult> {
	const { actor, circle, eventId, itemId, direction } = input;
	if (!leads(actor, circle)) return { ok: false, reason: 'FORBIDDEN' };
	return (await db()).transaction(async (tx) => {
		if (!(await lockMeeting(tx, circle, eventId))) return { ok: false, reason: 'NOT_FOUND' } as const;
		const ids = (
			await tx
				.select({ id: circleAgendaItems.id })
				.from(circleAgendaItems)
				.where(
					and(
						eq(circleAgendaItems.networkId, circle.networkId),
						eq(circleAgendaItems.circleId, circle.id),
						eq(circleAgendaItems.eventId, eventId)
					)
				)
				.orderBy(asc(circleAgendaItems.position), asc(circleAgendaItems.createdAt), asc(circleAgendaItems.id))
		).map((row) => row.id);
		const index = ids.indexOf(itemId);
		if (index < 0) return { ok: false, reason: 'NOT_FOUND' } as const;
		const target = direction === 'up' ? index - 1 : index + 1;
		if (target >= 0 && target < ids.length) [ids[index], ids[target]] = [ids[target]!, ids[index]!];
		await renumberAgenda(tx, circle, eventId, ids);
		return { ok: true, itemId } as const;
	});
}

export type AttachResult = { ok: true } | Failure<'FORBIDDEN' | 'NOT_FOUND' | 'DOCUMENT_NOT_FOUND'>;

/** Attaches one of the circle's (not deleted) documents to an agenda item of this meeting. */
export async function attachAgendaDocument(
	input: LeadInput & { eventId: string; itemId: string; documentId: string }
): Promise<AttachResult> {
	const { actor, circle, eventId, itemId, documentId } = input;
	if (!leads(actor, circle)) return { ok: false, reason: 'FORBIDDEN' };
	return (await db()).transaction(async (tx) => {
		const [item] = await tx
			.select({ id: circleAgendaItems.id })
			.from(circleAgendaItems)
			.where(agendaItemOf(circle, eventId, itemId));
		if (!item) return { ok: false, reason: 'NOT_FOUND' } as const;
		const [document] = await tx
			.select({ id: circleDocuments.id })
			.from(circleDocuments)
			.where(
				and(
					eq(circleDocuments.id, documentId),
					eq(circleDocuments.networkId, circle.networkId),
					eq(circleDocuments.circleId, circle.id),
					isNull(circleDocuments.deletedAt)
				)
			);
		if (!document) return { ok: false, reason: 'DOCUMENT_NOT_FOUND' } as const;
		await tx
			.insert(circleAgendaAttachments)
			.values({ networkId: circle.networkId, agendaItemId: itemId, documentId })
			.onConflictDoNothing();
		await recordAudit(
			{
				networkId: circle.networkId,
				actor,
				action: 'circle.agenda_item.document_attached',
				targetType: 'circle_agenda_item',
				targetId: itemId,
				details: { circleId: circle.id, eventId, documentId },
				context: input.context
			},
			tx
		);
		return { ok: true } as const;
	});
}

export async function detachAgendaDocument(
	input: LeadInput & { eventId: string; itemId: string; documentId: string }
): Promise<AttachResult> {
	const { actor, circle, eventId, itemId, documentId } = input;
	if (!leads(actor, circle)) return { ok: false, reason: 'FORBIDDEN' };
	return (await db()).transaction(async (tx) => {
		const [item] = await tx
			.select({ id: circleAgendaItems.id })
			.from(circleAgendaItems)
			.where(agendaItemOf(circle, eventId, itemId));
		if (!item) return { ok: false, reason: 'NOT_FOUND' } as const;
		const removed = await tx
			.delete(circleAgendaAttachments)
			.where(
				and(
					eq(circleAgendaAttachments.agendaItemId, itemId),
					eq(circleAgendaAttachments.documentId, documentId)
				)
			)
			.returning({ documentId: circleAgendaAttachments.documentId });
		if (removed.length === 0) return { ok: false, reason: 'DOCUMENT_NOT_FOUND' } as const;
		await recordAudit(
			{
				networkId: circle.networkId,
				actor,
				action: 'circle.agenda_item.document_detached',
				targetType: 'circle_agenda_item',
				targetId: itemId,
				details: { circleId: circle.id, eventId, documentId },
				context: input.context
			},
			tx
		);
		return { ok: true } as const;
	});
}

export type SaveMinutesResult =
	| { ok: true; minutesId: string; approved: boolean; mailed: number }
	| Failure<'FORBIDDEN' | 'NOT_FOUND' | 'ITEM_NOT_FOUND'>
	| { ok: false; reason: 'INVALID_OWNER'; rows: number[] };

/**
 * Saves the minutes and their action items; with `approve`, approves them in the same transaction
 * (see approveInTransaction). Owners must be members of the circle; stored rows must belong to
 * these minutes. A changed due date or owner is reminded again. Items assigned after the approval
 * are announced at once; before it, the approval announces them.
 */
export async function saveMinutes(
	input: LeadInput & { event: EventRow; values: MinutesInput; approve?: boolean; origin: string }
): Promise<SaveMinutesResult> {
	const { actor, circle, event, values } = input;
	if (!leads(actor, circle)) return { ok: false, reason: 'FORBIDDEN' };
	return (await db()).transaction(async (tx) => {
		if (!(await lockMeeting(tx, circle, event.id))) return { ok: false, reason: 'NOT_FOUND' } as const;
		const [existing] = await tx
			.select()
			.from(circleMinutes)
			.where(and(eq(circleMinutes.eventId, event.id), eq(circleMinutes.circleId, circle.id)))
			.for('update');
		const stored = existing
			? await tx
					.select()
					.from(circleActionItems)
					.where(and(eq(circleActionItems.minutesId, existing.id), eq(circleActionItems.circleId, circle.id)))
			: [];
		const storedById = new Map(stored.map((item) => [item.id, item]));
		if (values.items.some((item) => item.id && !storedById.has(item.id)))
			return { ok: false, reason: 'ITEM_NOT_FOUND' } as const;
		const kept = values.items.filter((item) => !item.remove);
		const owners = await membersAmong(
			tx,
			circle,
			kept.flatMap((item) => (item.ownerUserId ? [item.ownerUserId] : []))
		);
		const invalid = values.items.flatMap((item, index) =>
			!item.remove && item.ownerUserId && !owners.has(item.ownerUserId) ? [index] : []
		);
		if (invalid.length) return { ok: false, reason: 'INVALID_OWNER', rows: invalid } as const;

		const [minutes] = existing
			? await tx
					.update(circleMinutes)
					.set({ body: values.body, updatedBy: actor.userId, updatedAt: sql`now()` })
					.where(eq(circleMinutes.id, existing.id))
					.returning()
			: await tx
					.insert(circleMinutes)
					.values({
						networkId: circle.networkId,
						circleId: circle.id,
						eventId: event.id,
						body: values.body,
						authorUserId: actor.userId,
						updatedBy: actor.userId
					})
					.returning();
		const minutesId = minutes!.id;
		const wasApproved = existing?.status === 'approved';
		const assigned: { id: string; title: string; ownerUserId: string }[] = [];
		for (const item of values.items) {
			const before = item.id ? storedById.get(item.id) : undefined;
			if (before && item.remove) {
				await tx.delete(circleActionItems).where(eq(circleActionItems.id, before.id));
				continue;
			}
			if (before) {
				const ownerChanged = before.ownerUserId !== item.ownerUserId;
				const dueChanged = before.dueOn !== item.dueOn;
				if (!ownerChanged && !dueChanged && before.title === item.title) continue;
				await tx
					.update(circleActionItems)
					.set({
						title: item.title,
						ownerUserId: item.ownerUserId,
						dueOn: item.dueOn,
						updatedAt: sql`now()`,
						...(ownerChanged || dueChanged ? { remindedAt: null } : {})
					})
					.where(eq(circleActionItems.id, before.id));
				if (ownerChanged && item.ownerUserId)
					assigned.push({ id: before.id, title: item.title, ownerUserId: item.ownerUserId });
				continue;
			}
			const [created] = await tx
				.insert(circleActionItems)
				.values({
					networkId: circle.networkId,
					circleId: circle.id,
					minutesId,
					eventId: event.id,
					title: item.title,
					ownerUserId: item.ownerUserId,
					dueOn: item.dueOn,
					createdBy: actor.userId
				})
				.returning({ id: circleActionItems.id });
			if (item.ownerUserId)
				assigned.push({ id: created!.id, title: item.title, ownerUserId: item.ownerUserId });
		}
		if (wasApproved) for (const item of assigned) await announceAssignment(tx, actor, circle, item);
		await recordAudit(
			{
				networkId: circle.networkId,
				actor,
				action: 'circle.minutes.saved',
				targetType: 'circle_minutes',
				targetId: minutesId,
				details: { circleId: circle.id, eventId: event.id, afterApproval: wasApproved },
				context: input.context
			},
			tx
		);
		// Approved minutes are never approved (and mailed) again: a save of them stays a save.
		const mailed =
			input.approve && !wasApproved ? await approveInTransaction(tx, { ...input, minutesId }) : null;
		return { ok: true, minutesId, approved: mailed !== null, mailed: mailed ?? 0 } as const;
	});
}

async function announceAssignment(
	tx: Transaction,
	actor: Actor,
	circle: CircleRow,
	item: { id: string; title: string; ownerUserId: string }
) {
	await recordCircleActivity(tx, {
		networkId: circle.networkId,
		circleId: circle.id,
		kind: 'action_item_assigned',
		subjectId: item.id,
		actorUserId: actor.userId,
		title: item.title,
		path: `${actionsPath(circle)}?filter=mine#item-${item.id}`,
		assignedUserIds: [item.ownerUserId]
	});
}

/**
 * Approves draft minutes and mails them: the conditional update on the status lets exactly one
 * approval through (a second click, a second lead); it queues one mail per member of the circle
 * in their language and sets sent_at, all in the caller's transaction. Null when already approved.
 */
async function approveInTransaction(
	tx: Transaction,
	input: LeadInput & { event: EventRow; minutesId: string; origin: string }
): Promise<number | null> {
	const { actor, circle, event, minutesId } = input;
	const [approved] = await tx
		.update(circleMinutes)
		.set({ status: 'approved', approvedBy: actor.userId, approvedAt: sql`now()`, updatedAt: sql`now()` })
		.where(
			and(
				eq(circleMinutes.id, minutesId),
				eq(circleMinutes.circleId, circle.id),
				eq(circleMinutes.status, 'draft')
			)
		)
		.returning();
	if (!approved) return null;
	const [members, items, network] = [
		await tx
			.select({
				userId: user.id,
				name: user.name,
				email: sql<string>`coalesce(nullif(${user.notificationEmail}, ''), ${user.email})`,
				locale: user.locale
			})
			.from(circleMemberships)
			.innerJoin(user, eq(user.id, circleMemberships.userId))
			.where(
				and(eq(circleMemberships.networkId, circle.networkId), eq(circleMemberships.circleId, circle.id))
			)
			.orderBy(asc(user.id)),
		await tx
			.select({
				id: circleActionItems.id,
				title: circleActionItems.title,
				ownerUserId: circleActionItems.ownerUserId,
				ownerName: user.name,
				dueOn: circleActionItems.dueOn
			})
			.from(circleActionItems)
			.leftJoin(user, eq(user.id, circleActionItems.ownerUserId))
			.where(and(eq(circleActionItems.minutesId, minutesId), eq(circleActionItems.circleId, circle.id)))
			.orderBy(sql`${circleActionItems.dueOn} asc nulls last`, asc(circleActionItems.createdAt)),
		await findMailNetwork(tx, circle.networkId)
	];
	// The approving lead's request says where the links point.
	const mailNetwork = { name: network.name, origin: input.origin };
	for (const recipient of members)
		await queueMinutesMail(tx, {
			circle,
			event,
			body: approved.body,
			actionItems: items,
			recipient,
			network: mailNetwork
		});
	await tx
		.update(circleMinutes)
		.set({ sentAt: sql`now()` })
		.where(eq(circleMinutes.id, minutesId));
	await recordCircleActivity(tx, {
		networkId: circle.networkId,
		circleId: circle.id,
		kind: 'minutes_approved',
		subjectId: minutesId,
		actorUserId: actor.userId,
		title: event.titleDe,
		path: `${meetingPath(circle, event.id)}#minutes`,
		notify: false
	});
	for (const item of items)
		if (item.ownerUserId)
			await announceAssignment(tx, actor, circle, {
				id: item.id,
				title: item.title,
				ownerUserId: item.ownerUserId
			});
	await recordAudit(
		{
			networkId: circle.networkId,
			actor,
			action: 'circle.minutes.approved',
			targetType: 'circle_minutes',
			targetId: minutesId,
			details: { circleId: circle.id, eventId: event.id, recipients: members.length },
			context: input.context
		},
		tx
	);
	return members.length;
}

/** Approves the stored draft as it is. */
export async function approveMinutes(
	input: LeadInput & { event: EventRow; origin: string }
): Promise<{ ok: true; mailed: number } | Failure<'FORBIDDEN' | 'NOT_FOUND' | 'ALREADY_APPROVED'>> {
	const { actor, circle, event } = input;
	if (!leads(actor, circle)) return { ok: false, reason: 'FORBIDDEN' };
	return (await db()).transaction(async (tx) => {
		if (!(await lockMeeting(tx, circle, event.id))) return { ok: false, reason: 'NOT_FOUND' } as const;
		const [minutes] = await tx
			.select({ id: circleMinutes.id })
			.from(circleMinutes)
			.where(and(eq(circleMinutes.eventId, event.id), eq(circleMinutes.circleId, circle.id)));
		if (!minutes) return { ok: false, reason: 'NOT_FOUND' } as const;
		const mailed = await approveInTransaction(tx, { ...input, minutesId: minutes.id });
		return mailed === null
			? ({ ok: false, reason: 'ALREADY_APPROVED' } as const)
			: ({ ok: true, mailed } as const);
	});
}

export type StatusResult = { ok: true; changed: boolean; title: string } | Failure<'NOT_FOUND' | 'FORBIDDEN'>;

/**
 * Sets an action item open, done or dropped: its owner, the circle's leads and the office
 * ('circle.action_item.update' with the owner as the resource's person). Audited.
 */
export async function setActionItemStatus(
	input: LeadInput & { itemId: string; status: ActionItemStatus }
): Promise<StatusResult> {
	const { actor, circle, itemId, status } = input;
	return (await db()).transaction(async (tx) => {
		const [item] = await tx
			.select()
			.from(circleActionItems)
			.where(
				and(
					eq(circleActionItems.id, itemId),
					eq(circleActionItems.networkId, circle.networkId),
					eq(circleActionItems.circleId, circle.id)
				)
			)
			.for('update');
		if (!item) return { ok: false, reason: 'NOT_FOUND' } as const;
		if (!can(actor, 'circle.action_item.update', circleResource(circle, item.ownerUserId)))
			return { ok: false, reason: 'FORBIDDEN' } as const;
		if (item.status === status) return { ok: true, changed: false, title: item.title } as const;
		const closing = status !== 'open';
		await tx
			.update(circleActionItems)
			.set({
				status,
				closedBy: closing ? actor.userId : null,
				closedAt: closing ? sql`now()` : null,
				updatedAt: sql`now()`
			})
			.where(eq(circleActionItems.id, item.id));
		await recordAudit(
			{
				networkId: circle.networkId,
				actor,
				action: 'circle.action_item.status_changed',
				targetType: 'circle_action_item',
				targetId: item.id,
				details: { circleId: circle.id, from: item.status, to: status },
				context: input.context
			},
			tx
		);
		return { ok: true, changed: true, title: item.title } as const;
	});
}

/** The person opened the meeting page: its minutes and action items count as seen. */
export async function markMeetingSeen(actor: Actor, subjectIds: string[]) {
	if (!actor.userId || subjectIds.length === 0) return;
	await markCircleActivitySeen(await db(), { networkId: actor.networkId, userId: actor.userId, subjectIds });
}
