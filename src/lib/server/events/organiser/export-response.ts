import { readChoice, readText } from '../../office/params.ts';
import { registrationStatuses } from '../../../events/vocabulary.ts';
import type { EventRow } from '../scope.ts';
import { exportAttendees, type AttendeeExportFormat } from './export.ts';

const contentTypes: Record<AttendeeExportFormat, string> = {
	csv: 'text/csv; charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
};

/**
 * `GET /events/{id}/manage/attendees.{csv,xlsx}?status=&q=`: the attendee list as filtered on the
 * manage page. The route has authorised 'event.manage' for this event.
 */
export async function attendeeExportResponse(
	event: { locals: App.Locals; url: URL },
	row: EventRow,
	format: AttendeeExportFormat
) {
	const { locals, url } = event;
	const { body, fileName } = await exportAttendees({
		networkId: locals.network.id,
		event: row,
		filter: { status: readChoice(url, 'status', registrationStatuses), q: readText(url, 'q', 100) },
		locale: locals.locale,
		format
	});
	return new Response(body as BodyInit, {
		headers: {
			'content-type': contentTypes[format],
			'content-disposition': `attachment; filename="${fileName}"`,
			// Personal data of the attendees: no shared cache may keep it.
			'cache-control': 'private, no-store'
		}
	});
}
