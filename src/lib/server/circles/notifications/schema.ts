import { z } from 'zod';
import { notificationModes, type NotificationMode } from '../../../circles/vocabulary.ts';
import { isUuid } from '../../office/params.ts';

/** The notification form of one circle: `mode`. */
export const notificationModeSchema = z.object({
	mode: z.enum(notificationModes, { message: 'validation_choice' })
});

/** The field of one circle on the account page. */
export const modeField = (circleId: string) => `mode-${circleId}`;

/**
 * The account page's form: one `mode-<circleId>` radio group per circle. Answers the modes by
 * circle, or the fields whose value is not one of the modes (a catalogue key each).
 */
export function parseNotificationModes(
	form: FormData
): { ok: true; modes: Map<string, NotificationMode> } | { ok: false; errors: Record<string, string> } {
	const modes = new Map<string, NotificationMode>();
	const errors: Record<string, string> = {};
	for (const [key, value] of form) {
		if (!key.startsWith('mode-')) continue;
		const circleId = key.slice('mode-'.length);
		if (!isUuid(circleId) || modes.has(circleId.toLowerCase())) {
			errors[key] = 'validation_invalid';
			continue;
		}
		const parsed = notificationModeSchema.shape.mode.safeParse(value);
		if (!parsed.success) errors[key] = 'validation_choice';
		else modes.set(circleId.toLowerCase(), parsed.data);
	}
	return Object.keys(errors).length ? { ok: false, errors } : { ok: true, modes };
}
