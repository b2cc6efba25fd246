import { z } from 'zod';
import { localToUtc } from '../../../events/time.ts';
import { optionalText, requiredText } from '../../../validation.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuidField = () =>
	z
		.string({ message: 'validation_required' })
		.trim()
		.regex(UUID, 'validation_choice')
		.transform((value) => value.toLowerCase());

export const officeNoteForm = z.object({ note: requiredText(4000) });

const timeIssues = {
	INVALID: 'cooperation_office_validation_datetime',
	NONEXISTENT: 'cooperation_office_validation_time_nonexistent',
	AMBIGUOUS: 'cooperation_office_validation_time_ambiguous'
} as const;

/**
 * A suggested meeting: a local Europe/Berlin date and time (the instant is computed here; a time
 * the clock change skips or repeats is refused, not guessed), a place and a message to both.
 */
export const meetingForm = z
	.object({
		interestId: uuidField(),
		date: z.string({ message: 'validation_required' }).trim().min(1, 'validation_required'),
		time: z.string({ message: 'validation_required' }).trim().min(1, 'validation_required'),
		place: requiredText(300),
		message: optionalText(4000).transform((value) => value ?? '')
	})
	.transform((value, context) => {
		const result = localToUtc({ date: value.date, time: value.time });
		if (!result.ok) {
			context.addIssue({ code: 'custom', path: ['date'], message: timeIssues[result.reason] });
			return z.NEVER;
		}
		if (result.value.getTime() <= Date.now()) {
			context.addIssue({ code: 'custom', path: ['date'], message: 'cooperation_office_validation_future' });
			return z.NEVER;
		}
		return {
			interestId: value.interestId,
			meetingAt: result.value,
			place: value.place,
			message: value.message
		};
	});

export const eventSlotForm = z.object({
	interestId: uuidField(),
	eventId: z
		.string({ message: 'cooperation_office_validation_event' })
		.trim()
		.regex(UUID, 'cooperation_office_validation_event')
		.transform((value) => value.toLowerCase()),
	message: optionalText(4000).transform((value) => value ?? '')
});
