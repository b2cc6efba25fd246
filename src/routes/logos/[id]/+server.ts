import { authorize, notFound } from '#lib/server/guard.ts';
import { isUuid } from '#lib/server/office/params.ts';
import { directoryAudience } from '#lib/server/policy/policy.ts';
import { isListed, isVisible } from '#lib/server/directory/visibility.ts';
import { findCurrentLogo } from '#lib/server/profiles/queries.ts';

/**
 * Delivers an organisation's current logo to those who may see its description group. Old,
 * foreign or hidden files all answer 404, so an id reveals nothing. The stored type was decided
 * from the content at upload, and `nosniff` keeps browsers from guessing another.
 */
export const GET = async (event) => {
	authorize(event, 'public.view');
	const { params, locals, request } = event;
	if (!isUuid(params.id)) notFound();
	const logo = await findCurrentLogo(locals.network.id, params.id);
	const audience = directoryAudience(locals.actor);
	// Like the directory: applicants and former members are the office's business only.
	if (!logo || !isListed(logo.status, audience) || !isVisible(logo.visibility.description, audience))
		notFound();
	const etag = `"${logo.sha256}"`;
	const headers = {
		'Content-Type': logo.contentType,
		'X-Content-Type-Options': 'nosniff',
		'Content-Disposition': 'inline',
		ETag: etag,
		// Shared caches only for public logos; a members-only one stays in the member's browser.
		'Cache-Control': `${logo.visibility.description === 'public' ? 'public' : 'private'}, max-age=300`,
		'Content-Security-Policy': "default-src 'none'; sandbox"
	};
	const match = request.headers.get('if-none-match');
	if (match && match.split(',').some((tag) => tag.trim() === etag)) {
		return new Response(null, { status: 304, headers });
	}
	return new Response(logo.content as Uint8Array<ArrayBuffer>, {
		headers: { ...headers, 'Content-Length': String(logo.byteSize) }
	});
};
