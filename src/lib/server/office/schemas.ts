import { z } from 'zod';
import { emailAddress, newPassword, optionalText } from '../../validation.ts';
import { networkRoles, organisationRoles } from '../db/schema/roles.ts';
import { legalKinds } from '../legal/queries.ts';

const choice = <T extends readonly [string, ...string[]]>(values: T) =>
	z.enum(values, { message: 'validation_choice' });
const uuid = () => z.uuid({ message: 'validation_choice' });
/** An optional select: the empty option means "none". */
const optional = <S extends z.ZodType>(schema: S) =>
	z
		.union([z.literal(''), schema])
		.optional()
		.transform((value) => (value === '' || value === undefined ? undefined : (value as z.infer<S>)));

export const locales = ['de', 'en'] as const;

/** Office and org admins invite: e-mail, name, organisation and role, optionally a network role. */
export const invitationForm = z.object({
	email: emailAddress(),
	name: optionalText(200).transform((value) => value ?? ''),
	organisationId: optional(uuid()),
	role: optional(choice(organisationRoles)),
	networkRole: optional(choice(networkRoles)),
	locale: optional(choice(locales)).transform((value) => value ?? 'de')
});

export const invitationIdForm = z.object({ invitationId: uuid() });

export const networkRoleForm = z.object({ role: choice(networkRoles) });

export const organisationRoleForm = z.object({
	organisationId: uuid().optional(),
	userId: z.string().min(1, 'validation_required').max(100).optional(),
	role: choice(organisationRoles)
});

export const membershipForm = z.object({
	organisationId: uuid().optional(),
	userId: z.string().min(1, 'validation_required').max(100).optional()
});

export const legalForm = z.object({
	kind: choice(legalKinds),
	bodyDe: z.string().max(100_000, 'validation_too_long'),
	bodyEn: z.string().max(100_000, 'validation_too_long')
});

export const mailIdForm = z.object({ id: uuid() });

const token = z
	.string({ message: 'validation_required' })
	.min(1, 'validation_required')
	.max(200, 'validation_too_long');

/** Accepting an invitation without an account: a name and a new password, twice. */
export const invitationRegisterForm = z
	.object({
		token,
		name: z
			.string({ message: 'validation_required' })
			.trim()
			.min(1, 'validation_required')
			.max(200, 'validation_too_long'),
		password: newPassword(),
		passwordConfirm: z.string({ message: 'validation_required' }).min(1, 'validation_required')
	})
	.refine((value) => value.password === value.passwordConfirm, {
		message: 'validation_passwords_differ',
		path: ['passwordConfirm']
	});

export const invitationAcceptForm = z.object({ token });
