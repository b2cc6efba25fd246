import { z } from 'zod';
import { requiredText } from '../../validation.ts';

export const profileSchema = z.object({
	name: requiredText(120),
	locale: z.enum(['de', 'en'], { message: 'validation_choice' }),
	notificationEmail: z
		.string()
		.trim()
		.toLowerCase()
		.max(254, 'validation_too_long')
		.optional()
		.transform((value) => (value ? value : null))
		.pipe(z.email('validation_email').nullable())
});

export const sessionIdSchema = z.object({ sessionId: z.string().min(1).max(100) });
