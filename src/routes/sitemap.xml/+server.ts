import { authorize } from '#lib/server/guard.ts';
import { listSitemapEntries } from '#lib/server/directory/queries.ts';

/** For search engines: the public pages and every public profile, with absolute URLs. */
const escapeXml = (text: string) =>
	text.replace(
		/[<>&'"]/g,
		(c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!
	);

export const GET = async (event) => {
	authorize(event, 'public.view');
	const { origin, network } = event.locals;
	const profiles = await listSitemapEntries(network.id);
	const entry = (path: string, lastmod?: Date) =>
		`<url><loc>${escapeXml(origin + path)}</loc>${lastmod ? `<lastmod>${lastmod.toISOString()}</lastmod>` : ''}</url>`;
	const body = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
		entry('/'),
		entry('/atlas'),
		...profiles.map((p) => entry(`/atlas/${encodeURIComponent(p.slug)}`, p.updatedAt)),
		entry('/impressum'),
		entry('/datenschutz'),
		'</urlset>'
	].join('\n');
	return new Response(body, {
		headers: { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'public, max-age=3600' }
	});
};
