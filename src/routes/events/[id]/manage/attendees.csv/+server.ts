import { eventFor } from '#lib/server/events/organiser/access.ts';
import { attendeeExportResponse } from '#lib/server/events/organiser/export-response.ts';

export const GET = async (event) =>
	attendeeExportResponse(event, await eventFor(event, 'event.manage'), 'csv');
