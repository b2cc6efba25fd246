import { m } from '#lib/paraglide/messages.js';

const statuses: Record<string, () => string> = {
	analysed: m.import_status_analysed,
	importing: m.import_status_importing,
	done: m.import_status_done,
	failed: m.import_status_failed,
	discarded: m.import_status_discarded,
	interrupted: m.import_status_interrupted
};

export const statusLabel = (status: string) => statuses[status]?.() ?? status;

const outcomes: Record<string, () => string> = {
	new: m.import_outcome_new,
	update: m.import_outcome_update,
	duplicate: m.import_outcome_duplicate,
	unchanged: m.import_outcome_unchanged,
	error: m.import_outcome_error
};

export const outcomeLabel = (outcome: string) => outcomes[outcome]?.() ?? outcome;
