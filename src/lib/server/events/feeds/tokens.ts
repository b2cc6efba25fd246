import { generateSecretToken, hashSecretToken } from '../../secrets.ts';

/**
 * Calendar feed tokens: 32 random bytes, base64url (43 characters), carried in the feed URL.
 * Only their sha256 is stored, so a leaked database hands out no feed.
 */
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

export function generateFeedToken(): string {
	return generateSecretToken();
}

/** Anything else in the URL is no token: answered 404 without asking the database. */
export function isFeedTokenFormat(value: string): boolean {
	return tokenPattern.test(value);
}

export function hashFeedToken(token: string): string {
	return hashSecretToken(token);
}

/** Clients poll feeds often; the time of last use is written at most this often per token. */
export const FEED_TOKEN_TOUCH_SECONDS = 5 * 60;

export function myEventsFeedPath(token: string) {
	return `/feeds/${token}/my-events.ics`;
}

export function circleFeedPath(token: string, circleId: string) {
	return `/feeds/${token}/circles/${circleId}.ics`;
}
