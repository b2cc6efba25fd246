import { anonymousActor, type Actor } from '../policy/actor.ts';
import { loadActor } from '../policy/queries.ts';
import { touchApiToken, lastUsedResolutionSeconds } from './mutations.ts';
import { findActiveApiToken } from './queries.ts';
import { hashApiToken, readBearer } from './tokens.ts';

export type ApiAuthentication =
	{ ok: true; actor: Actor; tokenId: string | null } | { ok: false; reason: 'MALFORMED' | 'UNKNOWN_TOKEN' };

/**
 * The API's only credential is the bearer token: session cookies are deliberately ignored, so a
 * browser cannot be tricked into making authenticated API calls (no CSRF surface). Without an
 * Authorization header the actor is anonymous; a token that is unknown, revoked or of another
 * network fails, even on endpoints that anonymous callers may use.
 */
export async function authenticateApiRequest(
	networkId: string,
	authorization: string | null,
	now: Date = new Date()
): Promise<ApiAuthentication> {
	const credential = readBearer(authorization);
	if (credential.kind === 'none') return { ok: true, actor: anonymousActor(networkId), tokenId: null };
	if (credential.kind === 'malformed') return { ok: false, reason: 'MALFORMED' };

	const token = await findActiveApiToken(networkId, hashApiToken(credential.token));
	if (!token) return { ok: false, reason: 'UNKNOWN_TOKEN' };

	const stale =
		!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= lastUsedResolutionSeconds * 1000;
	const [actor] = await Promise.all([
		loadActor(token.networkId, token.user),
		stale ? touchApiToken(token.id) : undefined
	]);
	return { ok: true, actor: { ...actor, viaApiToken: true }, tokenId: token.id };
}
