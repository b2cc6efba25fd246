import type { RequestEvent } from '@sveltejs/kit';
import { error, fail } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { notFound } from '#lib/server/guard.ts';
import { renderMarkdown } from '#lib/server/markdown.ts';
import { auditContext } from '#lib/server/office/params.ts';
import { translateKeys } from '#lib/server/events/authoring/form.ts';
import { requireCircle } from '#lib/server/circles/guard.ts';
import { berlinDay } from '#lib/server/circles/meetings/dates.ts';
import {
	findCircleMeeting,
	findMinutes,
	listActionItems,
	listMemberOptions
} from '#lib/server/circles/meetings/queries.ts';
import { saveMinutes } from '#lib/server/circles/meetings/mutations.ts';
import { parseMinutesForm, postedRows, rowField } from '#lib/server/circles/meetings/schemas.ts';

type Event = RequestEvent<{ slug: string; eventId: string }>;

/** Blank rows offered for new action items (more with "Weitere Aufgabe"). */
const BLANK_ROWS = 2;
const MAX_ROWS = 100;

/** Writing minutes is the leads' (and the office's) business; the meeting must be this circle's. */
async function meetingFor(event: Event) {
	const circle = await requireCircle(event, 'circle.lead');
	const meeting = await findCircleMeeting(event.locals.actor, circle, event.params.eventId);
	if (!meeting) notFound();
	return { circle, meeting };
}

const blank = () => ({ id: '', title: '', owner: '', due: '' });

export const load = async (event) => {
	const { circle, meeting } = await meetingFor(event);
	const minutes = await findMinutes(circle, meeting.id);
	const [items, members] = await Promise.all([
		minutes
			? listActionItems(circle, { filter: 'all', minutesId: minutes.id, today: berlinDay(new Date()) })
			: [],
		listMemberOptions(circle)
	]);
	return {
		meeting: {
			id: meeting.id,
			titleDe: meeting.titleDe,
			titleEn: meeting.titleEn,
			startsAt: meeting.startsAt
		},
		minutes: minutes
			? {
					status: minutes.status,
					body: minutes.body,
					approvedAt: minutes.approvedAt,
					approverName: minutes.approverName
				}
			: null,
		rows: [
			...items.map((item) => ({
				id: item.id,
				title: item.title,
				owner: item.ownerUserId ?? '',
				due: item.dueOn ?? ''
			})),
			...Array.from({ length: BLANK_ROWS }, blank)
		],
		members
	};
};

/** What the form posted, to show it again: the body and the rows in their order. */
function echo(form: FormData, extraRows = 0) {
	const rows = postedRows(form).map((row) => ({
		id: row.id ?? '',
		title: row.title ?? '',
		owner: row.owner ?? '',
		due: row.due ?? '',
		remove: row.remove === 'on'
	}));
	for (let added = 0; added < extraRows && rows.length < MAX_ROWS; added++)
		rows.push({ ...blank(), remove: false });
	return { body: String(form.get('body') ?? ''), rows };
}

async function save(event: Event, approve: boolean) {
	const { circle, meeting } = await meetingFor(event);
	const { locals } = event;
	const locale = locals.locale;
	const form = await event.request.formData();
	const parsed = parseMinutesForm(form);
	const invalid = (errors: Record<string, string>) =>
		fail(400, {
			errors: { _form: m.circle_meetings_error_form({}, { locale }), ...errors },
			...echo(form)
		});
	if (!parsed.ok) return invalid(translateKeys(parsed.errors, locale));
	const result = await saveMinutes({
		actor: locals.actor,
		circle,
		event: meeting,
		values: parsed.input,
		approve,
		origin: locals.origin,
		context: auditContext(event)
	});
	if (!result.ok) {
		if (result.reason === 'FORBIDDEN') error(403, 'Forbidden');
		if (result.reason === 'NOT_FOUND' || result.reason === 'ITEM_NOT_FOUND') notFound();
		// Row numbers of the parsed input; the form's rows (with blanks) are numbered the same way.
		const posted = postedRows(form);
		const kept = posted.flatMap((row, index) =>
			row.id || (row.title?.trim() && row.remove !== 'on') ? [index] : []
		);
		return invalid(
			Object.fromEntries(
				result.rows.map((row) => [
					rowField(kept[row] ?? row, 'owner'),
					m.circle_meetings_error_owner({}, { locale })
				])
			)
		);
	}
	if (result.approved)
		return { success: m.circle_meetings_minutes_approved_sent({ count: result.mailed }, { locale }) };
	return { success: m.circle_meetings_minutes_saved({}, { locale }) };
}

export const actions = {
	/** Server-rendered preview of the Markdown; also adds a blank action item row ("intent=addRow"). */
	preview: async (event) => {
		await meetingFor(event);
		const form = await event.request.formData();
		const addRow = form.get('intent') === 'addRow';
		const echoed = echo(form, addRow ? 1 : 0);
		return {
			preview: addRow ? null : renderMarkdown(echoed.body),
			focusRow: addRow ? echoed.rows.length - 1 : null,
			...echoed
		};
	},
	save: async (event) => save(event, false),
	approve: async (event) => save(event, true)
};
