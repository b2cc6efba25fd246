import { authorize } from '#lib/server/guard.ts';
import { can } from '#lib/server/policy/policy.ts';
import {
	countVisibleEvents,
	listCircles,
	listFormats,
	listVisibleEvents
} from '#lib/server/events/queries.ts';
import { groupByMonth, monthGrid, toEntry, weekdayNames } from '#lib/server/events/calendar.ts';
import { parseEventQuery } from '#lib/events/query.ts';
import { monthOf, monthRange, shiftMonth } from '#lib/events/time.ts';
import { formatMonth } from '#lib/events/format.ts';

const PAST_PAGE_SIZE = 20;

/** The calendar: everyone may open it; which events it lists is 'event.view', applied in SQL. */
export const load = async (event) => {
	authorize(event, 'events.calendar');
	const { locals, url } = event;
	const { actor, locale, network } = locals;
	const query = parseEventQuery(url.searchParams);
	const [formats, circles] = await Promise.all([
		listFormats(network.id),
		can(actor, 'members.view') ? listCircles(network.id) : Promise.resolve([])
	]);
	const filters = {
		formatKey: query.format,
		circleId: circles.some((circle) => circle.id === query.circle) ? query.circle : null,
		audience: query.audience,
		organiserOrganisationId: query.organiser,
		text: query.text
	};
	const common = {
		query: { ...query, circle: filters.circleId },
		formats: formats.map((format) => ({
			key: format.key,
			name: locale === 'en' ? format.nameEn : format.nameDe
		})),
		circles: circles.map((circle) => ({
			id: circle.id,
			name: locale === 'en' ? circle.nameEn : circle.nameDe
		})),
		mayCreate: can(actor, 'event.create')
	};
	if (query.view === 'month') {
		const month = query.month ?? monthOf(new Date());
		const range = monthRange(month)!;
		const items = await listVisibleEvents(actor, { ...filters, when: 'all', ...range, limit: 1000 });
		return {
			...common,
			month: {
				month,
				label: formatMonth(month, locale),
				previous: shiftMonth(month, -1),
				next: shiftMonth(month, 1),
				current: monthOf(new Date()),
				weeks: monthGrid(month, items, locale),
				weekdays: weekdayNames(locale),
				count: items.length
			}
		};
	}
	if (query.when === 'past') {
		const [items, total] = await Promise.all([
			listVisibleEvents(actor, {
				...filters,
				when: 'past',
				limit: PAST_PAGE_SIZE,
				offset: (query.page - 1) * PAST_PAGE_SIZE
			}),
			countVisibleEvents(actor, { ...filters, when: 'past' })
		]);
		return {
			...common,
			past: {
				entries: items.map((item) => toEntry(item, locale)),
				page: query.page,
				pages: Math.max(1, Math.ceil(total / PAST_PAGE_SIZE))
			}
		};
	}
	const items = await listVisibleEvents(actor, { ...filters, when: 'upcoming', limit: 300 });
	return { ...common, upcoming: groupByMonth(items, locale) };
};
