import { m } from '#lib/paraglide/messages.js';
import type { ActionItemStatus } from '#lib/circles/vocabulary.ts';

type Message = (params?: object, options?: { locale?: 'de' | 'en' }) => string;

const statuses: Record<ActionItemStatus, Message> = {
	open: m.circle_meetings_status_open,
	done: m.circle_meetings_status_done,
	dropped: m.circle_meetings_status_dropped
};

export function actionItemStatusLabel(status: ActionItemStatus, locale?: 'de' | 'en') {
	return statuses[status]({}, locale ? { locale } : undefined);
}

/** What the buttons that change a status say, by the status they set. */
const changes: Record<ActionItemStatus, Message> = {
	open: m.circle_meetings_set_open,
	done: m.circle_meetings_set_done,
	dropped: m.circle_meetings_set_dropped
};

export function setStatusLabel(status: ActionItemStatus) {
	return changes[status]();
}

export const filterLabels = {
	open: m.circle_meetings_filter_open,
	overdue: m.circle_meetings_filter_overdue,
	done: m.circle_meetings_filter_done,
	dropped: m.circle_meetings_filter_dropped,
	mine: m.circle_meetings_filter_mine,
	all: m.circle_meetings_filter_all
} as const;
