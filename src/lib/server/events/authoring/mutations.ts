import { createHash } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { db, type Transaction } from '../../db/index.ts';
import {
	eventAttachments,
	eventQuestions,
	eventRegistrations,
	events,
	storedFiles
} from '../../db/schema/index.ts';
import { recordAudit, type AuditContext } from '../../audit/mutations.ts';
import { can } from '../../policy/policy.ts';
import type { Actor } from '../../policy/actor.ts';
import { eventResource } from '../scope.ts';
import { MAX_ATTACHMENT_BYTES, type QuestionInput } from '../schemas.ts';
import { safeFileName, sniffAttachment } from './files.ts';

/**
 * The event's registration questions and attachments, edited by whoever manages the event. Each
 * change locks the event row so two editors reorder or add in a well-defined order.
 */

export type EditResult =
	| { ok: true; id?: string }
	| {
			ok: false;
			reason:
				'NOT_FOUND' | 'NOT_ALLOWED' | 'HAS_ANSWERS' | 'EMPTY' | 'TOO_LARGE' | 'UNSUPPORTED' | 'TOO_MANY';
	  };

const MAX_QUESTIONS = 30;
const MAX_ATTACHMENTS = 20;

type Scope = { actor: Actor; eventId: string; context?: AuditContext };

async function lockManagedEvent(t: Transaction, { actor, eventId }: Scope) {
	const [row] = await t
		.select()
		.from(events)
		.where(and(eq(events.networkId, actor.networkId), eq(events.id, eventId)))
		.for('update');
	if (!row) return { ok: false as const, reason: 'NOT_FOUND' as const };
	if (!can(actor, 'event.manage', eventResource(row)))
		return { ok: false as const, reason: 'NOT_ALLOWED' as const };
	return { ok: true as const, event: row };
}

async function audit(t: Transaction, scope: Scope, action: string, details: Record<string, unknown>) {
	await recordAudit(
		{
			networkId: scope.actor.networkId,
			actor: scope.actor,
			action,
			targetType: 'event',
			targetId: scope.eventId,
			details,
			context: scope.context
		},
		t
	);
}

export async function addQuestion(scope: Scope, input: QuestionInput): Promise<EditResult> {
	return (await db()).transaction(async (t) => {
		const locked = await lockManagedEvent(t, scope);
		if (!locked.ok) return locked;
		const existing = await t
			.select({ position: eventQuestions.position })
			.from(eventQuestions)
			.where(
				and(eq(eventQuestions.networkId, scope.actor.networkId), eq(eventQuestions.eventId, scope.eventId))
			);
		if (existing.length >= MAX_QUESTIONS) return { ok: false as const, reason: 'TOO_MANY' as const };
		const position = existing.reduce((max, row) => Math.max(max, row.position + 1), 0);
		const [row] = await t
			.insert(eventQuestions)
			.values({ networkId: scope.actor.networkId, eventId: scope.eventId, position, ...input })
			.returning({ id: eventQuestions.id });
		await audit(t, scope, 'event.question_added', { questionId: row!.id, label: input.labelDe });
		return { ok: true as const, id: row!.id };
	});
}

async function answerCount(t: Transaction, eventId: string, questionId: string) {
	const [row] = await t
		.select({ count: sql<number>`count(*)::int` })
		.from(eventRegistrations)
		.where(
			and(eq(eventRegistrations.eventId, eventId), sql`${eventRegistrations.answers} ? ${questionId}::text`)
		);
	return Number(row?.count ?? 0);
}

async function findQuestion(t: Transaction, scope: Scope, questionId: string) {
	const [row] = await t
		.select()
		.from(eventQuestions)
		.where(
			and(
				eq(eventQuestions.networkId, scope.actor.networkId),
				eq(eventQuestions.eventId, scope.eventId),
				eq(eventQuestions.id, questionId)
			)
		);
	return row ?? null;
}

/** Changes a question's wording, options or requiredness; its kind only while nobody has answered. */
export async function updateQuestion(
	scope: Scope,
	questionId: string,
	input: QuestionInput
): Promise<EditResult> {
	return (await db()).transaction(async (t) => {
		const locked = await lockManagedEvent(t, scope);
		if (!locked.ok) return locked;
		const question = await findQuestion(t, scope, questionId);
		if (!question) return { ok: false as const, reason: 'NOT_FOUND' as const };
		if (question.kind !== input.kind && (await answerCount(t, scope.eventId, questionId)) > 0)
			return { ok: false as const, reason: 'HAS_ANSWERS' as const };
		await t.update(eventQuestions).set(input).where(eq(eventQuestions.id, questionId));
		await audit(t, scope, 'event.question_updated', { questionId, label: input.labelDe });
		return { ok: true as const, id: questionId };
	});
}

