import { authorize } from '#lib/server/guard.ts';
import { PAGE_SIZE, readChoice, readPage, readText } from '#lib/server/office/params.ts';
import { listOfficeProfiles, listReviewQueue } from '#lib/server/cooperation/review/queries.ts';
import { cooperationFigures } from '#lib/server/cooperation/reports/queries.ts';
import { profileStatuses, profileTypes } from '#lib/cooperation/vocabulary.ts';
import { localToUtc } from '#lib/events/time.ts';

const officeStatuses = [...profileStatuses, 'expired'] as const;

/**
 * A day "2026-12-08" as the first instant of that day in Europe/Berlin (with `nextDay`, of the day
 * after, so that "to" includes its day); null when malformed.
 */
function dayStart(value: string | undefined, nextDay = false): Date | null {
	const match = value ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
	if (!match) return null;
	const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
	if (new Date(Date.UTC(year, month - 1, date)).toISOString().slice(0, 10) !== value) return null;
	const day = new Date(Date.UTC(year, month - 1, date + (nextDay ? 1 : 0)));
	// Midnight exists exactly once on every day in Europe/Berlin (the switches happen at 02:00/03:00).
	const start = localToUtc({ date: day.toISOString().slice(0, 10), time: '00:00' });
	return start.ok ? start.value : null;
}

/**
 * The office's cooperation exchange ('office.cooperation.read': office and board): the review
 * queue, every profile with filters, and the figures for the network's reports.
 */
export const load = async (event) => {
	authorize(event, 'office.cooperation.read');
	const { url, locals } = event;
	const networkId = locals.network.id;
	const filter = {
		status: readChoice(url, 'status', officeStatuses),
		type: readChoice(url, 'type', profileTypes),
		organisation: readText(url, 'organisation', 100),
		page: readPage(url)
	};
	const fromText = readText(url, 'from', 10);
	const toText = readText(url, 'to', 10);
	const from = dayStart(fromText);
	const to = dayStart(toText, true);
	const periodInvalid =
		(!!fromText && !from) || (!!toText && !to) || (!!from && !!to && to.getTime() <= from.getTime());
	const period = periodInvalid ? {} : { from: from ?? undefined, to: to ?? undefined };
	const [queue, list, figures] = await Promise.all([
		listReviewQueue(networkId),
		listOfficeProfiles(networkId, filter),
		cooperationFigures(networkId, period)
	]);
	return {
		queue,
		profiles: list.rows,
		total: list.total,
		page: filter.page,
		pageCount: Math.max(1, Math.ceil(list.total / PAGE_SIZE)),
		filter: {
			status: filter.status ?? '',
			type: filter.type ?? '',
			organisation: filter.organisation ?? ''
		},
		period: { from: fromText ?? '', to: toText ?? '', invalid: periodInvalid },
		figures
	};
};
