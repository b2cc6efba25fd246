import { authorize, notFound } from '#lib/server/guard.ts';
import { isUuid } from '#lib/server/office/params.ts';
import { eventResource } from '#lib/server/events/scope.ts';
import { findEvent } from '#lib/server/events/queries.ts';
import { findAttachmentFile } from '#lib/server/events/authoring/queries.ts';
import { contentDisposition } from '#lib/server/events/authoring/files.ts';

/**
 * An event's attachment, checked against 'event.view' at request time (a link shared from a
 * members' event does not open it for others). Always a download, never rendered inline.
 */
export const GET = async (event) => {
	const { params, locals } = event;
	if (!isUuid(params.id) || !isUuid(params.attachmentId)) notFound();
	const row = await findEvent(locals.network.id, params.id);
	if (!row) notFound();
	authorize(event, 'event.view', eventResource(row));
	const file = await findAttachmentFile(locals.network.id, row.id, params.attachmentId);
	if (!file) notFound();
	return new Response(new Uint8Array(file.content), {
		headers: {
			'content-type': file.contentType,
			'content-length': String(file.byteSize),
			'content-disposition': contentDisposition(file.fileName),
			'x-content-type-options': 'nosniff',
			'cache-control': 'private, no-store',
			'content-security-policy': "default-src 'none'; sandbox"
		}
	});
};
