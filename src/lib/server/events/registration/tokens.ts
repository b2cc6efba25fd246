import { createHmac, randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import { deriveSecret, generateSecretToken, hashSecretToken } from '../../secrets.ts';

/** How long a guest's confirmation link stays valid. */
export const CONFIRM_VALID_HOURS = 48;

const ACCESS_PURPOSE = 'event-registration-access:v1';

/** 32 random bytes, base64url: the plain token travels only in the mail link. */
export function generateToken(): string {
	return generateSecretToken();
}

/** Only this hash is stored, so a leaked database does not hand out valid links. */
export function hashToken(token: string): string {
	return hashSecretToken(token);
}

/** Printed in the personal QR code and read at the door: 120 random bits in base32 (24 chars). */
export function generateTicketCode(): string {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
	const bytes = randomBytes(15);
	let bits = 0;
	let value = 0;
	let code = '';
	for (const byte of bytes) {
		value = (value << 8) | byte;
		bits += 8;
		while (bits >= 5) {
			code += alphabet[(value >>> (bits - 5)) & 31];
			bits -= 5;
		}
	}
	return code;
}

/**
 * The personal link's token of a registration. Only its hash is stored, yet every later mail
 * (promotion, event update, cancellation) must carry the same link: so the token is derived —
 * HMAC over the registration id and its random ticket code, keyed by the application secret's key
 * for this purpose (deriveSecret) — instead of being random and forgotten. Nobody without the
 * secret and the row can compute it.
 */
export function registrationAccessToken(registration: { id: string; ticketCode: string }): string {
	return createHmac('sha256', deriveSecret(ACCESS_PURPOSE))
		.update(`${registration.id}\u0000${registration.ticketCode}`)
		.digest('base64url');
}

const trimmed = (origin: string) => origin.replace(/\/$/, '');

/** The personal page: status, ticket, cancel or leave the waitlist. */
export function registrationLink(origin: string, accessToken: string): string {
	return `${trimmed(origin)}/events/registration/${encodeURIComponent(accessToken)}`;
}

/** The guest's double opt-in link (a page with a button: scanners that open links confirm nothing). */
export function confirmLink(origin: string, confirmToken: string): string {
	return `${trimmed(origin)}/events/confirm/${encodeURIComponent(confirmToken)}`;
}

export function confirmExpiry(from = new Date()): Date {
	return new Date(from.getTime() + CONFIRM_VALID_HOURS * 60 * 60 * 1000);
}

/** The personal QR code (the ticket code, nothing else) as a PNG. */
export async function ticketQrPng(ticketCode: string): Promise<Uint8Array> {
	const buffer = await QRCode.toBuffer(ticketCode, {
		type: 'png',
		errorCorrectionLevel: 'M',
		margin: 2,
		width: 320
	});
	return new Uint8Array(buffer);
}

/** Tokens in URLs are base64url; anything else is refused before a database lookup. */
export function isTokenShaped(token: string): boolean {
	return /^[A-Za-z0-9_-]{20,100}$/.test(token);
}
