import { createHash } from 'node:crypto';
import { and, count, eq, inArray } from 'drizzle-orm';
import { db, type DatabaseOrTransaction } from '../../../db/index.ts';
import { cooperationAttachments, cooperationProfiles, storedFiles } from '../../../db/schema/index.ts';
import { recordAudit, type AuditContext } from '../../../audit/mutations.ts';
import type { Actor } from '../../../policy/actor.ts';
import { documentFileName, sniffDocument } from '../../../circles/documents/files.ts';
import { MAX_ATTACHMENTS, MAX_ATTACHMENT_BYTES } from '../../../../cooperation/vocabulary.ts';
import type { ProfileRow } from '../../scope.ts';
import { editableStatuses } from '../../../../components/cooperation/authoring/transitions.ts';

/*
 * A profile's attachments. They are part of what the office reviews, so they change only while
 * the text may change (draft, changes requested). The type is recognised by the bytes (the circle
 * documents' sniffing: PDF, images, Office, OpenDocument, text), never by the name.
 */

type Use = { actor: Actor; profile: ProfileRow; context?: AuditContext };

export type AttachmentFailure = {
	ok: false;
	reason: 'EMPTY' | 'TOO_LARGE' | 'TYPE' | 'TOO_MANY' | 'NOT_EDITABLE' | 'NOT_FOUND';
};

/** Locks the profile row while it is editable: concurrent uploads are counted one after another. */
async function lockEditable(tx: DatabaseOrTransaction, profile: ProfileRow) {
	const [row] = await tx
		.select({ id: cooperationProfiles.id })
		.from(cooperationProfiles)
		.where(
			and(
				eq(cooperationProfiles.networkId, profile.networkId),
				eq(cooperationProfiles.id, profile.id),
				inArray(cooperationProfiles.status, [...editableStatuses])
			)
		)
		.for('update');
	return !!row;
}

async function audit(tx: DatabaseOrTransaction, use: Use, action: string, details: Record<string, unknown>) {
	await recordAudit(
		{
			networkId: use.profile.networkId,
			actor: use.actor,
			action: `cooperation.${action}`,
			targetType: 'cooperation_profile',
			targetId: use.profile.id,
			details,
			context: use.context
		},
		tx
	);
}

export async function addProfileAttachment(
	use: Use & { fileName: string; bytes: Uint8Array }
): Promise<{ ok: true; attachmentId: string; name: string } | AttachmentFailure> {
	const { bytes, profile } = use;
	if (bytes.length === 0) return { ok: false, reason: 'EMPTY' };
	if (bytes.length > MAX_ATTACHMENT_BYTES) return { ok: false, reason: 'TOO_LARGE' };
	const type = sniffDocument(bytes, use.fileName);
	if (!type) return { ok: false, reason: 'TYPE' };
	const name = documentFileName(use.fileName, type);
	return (await db()).transaction(async (tx) => {
		if (!(await lockEditable(tx, profile))) return { ok: false as const, reason: 'NOT_EDITABLE' as const };
		const [existing] = await tx
			.select({ n: count() })
			.from(cooperationAttachments)
			.where(
				and(
					eq(cooperationAttachments.networkId, profile.networkId),
					eq(cooperationAttachments.profileId, profile.id)
				)
			);
		if ((existing?.n ?? 0) >= MAX_ATTACHMENTS) return { ok: false as const, reason: 'TOO_MANY' as const };
		const [stored] = await tx
			.insert(storedFiles)
			.values({
				networkId: profile.networkId,
				purpose: 'cooperation_attachment',
				contentType: type.contentType,
				byteSize: bytes.length,
				sha256: createHash('sha256').update(bytes).digest('hex'),
				content: Buffer.from(bytes),
				createdBy: use.actor.userId
			})
			.returning({ id: storedFiles.id });
		const [attachment] = await tx
			.insert(cooperationAttachments)
			.values({
				networkId: profile.networkId,
				profileId: profile.id,
				fileId: stored!.id,
				fileName: name,
				contentType: type.contentType,
				byteSize: bytes.length,
				createdBy: use.actor.userId
			})
			.returning({ id: cooperationAttachments.id });
		await audit(tx, use, 'attachment_uploaded', {
			attachmentId: attachment!.id,
			fileName: name,
			contentType: type.contentType,
			byteSize: bytes.length
		});
		return { ok: true as const, attachmentId: attachment!.id, name };
	});
}

/** Removes an attachment of this profile (another profile's id: NOT_FOUND) with its bytes. */
export async function deleteProfileAttachment(
	use: Use & { attachmentId: string }
): Promise<{ ok: true } | AttachmentFailure> {
	const { profile } = use;
	return (await db()).transaction(async (tx) => {
		if (!(await lockEditable(tx, profile))) return { ok: false as const, reason: 'NOT_EDITABLE' as const };
		const [removed] = await tx
			.delete(cooperationAttachments)
			.where(
				and(
					eq(cooperationAttachments.networkId, profile.networkId),
					eq(cooperationAttachments.profileId, profile.id),
					eq(cooperationAttachments.id, use.attachmentId)
				)
			)
			.returning();
		if (!removed) return { ok: false as const, reason: 'NOT_FOUND' as const };
		await tx
			.delete(storedFiles)
			.where(and(eq(storedFiles.networkId, profile.networkId), eq(storedFiles.id, removed.fileId)));
		await audit(tx, use, 'attachment_deleted', { attachmentId: removed.id, fileName: removed.fileName });
		return { ok: true as const };
	});
}
