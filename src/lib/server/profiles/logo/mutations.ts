import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { db, type Transaction } from '../../db/index.ts';
import { organisations, storedFiles } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { recordAudit, type AuditContext } from '../../audit/mutations.ts';
import { refreshSearchDocuments } from '../../directory/mutations.ts';
import { can } from '../../policy/policy.ts';
import type { Actor } from '../../policy/actor.ts';
import { sniffImage } from '../image.ts';
import { MAX_LOGO_BYTES } from '../schemas.ts';

export type LogoResult =
	| { ok: true; fileId: string | null }
	| { ok: false; reason: 'NOT_FOUND' | 'EMPTY' | 'TOO_LARGE' | 'SVG' | 'UNSUPPORTED' | 'DIMENSIONS' };

type LogoChange = { actor: Actor; networkId: string; organisationId: string; context?: AuditContext };

function assertMayEdit({ actor, networkId, organisationId }: LogoChange) {
	if (!can(actor, 'organisation.edit_profile', { networkId, organisationId })) {
		throw new AppError('FORBIDDEN', 'May not change this logo.');
	}
}

/** Locks the organisation's row, so two uploads cannot both delete the same old file. */
async function lockOrganisation(t: Transaction, change: LogoChange) {
	const [row] = await t
		.select({ logoFileId: organisations.logoFileId })
		.from(organisations)
		.where(and(eq(organisations.networkId, change.networkId), eq(organisations.id, change.organisationId)))
		.for('update');
	return row ?? null;
}

async function replaceLogo(
	t: Transaction,
	change: LogoChange,
	oldFileId: string | null,
	newFileId: string | null
) {
	await t
		.update(organisations)
		.set({ logoFileId: newFileId })
		.where(and(eq(organisations.networkId, change.networkId), eq(organisations.id, change.organisationId)));
	if (oldFileId) {
		await t
			.delete(storedFiles)
			.where(and(eq(storedFiles.networkId, change.networkId), eq(storedFiles.id, oldFileId)));
	}
	// The logo is not searchable today; refreshing keeps "every write refreshes" true when it becomes so.
	await refreshSearchDocuments(change.networkId, [change.organisationId], t);
}

/**
 * Stores a new logo under a server-generated id, after recognising it by its content (the
 * uploader's file name and declared type are ignored), and drops the previous file.
 */
export async function uploadLogo(change: LogoChange & { bytes: Uint8Array }): Promise<LogoResult> {
	assertMayEdit(change);
	const { bytes } = change;
	if (bytes.byteLength === 0) return { ok: false, reason: 'EMPTY' };
	if (bytes.byteLength > MAX_LOGO_BYTES) return { ok: false, reason: 'TOO_LARGE' };
	const sniffed = sniffImage(bytes);
	if (!sniffed.ok) return { ok: false, reason: sniffed.reason };
	const sha256 = createHash('sha256').update(bytes).digest('hex');
	return (await db()).transaction(async (t): Promise<LogoResult> => {
		const current = await lockOrganisation(t, change);
		if (!current) return { ok: false, reason: 'NOT_FOUND' };
		const fileId = crypto.randomUUID();
		await t.insert(storedFiles).values({
			id: fileId,
			networkId: change.networkId,
			purpose: 'logo',
			contentType: sniffed.image.type,
			byteSize: bytes.byteLength,
			sha256,
			content: bytes,
			createdBy: change.actor.userId
		});
		await replaceLogo(t, change, current.logoFileId, fileId);
		await recordAudit(
			{
				networkId: change.networkId,
				actor: change.actor,
				action: 'organisation.logo_uploaded',
				targetType: 'organisation',
				targetId: change.organisationId,
				details: {
					before: { logoFileId: current.logoFileId },
					after: { logoFileId: fileId },
					contentType: sniffed.image.type,
					byteSize: bytes.byteLength,
					width: sniffed.image.width,
					height: sniffed.image.height,
					sha256
				},
				context: change.context
			},
			t
		);
		return { ok: true, fileId };
	});
}

export async function removeLogo(change: LogoChange): Promise<LogoResult> {
	assertMayEdit(change);
	return (await db()).transaction(async (t): Promise<LogoResult> => {
		const current = await lockOrganisation(t, change);
		if (!current) return { ok: false, reason: 'NOT_FOUND' };
		if (!current.logoFileId) return { ok: true, fileId: null };
		await replaceLogo(t, change, current.logoFileId, null);
		await recordAudit(
			{
				networkId: change.networkId,
				actor: change.actor,
				action: 'organisation.logo_removed',
				targetType: 'organisation',
				targetId: change.organisationId,
				details: { before: { logoFileId: current.logoFileId }, after: { logoFileId: null } },
				context: change.context
			},
			t
		);
		return { ok: true, fileId: null };
	});
}
