import { m } from '../../../paraglide/messages.js';
import { formatEventStart } from '../../../events/format.ts';

type Locale = 'de' | 'en';

/*
 * How documents appear on the pages: a short type label, a size and a date in the reader's
 * language, computed on the server so the page and its hydration agree.
 */

export function documentTypeLabel(contentType: string, locale: Locale): string {
	const options = { locale };
	if (contentType === 'application/pdf') return m.circle_documents_type_pdf({}, options);
	if (contentType.startsWith('image/')) return m.circle_documents_type_image({}, options);
	if (contentType.includes('wordprocessingml')) return m.circle_documents_type_word({}, options);
	if (contentType.includes('spreadsheetml')) return m.circle_documents_type_excel({}, options);
	if (contentType.includes('presentationml')) return m.circle_documents_type_powerpoint({}, options);
	if (contentType.includes('opendocument')) return m.circle_documents_type_opendocument({}, options);
	return m.circle_documents_type_text({}, options);
}

/** "2,4 MB" / "2.4 MB", "18 KB". */
export function formatByteSize(bytes: number, locale: Locale): string {
	const number = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'de-DE', { maximumFractionDigits: 1 });
	return bytes >= 1024 * 1024
		? `${number.format(bytes / 1024 / 1024)} MB`
		: `${number.format(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

/** "08.12.2026, 18:00" in the network's time zone. */
export function formatDocumentDate(instant: Date, locale: Locale): string {
	return formatEventStart(instant, locale);
}

export type FolderNode = { id: string; parentId: string | null; name: string };

/** The folders from the root down to `folderId` (empty for the root). */
export function folderTrail(folders: FolderNode[], folderId: string | null): FolderNode[] {
	const byId = new Map(folders.map((folder) => [folder.id, folder]));
	const trail: FolderNode[] = [];
	for (let id = folderId; id && trail.length < 50;) {
		const folder = byId.get(id);
		if (!folder) break;
		trail.unshift(folder);
		id = folder.parentId;
	}
	return trail;
}
