import { z } from 'zod';
import { emailAddress, optionalText, requiredText } from '../../../validation.ts';

/** The guest form (answers to the event's questions are checked separately, per question). */
export const guestRegistrationSchema = z.object({
	name: requiredText(200),
	email: emailAddress(),
	organisationName: optionalText(200)
});

/** Cancelling asks for an explicit tick, so a stray click (or a prefetch) cancels nothing. */
export const confirmTickSchema = z.object({ confirm: z.literal('yes', { message: 'validation_required' }) });
