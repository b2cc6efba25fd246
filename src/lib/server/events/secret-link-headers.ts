/**
 * Headers of the pages behind a secret link from a mail (guest confirmation, the personal
 * registration page, feedback): never cached, never indexed, and the secret URL never goes to
 * another site as a referrer. same-origin rather than no-referrer: with no-referrer the browser
 * sends `Origin: null` on the page's own form posts, and the cross-site POST check refuses them.
 */
export const secretLinkHeaders = {
	'cache-control': 'private, no-store',
	'referrer-policy': 'same-origin',
	'x-robots-tag': 'noindex'
} as const;
