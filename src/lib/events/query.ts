import { eventAudiences, type EventAudience } from './vocabulary.ts';
import { isMonth } from './time.ts';

/**
 * The calendar's URL parameters, parsed once for the page, the feeds and the API: anything
 * unknown or malformed is dropped rather than failing the page.
 */
export type EventView = 'list' | 'month';
export type EventWhen = 'upcoming' | 'past';

export type EventQuery = {
	view: EventView;
	when: EventWhen;
	/** "2026-12": the month view's month. */
	month: string | null;
	/** A format's key ("workshop"). */
	format: string | null;
	circle: string | null;
	audience: EventAudience | null;
	/** An organising organisation's id. */
	organiser: string | null;
	text: string;
	page: number;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FORMAT_KEY = /^[a-z0-9-]{1,60}$/;

export function parseEventQuery(params: URLSearchParams): EventQuery {
	const get = (name: string) => params.get(name)?.trim() ?? '';
	const audience = get('audience');
	const month = get('month');
	const page = Number(get('page'));
	return {
		view: get('view') === 'month' ? 'month' : 'list',
		when: get('when') === 'past' ? 'past' : 'upcoming',
		month: isMonth(month) ? month : null,
		format: FORMAT_KEY.test(get('format')) ? get('format') : null,
		circle: UUID.test(get('circle')) ? get('circle').toLowerCase() : null,
		audience: (eventAudiences as readonly string[]).includes(audience) ? (audience as EventAudience) : null,
		organiser: UUID.test(get('organiser')) ? get('organiser').toLowerCase() : null,
		text: get('q').slice(0, 100),
		page: Number.isInteger(page) && page >= 1 && page <= 1000 ? page : 1
	};
}

/** The URL of the calendar with these parameters (defaults left out). */
export function eventQueryHref(query: Partial<EventQuery>, base = '/events'): string {
	const params = new URLSearchParams();
	if (query.view === 'month') params.set('view', 'month');
	if (query.when === 'past') params.set('when', 'past');
	if (query.view === 'month' && query.month) params.set('month', query.month);
	if (query.format) params.set('format', query.format);
	if (query.circle) params.set('circle', query.circle);
	if (query.audience) params.set('audience', query.audience);
	if (query.organiser) params.set('organiser', query.organiser);
	if (query.text) params.set('q', query.text);
	if (query.page && query.page > 1) params.set('page', String(query.page));
	const search = params.toString();
	return search ? `${base}?${search}` : base;
}
