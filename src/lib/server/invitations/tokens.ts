import { generateSecretToken, hashSecretToken } from '../secrets.ts';

export const INVITATION_VALID_DAYS = 7;

/** 32 random bytes, base64url: the plain token travels only in the mail link. */
export function generateInvitationToken(): string {
	return generateSecretToken();
}

/** Only this hash is stored, so a leaked database does not hand out valid invitation links. */
export function hashInvitationToken(token: string): string {
	return hashSecretToken(token);
}

export function invitationExpiry(from = new Date()): Date {
	return new Date(from.getTime() + INVITATION_VALID_DAYS * 24 * 60 * 60 * 1000);
}

export function invitationLink(origin: string, token: string): string {
	return `${origin.replace(/\/$/, '')}/invitation?token=${encodeURIComponent(token)}`;
}