/** Removes a question; answers already given stay in the registrations but are no longer listed. */
export async function removeQuestion(scope: Scope, questionId: string): Promise<EditResult> {
	return (await db()).transaction(async (t) => {
		const locked = await lockManagedEvent(t, scope);
		if (!locked.ok) return locked;
		const question = await findQuestion(t, scope, questionId);
		if (!question) return { ok: false as const, reason: 'NOT_FOUND' as const };
		await t.delete(eventQuestions).where(eq(eventQuestions.id, questionId));
		await audit(t, scope, 'event.question_removed', { questionId, label: question.labelDe });
		return { ok: true as const };
	});
}

/** Moves a question one place up or down; positions are renumbered 0…n-1. */
export async function moveQuestion(
	scope: Scope,
	questionId: string,
	direction: 'up' | 'down'
): Promise<EditResult> {
	return (await db()).transaction(async (t) => {
		const locked = await lockManagedEvent(t, scope);
		if (!locked.ok) return locked;
		const ordered = await t
			.select({ id: eventQuestions.id })
			.from(eventQuestions)
			.where(
				and(eq(eventQuestions.networkId, scope.actor.networkId), eq(eventQuestions.eventId, scope.eventId))
			)
			.orderBy(asc(eventQuestions.position), asc(eventQuestions.id));
		const index = ordered.findIndex((row) => row.id === questionId);
		if (index < 0) return { ok: false as const, reason: 'NOT_FOUND' as const };
		const target = direction === 'up' ? index - 1 : index + 1;
		if (target >= 0 && target < ordered.length)
			[ordered[index], ordered[target]] = [ordered[target]!, ordered[index]!];
		for (const [position, row] of ordered.entries())
			await t.update(eventQuestions).set({ position }).where(eq(eventQuestions.id, row!.id));
		return { ok: true as const };
	});
}

/** Stores an uploaded file (PDF, PNG or JPEG by its content, at most 10 MB) as an attachment. */
export async function addAttachment(
	scope: Scope,
	file: { name: string; bytes: Uint8Array }
): Promise<EditResult> {
	if (file.bytes.length === 0) return { ok: false, reason: 'EMPTY' };
	if (file.bytes.length > MAX_ATTACHMENT_BYTES) return { ok: false, reason: 'TOO_LARGE' };
	const type = sniffAttachment(file.bytes);
	if (!type) return { ok: false, reason: 'UNSUPPORTED' };
	const fileName = safeFileName(file.name, type);
	return (await db()).transaction(async (t) => {
		const locked = await lockManagedEvent(t, scope);
		if (!locked.ok) return locked;
		const existing = await t
			.select({ position: eventAttachments.position })
			.from(eventAttachments)
			.where(
				and(
					eq(eventAttachments.networkId, scope.actor.networkId),
					eq(eventAttachments.eventId, scope.eventId)
				)
			);
		if (existing.length >= MAX_ATTACHMENTS) return { ok: false as const, reason: 'TOO_MANY' as const };
		const [stored] = await t
			.insert(storedFiles)
			.values({
				networkId: scope.actor.networkId,
				purpose: 'event_attachment',
				contentType: type,
				byteSize: file.bytes.length,
				sha256: createHash('sha256').update(file.bytes).digest('hex'),
				content: Buffer.from(file.bytes),
				createdBy: scope.actor.userId
			})
			.returning({ id: storedFiles.id });
		const [row] = await t
			.insert(eventAttachments)
			.values({
				networkId: scope.actor.networkId,
				eventId: scope.eventId,
				fileId: stored!.id,
				fileName,
				position: existing.reduce((max, r) => Math.max(max, r.position + 1), 0)
			})
			.returning({ id: eventAttachments.id });
		await audit(t, scope, 'event.attachment_added', { attachmentId: row!.id, fileName, contentType: type });
		return { ok: true as const, id: row!.id };
	});
}

export async function removeAttachment(scope: Scope, attachmentId: string): Promise<EditResult> {
	return (await db()).transaction(async (t) => {
		const locked = await lockManagedEvent(t, scope);
		if (!locked.ok) return locked;
		const [row] = await t
			.delete(eventAttachments)
			.where(
				and(
					eq(eventAttachments.networkId, scope.actor.networkId),
					eq(eventAttachments.eventId, scope.eventId),
					eq(eventAttachments.id, attachmentId)
				)
			)
			.returning({ fileId: eventAttachments.fileId, fileName: eventAttachments.fileName });
		if (!row) return { ok: false as const, reason: 'NOT_FOUND' as const };
		await t
			.delete(storedFiles)
			.where(and(eq(storedFiles.networkId, scope.actor.networkId), eq(storedFiles.id, row.fileId)));
		await audit(t, scope, 'event.attachment_removed', { attachmentId, fileName: row.fileName });
		return { ok: true as const };
	});
}
