import { notFound } from '../../guard.ts';
import { isUuid } from '../../office/params.ts';
import { contentDisposition } from '../../events/authoring/files.ts';
import { requireCircle } from '../guard.ts';
import { findDocumentFile } from './queries.ts';

type DownloadEvent = Parameters<typeof requireCircle>[0];

/**
 * A circle document's bytes. The permission is checked on every request ('circle.read' with the
 * actor built from this request's session), so a member who left is refused at once; the document
 * and version are looked up within the circle (another circle's ids: 404). Always a download,
 * never rendered: the stored type, nosniff, a sandboxing CSP, and no caching anywhere.
 */
export async function serveCircleDocument(event: DownloadEvent, version: number | null) {
	const circle = await requireCircle(event, 'circle.read');
	const documentId = event.params.documentId;
	if (!isUuid(documentId)) notFound();
	const file = await findDocumentFile(circle.networkId, circle.id, documentId, version);
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
}
