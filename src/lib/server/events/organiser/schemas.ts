import { z } from 'zod';
import { checkbox, emailAddress, optionalText, requiredText } from '../../../validation.ts';

/** The organiser's forms on the manage page. Messages are catalogue keys (see validation.ts). */

const uuid = z
	.string()
	.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'validation_invalid');

export const registrationForm = z.object({ registrationId: uuid });

export const attendanceForm = z.object({
	registrationId: uuid,
	mark: z.enum(['attended', 'no_show', 'undo'], { message: 'validation_choice' })
});

export const addMemberForm = z.object({ userId: requiredText(100) });

export const addGuestForm = z.object({
	name: requiredText(200),
	email: emailAddress(),
	organisationName: optionalText(200).transform((value) => value ?? '')
});

export const messageForm = z.object({
	subject: requiredText(200),
	body: requiredText(10_000),
	includeWaitlist: checkbox()
});

export const cancelEventForm = z.object({
	reason: requiredText(2000),
	confirm: z.literal('on', { message: 'event_organiser_cancel_confirm_required' })
});

export const ticketForm = z.object({ code: requiredText(200) });
