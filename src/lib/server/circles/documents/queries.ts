import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { db } from '../../db/index.ts';
import {
	circleDocumentVersions,
	circleDocuments,
	circleFolders,
	storedFiles,
	user
} from '../../db/schema/index.ts';

/*
 * Every read is scoped by network and circle in its where clause: another circle's document or
 * folder id finds nothing (404), and deleted documents are gone for everyone.
 */

const liveDocument = (networkId: string, circleId: string) =>
	and(
		eq(circleDocuments.networkId, networkId),
		eq(circleDocuments.circleId, circleId),
		isNull(circleDocuments.deletedAt)
	);

/** The circle's documents (not deleted) with their current version's type and size, newest first. */
export async function listCircleDocuments(networkId: string, circleId: string) {
	const database = await db();
	return database
		.select({
			id: circleDocuments.id,
			name: circleDocuments.name,
			folderId: circleDocuments.folderId,
			currentVersion: circleDocuments.currentVersion,
			contentType: circleDocumentVersions.contentType,
			byteSize: circleDocumentVersions.byteSize,
			updatedAt: circleDocuments.updatedAt
		})
		.from(circleDocuments)
		.innerJoin(
			circleDocumentVersions,
			and(
				eq(circleDocumentVersions.documentId, circleDocuments.id),
				eq(circleDocumentVersions.version, circleDocuments.currentVersion)
			)
		)
		.where(liveDocument(networkId, circleId))
		.orderBy(desc(circleDocuments.updatedAt), asc(circleDocuments.name));
}

/** One folder's documents with who uploaded the current version, newest first. */
export async function listFolderDocuments(networkId: string, circleId: string, folderId: string | null) {
	const database = await db();
	return database
		.select({
			id: circleDocuments.id,
			name: circleDocuments.name,
			currentVersion: circleDocuments.currentVersion,
			createdBy: circleDocuments.createdBy,
			contentType: circleDocumentVersions.contentType,
			byteSize: circleDocumentVersions.byteSize,
			uploaderName: user.name,
			updatedAt: circleDocuments.updatedAt
		})
		.from(circleDocuments)
		.innerJoin(
			circleDocumentVersions,
			and(
				eq(circleDocumentVersions.documentId, circleDocuments.id),
				eq(circleDocumentVersions.version, circleDocuments.currentVersion)
			)
		)
		.leftJoin(user, eq(user.id, circleDocumentVersions.uploadedBy))
		.where(
			and(
				liveDocument(networkId, circleId),
				folderId ? eq(circleDocuments.folderId, folderId) : isNull(circleDocuments.folderId)
			)
		)
		.orderBy(desc(circleDocuments.updatedAt), asc(circleDocuments.name));
}

/** All folders of the circle (a circle has tens, not thousands): the page builds the tree. */
export async function listCircleFolders(networkId: string, circleId: string) {
	const database = await db();
	return database
		.select({ id: circleFolders.id, parentId: circleFolders.parentId, name: circleFolders.name })
		.from(circleFolders)
		.where(and(eq(circleFolders.networkId, networkId), eq(circleFolders.circleId, circleId)))
		.orderBy(asc(circleFolders.name));
}

/** A document of this circle (not deleted) with every version, newest first; or null. */
export async function findCircleDocument(networkId: string, circleId: string, documentId: string) {
	const database = await db();
	const [document] = await database
		.select({
			id: circleDocuments.id,
			name: circleDocuments.name,
			folderId: circleDocuments.folderId,
			currentVersion: circleDocuments.currentVersion,
			createdBy: circleDocuments.createdBy,
			createdAt: circleDocuments.createdAt,
			updatedAt: circleDocuments.updatedAt
		})
		.from(circleDocuments)
		.where(and(liveDocument(networkId, circleId), eq(circleDocuments.id, documentId)))
		.limit(1);
	if (!document) return null;
	const versions = await database
		.select({
			version: circleDocumentVersions.version,
			fileName: circleDocumentVersions.fileName,
			contentType: circleDocumentVersions.contentType,
			byteSize: circleDocumentVersions.byteSize,
			note: circleDocumentVersions.note,
			uploaderName: user.name,
			createdAt: circleDocumentVersions.createdAt
		})
		.from(circleDocumentVersions)
		.leftJoin(user, eq(user.id, circleDocumentVersions.uploadedBy))
		.where(
			and(eq(circleDocumentVersions.networkId, networkId), eq(circleDocumentVersions.documentId, document.id))
		)
		.orderBy(desc(circleDocumentVersions.version));
	return { ...document, versions };
}

/**
 * The bytes of one version (the current one when `version` is null) of a live document of this
 * circle, or null.
 */
export async function findDocumentFile(
	networkId: string,
	circleId: string,
	documentId: string,
	version: number | null
) {
	const database = await db();
	const [row] = await database
		.select({
			fileName: circleDocumentVersions.fileName,
			contentType: circleDocumentVersions.contentType,
			byteSize: storedFiles.byteSize,
			content: storedFiles.content
		})
		.from(circleDocuments)
		.innerJoin(
			circleDocumentVersions,
			and(
				eq(circleDocumentVersions.documentId, circleDocuments.id),
				eq(circleDocumentVersions.networkId, networkId),
				version === null
					? eq(circleDocumentVersions.version, circleDocuments.currentVersion)
					: eq(circleDocumentVersions.version, version)
			)
		)
		.innerJoin(
			storedFiles,
			and(eq(storedFiles.id, circleDocumentVersions.fileId), eq(storedFiles.networkId, networkId))
		)
		.where(and(liveDocument(networkId, circleId), eq(circleDocuments.id, documentId)))
		.limit(1);
	return row ?? null;
}
