import { m } from '../../../paraglide/messages.js';
import { statusLabels } from '../../../components/cooperation/labels.ts';
import {
	MAX_ATTACHMENTS,
	MAX_ATTACHMENT_BYTES,
	type ProfileStatus
} from '../../../cooperation/vocabulary.ts';
import { formatByteSize } from '../../circles/documents/present.ts';
import type { AttachmentFailure } from './attachments/mutations.ts';

type Locale = 'de' | 'en';

/** A status change or save that found the profile changed meanwhile: what it is now. */
export function staleMessage(status: ProfileStatus | null, locale: Locale, inputKept = false): string {
	const options = { locale };
	const now = status
		? m.cooperation_authoring_error_stale({ status: statusLabels[status]({}, options) }, options)
		: m.cooperation_authoring_error_gone({}, options);
	return inputKept ? `${now} ${m.cooperation_authoring_error_stale_kept({}, options)}` : now;
}

/** The sentence for a refused upload or removal. */
export function attachmentFailureMessage(reason: AttachmentFailure['reason'], locale: Locale): string {
	const options = { locale };
	switch (reason) {
		case 'EMPTY':
			return m.cooperation_authoring_attachment_empty({}, options);
		case 'TOO_LARGE':
			return m.cooperation_authoring_attachment_too_large(
				{ size: formatByteSize(MAX_ATTACHMENT_BYTES, locale) },
				options
			);
		case 'TYPE':
			return m.cooperation_authoring_attachment_type({}, options);
		case 'TOO_MANY':
			return m.cooperation_authoring_attachment_too_many({ max: MAX_ATTACHMENTS }, options);
		case 'NOT_EDITABLE':
			return m.cooperation_authoring_attachment_not_editable({}, options);
		case 'NOT_FOUND':
			return m.cooperation_authoring_attachment_not_found({}, options);
	}
}
