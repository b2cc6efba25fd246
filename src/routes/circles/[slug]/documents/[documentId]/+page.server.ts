import { redirect } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { notFound } from '#lib/server/guard.ts';
import { auditContext, isUuid } from '#lib/server/office/params.ts';
import { can } from '#lib/server/policy/policy.ts';
import { requireCircle } from '#lib/server/circles/guard.ts';
import { circleResource } from '#lib/server/circles/scope.ts';
import { findCircleDocument, listCircleFolders } from '#lib/server/circles/documents/queries.ts';
import {
	addCircleDocumentVersion,
	deleteCircleDocument,
	markCircleDocumentSeen
} from '#lib/server/circles/documents/mutations.ts';
import { DOCUMENT_ACCEPT, DOCUMENT_UPLOAD_LIMIT_BYTES } from '#lib/server/circles/documents/files.ts';
import {
	fieldFailure,
	parseFields,
	readUploadedFile,
	uploadErrorMessage,
	uploadFields,
	uploadLimitText
} from '#lib/server/circles/documents/form.ts';
import {
	documentTypeLabel,
	folderTrail,
	formatByteSize,
	formatDocumentDate
} from '#lib/server/circles/documents/present.ts';

type Params = { slug: string; documentId: string };

/** The document's id from the URL: malformed ids are a 404 before they reach the database. */
function documentIdOf(params: Partial<Params>): string {
	if (!isUuid(params.documentId)) notFound();
	return params.documentId;
}

/** One document with all its versions; a new version, or deleting it. */
export const load = async (event) => {
	const circle = await requireCircle(event, 'circle.read');
	const { actor, locale } = event.locals;
	const document = await findCircleDocument(circle.networkId, circle.id, documentIdOf(event.params));
	if (!document) notFound();
	if (actor.userId) await markCircleDocumentSeen(circle.networkId, actor.userId, document.id);
	const folders = await listCircleFolders(circle.networkId, circle.id);
	const current = document.versions[0]!;
	const unknown = m.circle_documents_unknown_person({}, { locale });
	return {
		document: {
			id: document.id,
			name: document.name,
			version: document.currentVersion,
			type: documentTypeLabel(current.contentType, locale),
			size: formatByteSize(current.byteSize, locale)
		},
		trail: folderTrail(folders, document.folderId).map(({ id, name }) => ({ id, name })),
		versions: document.versions.map((version) => ({
			version: version.version,
			fileName: version.fileName,
			type: documentTypeLabel(version.contentType, locale),
			size: formatByteSize(version.byteSize, locale),
			note: version.note,
			uploader: version.uploaderName ?? unknown,
			date: formatDocumentDate(version.createdAt, locale),
			isoDate: version.createdAt.toISOString()
		})),
		canContribute: can(actor, 'circle.contribute', circleResource(circle)),
		canDelete: can(actor, 'circle.post.delete', circleResource(circle, document.createdBy)),
		upload: {
			accept: DOCUMENT_ACCEPT,
			limitBytes: DOCUMENT_UPLOAD_LIMIT_BYTES,
			limitText: uploadLimitText(locale)
		}
	};
};

export const actions = {
	upload: async (event) => {
		const circle = await requireCircle(event, 'circle.contribute');
		const documentId = documentIdOf(event.params);
		const { locals } = event;
		const form = await event.request.formData();
		const parsed = parseFields(uploadFields, form, 'upload', locals.locale);
		if (!parsed.ok) return parsed.failure;
		const file = await readUploadedFile(form);
		if (!file || 'tooLarge' in file)
			return fieldFailure(
				'upload',
				'file',
				uploadErrorMessage(file ? 'TOO_LARGE' : 'EMPTY', locals.locale),
				form
			);
		const result = await addCircleDocumentVersion({
			actor: locals.actor,
			circle,
			documentId,
			fileName: file.name,
			bytes: file.bytes,
			note: parsed.data.note,
			context: auditContext(event)
		});
		if (!result.ok) {
			if (result.reason === 'NOT_FOUND') notFound();
			return fieldFailure('upload', 'file', uploadErrorMessage(result.reason, locals.locale), form);
		}
		return {
			target: 'upload',
			success: m.circle_documents_version_uploaded(
				{ version: result.version, name: result.name },
				{ locale: locals.locale }
			)
		};
	},

	delete: async (event) => {
		const circle = await requireCircle(event, 'circle.read');
		const documentId = documentIdOf(event.params);
		const { locals } = event;
		const result = await deleteCircleDocument({
			actor: locals.actor,
			circle,
			documentId,
			context: auditContext(event)
		});
		if (!result.ok) {
			if (result.reason === 'NOT_FOUND') notFound();
			return fieldFailure(
				'delete',
				'_form',
				m.circle_documents_error_not_allowed({}, { locale: locals.locale }),
				undefined,
				403
			);
		}
		const folder = result.folderId ? `?folder=${result.folderId}` : '';
		redirect(303, `/circles/${circle.slug}/documents${folder}`);
	}
};
