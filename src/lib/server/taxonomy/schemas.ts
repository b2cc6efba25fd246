import { z } from 'zod';
import { requiredText } from '../../validation.ts';

const id = () => z.uuid({ message: 'validation_choice' });

export const addCompetenceSchema = z.object({
	parentId: z
		.union([z.literal(''), id()])
		.optional()
		.transform((value) => value || null),
	nameDe: requiredText(100),
	nameEn: requiredText(100)
});

export const renameCompetenceSchema = z.object({
	id: id(),
	nameDe: requiredText(100),
	nameEn: requiredText(100)
});

export const moveCompetenceSchema = z.object({
	id: id(),
	direction: z.enum(['up', 'down'], { message: 'validation_choice' })
});

export const competenceIdSchema = z.object({ id: id() });
