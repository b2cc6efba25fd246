import { createHash } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { db, type Transaction } from '../../db/index.ts';
import {
	circleDocumentVersions,
	circleDocuments,
	circleFolders,
	storedFiles
} from '../../db/schema/index.ts';
import { recordAudit, type AuditContext } from '../../audit/mutations.ts';
import { isUniqueViolation } from '../../errors.ts';
import { can } from '../../policy/policy.ts';
import type { Actor } from '../../policy/actor.ts';
import { markCircleActivitySeen, recordCircleActivity } from '../activity.ts';
import { circleResource, type CircleRow } from '../scope.ts';
import { DOCUMENT_UPLOAD_LIMIT_BYTES, cleanFolderName, documentFileName, sniffDocument } from './files.ts';

/*
 * Writes of circle documents, one transaction per use case. Permission to contribute is checked by
 * the callers (route: requireCircle 'circle.contribute'; seed: none); deleting checks its own rule
 * because it depends on the document's uploader.
 */

type UploadInput = {
	actor: Actor;
	circle: CircleRow;
	fileName: string;
	bytes: Uint8Array;
	note?: string;
	context?: AuditContext;
};

export type UploadFailure = { ok: false; reason: 'EMPTY' | 'TOO_LARGE' | 'TYPE' };

const MAX_NOTE = 500;

/** Checks size and type; the display name and the row for stored_files. */
function prepareUpload(input: UploadInput) {
	if (input.bytes.length === 0) return { ok: false, reason: 'EMPTY' } as const;
	if (input.bytes.length > DOCUMENT_UPLOAD_LIMIT_BYTES) return { ok: false, reason: 'TOO_LARGE' } as const;
	const type = sniffDocument(input.bytes, input.fileName);
	if (!type) return { ok: false, reason: 'TYPE' } as const;
	return { ok: true, name: documentFileName(input.fileName, type), contentType: type.contentType } as const;
}

async function storeBytes(t: Transaction, input: UploadInput, contentType: string) {
	const [stored] = await t
		.insert(storedFiles)
		.values({
			networkId: input.circle.networkId,
			purpose: 'circle_document',
			contentType,
			byteSize: input.bytes.length,
			sha256: createHash('sha256').update(input.bytes).digest('hex'),
			content: Buffer.from(input.bytes),
			createdBy: input.actor.userId
		})
		.returning({ id: storedFiles.id });
	return stored!.id;
}

const documentPath = (circle: CircleRow, documentId: string) =>
	`/circles/${circle.slug}/documents/${documentId}`;

async function audit(
	t: Transaction,
	input: { actor: Actor; circle: CircleRow; context?: AuditContext },
	action: string,
	details: Record<string, unknown>
) {
	await recordAudit(
		{
			networkId: input.circle.networkId,
			actor: input.actor,
			action,
			targetType: 'circle',
			targetId: input.circle.id,
			details,
			context: input.context
		},
		t
	);
}

/** A new document (version 1) in the circle's root or in one of its folders. */
export async function createCircleDocument(
	input: UploadInput & { folderId: string | null }
): Promise<
	| { ok: true; documentId: string; versionId: string; name: string }
	| { ok: false; reason: 'EMPTY' | 'TOO_LARGE' | 'TYPE' | 'FOLDER_NOT_FOUND' }
> {
	const prepared = prepareUpload(input);
	if (!prepared.ok) return prepared;
	const { circle, actor } = input;
	return (await db()).transaction(async (t) => {
		if (input.folderId) {
			const [folder] = await t
				.select({ id: circleFolders.id })
				.from(circleFolders)
				.where(
					and(
						eq(circleFolders.networkId, circle.networkId),
						eq(circleFolders.circleId, circle.id),
						eq(circleFolders.id, input.folderId)
					)
				);
			if (!folder) return { ok: false as const, reason: 'FOLDER_NOT_FOUND' as const };
		}
		const fileId = await storeBytes(t, input, prepared.contentType);
		const [document] = await t
			.insert(circleDocuments)
			.values({
				networkId: circle.networkId,
				circleId: circle.id,
				folderId: input.folderId,
				name: prepared.name,
				currentVersion: 1,
				createdBy: actor.userId
			})
			.returning({ id: circleDocuments.id });
		const documentId = document!.id;
		const [version] = await t
			.insert(circleDocumentVersions)
			.values({
				networkId: circle.networkId,
				documentId,
				version: 1,
				fileId,
				fileName: prepared.name,
				contentType: prepared.contentType,
				byteSize: input.bytes.length,
				note: (input.note ?? '').trim().slice(0, MAX_NOTE),
				uploadedBy: actor.userId
			})
			.returning({ id: circleDocumentVersions.id });
		await recordCircleActivity(t, {
			networkId: circle.networkId,
			circleId: circle.id,
			kind: 'document_uploaded',
			subjectId: documentId,
			actorUserId: actor.userId,
			title: prepared.name,
			path: documentPath(circle, documentId)
		});
		await audit(t, input, 'circle.document_uploaded', {
			documentId,
			version: 1,
			fileName: prepared.name,
			contentType: prepared.contentType,
			byteSize: input.bytes.length
		});
		return { ok: true as const, documentId, versionId: version!.id, name: prepared.name };
	});
}

