import { authorize } from '#lib/server/guard.ts';

/** Crawlers may read the public site and the atlas; members' and office pages are not theirs. */
const disallowed = [
	'/office',
	'/account',
	'/api',
	'/directory',
	'/organisations',
	'/members',
	'/export',
	'/sign-in',
	'/sign-up',
	'/sign-out',
	'/forgot-password',
	'/reset-password',
	'/verify-email',
	'/invitation',
	'/language'
];

export const GET = (event) => {
	authorize(event, 'public.view');
	const body = [
		'User-agent: *',
		'Allow: /',
		...disallowed.map((path) => `Disallow: ${path}`),
		'',
		`Sitemap: ${event.locals.origin}/sitemap.xml`,
		''
	].join('\n');
	return new Response(body, {
		headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'public, max-age=3600' }
	});
};
