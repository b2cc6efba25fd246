import { m } from '#lib/paraglide/messages.js';
import { notFound } from '#lib/server/guard.ts';
import { auditContext, isUuid } from '#lib/server/office/params.ts';
import { can } from '#lib/server/policy/policy.ts';
import { requireCircle } from '#lib/server/circles/guard.ts';
import { circleResource } from '#lib/server/circles/scope.ts';
import { listCircleFolders, listFolderDocuments } from '#lib/server/circles/documents/queries.ts';
import {
	createCircleDocument,
	createCircleFolder,
	deleteCircleDocument
} from '#lib/server/circles/documents/mutations.ts';
import { DOCUMENT_ACCEPT, DOCUMENT_UPLOAD_LIMIT_BYTES } from '#lib/server/circles/documents/files.ts';
import {
	documentIdField,
	fieldFailure,
	folderFields,
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

/** The circle's documents, one folder at a time (`?folder=<id>`, the root without). */
export const load = async (event) => {
	const circle = await requireCircle(event, 'circle.read');
	const { actor, locale } = event.locals;
	const folderId = event.url.searchParams.get('folder');
	if (folderId !== null && !isUuid(folderId)) notFound();
	const folders = await listCircleFolders(circle.networkId, circle.id);
	const current = folderId ? folders.find((folder) => folder.id === folderId) : null;
	// Another circle's folder id is a 404, like every other foreign id.
	if (folderId && !current) notFound();
	const documents = await listFolderDocuments(circle.networkId, circle.id, current?.id ?? null);
	return {
		folder: current ? { id: current.id, name: current.name } : null,
		trail: folderTrail(folders, current?.id ?? null).map(({ id, name }) => ({ id, name })),
		subfolders: folders
			.filter((folder) => folder.parentId === (current?.id ?? null))
			.map(({ id, name }) => ({ id, name })),
		documents: documents.map((document) => ({
			id: document.id,
			name: document.name,
			type: documentTypeLabel(document.contentType, locale),
			size: formatByteSize(document.byteSize, locale),
			version: document.currentVersion,
			uploader: document.uploaderName ?? m.circle_documents_unknown_person({}, { locale }),
			date: formatDocumentDate(document.updatedAt, locale),
			isoDate: document.updatedAt.toISOString(),
			canDelete: can(actor, 'circle.post.delete', circleResource(circle, document.createdBy))
		})),
		canContribute: can(actor, 'circle.contribute', circleResource(circle)),
		upload: {
			accept: DOCUMENT_ACCEPT,
			limitBytes: DOCUMENT_UPLOAD_LIMIT_BYTES,
			limitText: uploadLimitText(locale)
		}
	};
};

export const actions = {
	createFolder: async (event) => {
		const circle = await requireCircle(event, 'circle.contribute');
		const { locals } = event;
		const form = await event.request.formData();
		const parsed = parseFields(folderFields, form, 'folder', locals.locale);
		if (!parsed.ok) return parsed.failure;
		const result = await createCircleFolder({
			actor: locals.actor,
			circle,
			parentId: parsed.data.parentId,
			name: parsed.data.name,
			context: auditContext(event)
		});
		if (!result.ok) {
			const options = { locale: locals.locale };
			if (result.reason === 'PARENT_NOT_FOUND')
				return fieldFailure(
					'folder',
					'_form',
					m.circle_documents_error_folder_not_found({}, options),
					form,
					404
				);
			const message =
				result.reason === 'NAME_TAKEN'
					? m.circle_documents_error_folder_name_taken({}, options)
					: m.circle_documents_error_folder_name_required({}, options);
			return fieldFailure('folder', 'name', message, form);
		}
		return {
			target: 'folder',
			success: m.circle_documents_folder_created({ name: result.name }, { locale: locals.locale })
		};
	},

	upload: async (event) => {
		const circle = await requireCircle(event, 'circle.contribute');
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
		const result = await createCircleDocument({
			actor: locals.actor,
			circle,
			folderId: parsed.data.folderId,
			fileName: file.name,
			bytes: file.bytes,
			note: parsed.data.note,
			context: auditContext(event)
		});
		if (!result.ok) {
			if (result.reason === 'FOLDER_NOT_FOUND')
				return fieldFailure(
					'upload',
					'_form',
					m.circle_documents_error_folder_not_found({}, { locale: locals.locale }),
					form,
					404
				);
			return fieldFailure('upload', 'file', uploadErrorMessage(result.reason, locals.locale), form);
		}
		return {
			target: 'upload',
			success: m.circle_documents_uploaded({ name: result.name }, { locale: locals.locale })
		};
	},

	delete: async (event) => {
		const circle = await requireCircle(event, 'circle.read');
		const { locals } = event;
		const form = await event.request.formData();
		const parsed = documentIdField.safeParse({ documentId: form.get('documentId') });
		if (!parsed.success) notFound();
		const result = await deleteCircleDocument({
			actor: locals.actor,
			circle,
			documentId: parsed.data.documentId,
			context: auditContext(event)
		});
		const options = { locale: locals.locale };
		if (!result.ok)
			return result.reason === 'NOT_FOUND'
				? fieldFailure('files', '_form', m.circle_documents_error_not_found({}, options), undefined, 404)
				: fieldFailure('files', '_form', m.circle_documents_error_not_allowed({}, options), undefined, 403);
		return { target: 'files', success: m.circle_documents_deleted({ name: result.name }, options) };
	}
};