/** The next version of a live document of this circle; every earlier version stays downloadable. */
export async function addCircleDocumentVersion(
	input: UploadInput & { documentId: string }
): Promise<{ ok: true; version: number; name: string } | UploadFailure | { ok: false; reason: 'NOT_FOUND' }> {
	const prepared = prepareUpload(input);
	if (!prepared.ok) return prepared;
	const { circle, actor } = input;
	return (await db()).transaction(async (t) => {
		// The row lock orders concurrent uploads: each gets the next number.
		const [document] = await t
			.select({ id: circleDocuments.id, currentVersion: circleDocuments.currentVersion })
			.from(circleDocuments)
			.where(
				and(
					eq(circleDocuments.networkId, circle.networkId),
					eq(circleDocuments.circleId, circle.id),
					eq(circleDocuments.id, input.documentId),
					isNull(circleDocuments.deletedAt)
				)
			)
			.for('update');
		if (!document) return { ok: false as const, reason: 'NOT_FOUND' as const };
		const version = document.currentVersion + 1;
		const fileId = await storeBytes(t, input, prepared.contentType);
		await t.insert(circleDocumentVersions).values({
			networkId: circle.networkId,
			documentId: document.id,
			version,
			fileId,
			fileName: prepared.name,
			contentType: prepared.contentType,
			byteSize: input.bytes.length,
			note: (input.note ?? '').trim().slice(0, MAX_NOTE),
			uploadedBy: actor.userId
		});
		await t
			.update(circleDocuments)
			.set({ currentVersion: version, name: prepared.name, updatedAt: sql`now()` })
			.where(eq(circleDocuments.id, document.id));
		await recordCircleActivity(t, {
			networkId: circle.networkId,
			circleId: circle.id,
			kind: 'document_version',
			subjectId: document.id,
			actorUserId: actor.userId,
			title: prepared.name,
			path: documentPath(circle, document.id)
		});
		await audit(t, input, 'circle.document_version_uploaded', {
			documentId: document.id,
			version,
			fileName: prepared.name,
			contentType: prepared.contentType,
			byteSize: input.bytes.length
		});
		return { ok: true as const, version, name: prepared.name };
	});
}

/**
 * Deletes (softly) a document: its uploader, the circle's leads and the office — the same rule as
 * for posts ('circle.post.delete'). The versions stay in the database for the audit trail but are
 * no longer listed or downloadable.
 */
export async function deleteCircleDocument(input: {
	actor: Actor;
	circle: CircleRow;
	documentId: string;
	context?: AuditContext;
}): Promise<
	{ ok: true; name: string; folderId: string | null } | { ok: false; reason: 'NOT_FOUND' | 'NOT_ALLOWED' }
> {
	const { circle, actor } = input;
	return (await db()).transaction(async (t) => {
		const [document] = await t
			.select({
				id: circleDocuments.id,
				name: circleDocuments.name,
				folderId: circleDocuments.folderId,
				createdBy: circleDocuments.createdBy
			})
			.from(circleDocuments)
			.where(
				and(
					eq(circleDocuments.networkId, circle.networkId),
					eq(circleDocuments.circleId, circle.id),
					eq(circleDocuments.id, input.documentId),
					isNull(circleDocuments.deletedAt)
				)
			)
			.for('update');
		if (!document) return { ok: false as const, reason: 'NOT_FOUND' as const };
		if (!can(actor, 'circle.post.delete', circleResource(circle, document.createdBy)))
			return { ok: false as const, reason: 'NOT_ALLOWED' as const };
		await t
			.update(circleDocuments)
			.set({ deletedAt: sql`now()`, deletedBy: actor.userId })
			.where(eq(circleDocuments.id, document.id));
		await audit(t, input, 'circle.document_deleted', { documentId: document.id, fileName: document.name });
		return { ok: true as const, name: document.name, folderId: document.folderId };
	});
}

/** A folder in the circle's root or in one of its folders; names are unique per parent, ignoring case. */
export async function createCircleFolder(input: {
	actor: Actor;
	circle: CircleRow;
	parentId: string | null;
	name: string;
	context?: AuditContext;
}): Promise<
	| { ok: true; folderId: string; name: string }
	| { ok: false; reason: 'EMPTY' | 'PARENT_NOT_FOUND' | 'NAME_TAKEN' }
> {
	const name = cleanFolderName(input.name);
	if (!name) return { ok: false, reason: 'EMPTY' };
	const { circle } = input;
	try {
		return await (
			await db()
		).transaction(async (t) => {
			if (input.parentId) {
				const [parent] = await t
					.select({ id: circleFolders.id })
					.from(circleFolders)
					.where(
						and(
							eq(circleFolders.networkId, circle.networkId),
							eq(circleFolders.circleId, circle.id),
							eq(circleFolders.id, input.parentId)
						)
					);
				if (!parent) return { ok: false as const, reason: 'PARENT_NOT_FOUND' as const };
			}
			const [folder] = await t
				.insert(circleFolders)
				.values({
					networkId: circle.networkId,
					circleId: circle.id,
					parentId: input.parentId,
					name,
					createdBy: input.actor.userId
				})
				.returning({ id: circleFolders.id });
			await audit(t, input, 'circle.folder_created', { folderId: folder!.id, name });
			return { ok: true as const, folderId: folder!.id, name };
		});
	} catch (error) {
		// The unique index (circle, parent, lower(name)) decides races between two creators.
		if (isUniqueViolation(error)) return { ok: false, reason: 'NAME_TAKEN' };
		throw error;
	}
}

/** The person opened the document: its upload notifications stay out of their digest. */
export async function markCircleDocumentSeen(networkId: string, userId: string, documentId: string) {
	await markCircleActivitySeen(await db(), { networkId, userId, subjectIds: [documentId] });
}
