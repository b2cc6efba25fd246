import { notFound } from '#lib/server/guard.ts';
import { isUuid } from '#lib/server/office/params.ts';
import { can } from '#lib/server/policy/policy.ts';
import { contentDisposition } from '#lib/server/events/authoring/files.ts';
import { requireProfile } from '#lib/server/cooperation/guard.ts';
import { profileResource } from '#lib/server/cooperation/scope.ts';
import { findAttachmentFile } from '#lib/server/cooperation/authoring/queries.ts';

/**
 * A profile's attachment. Files may name the owner, so only those who may know the owner
 * ('cooperation.profile.identify') get them; everyone else gets 404, as if there were none. The
 * attachment is looked up within the profile. Always a download, never rendered.
 */
export const GET = async (event) => {
	const { profile, revealedTo } = await requireProfile(event, 'cooperation.profile.view');
	if (!can(event.locals.actor, 'cooperation.profile.identify', profileResource(profile, revealedTo)))
		notFound();
	if (!isUuid(event.params.attachmentId)) notFound();
	const file = await findAttachmentFile(profile.networkId, profile.id, event.params.attachmentId);
	if (!file) notFound();
	return new Response(new Uint8Array(file.content), {
		headers: {
			'content-type': file.contentType,
			'content-length': String(file.byteSize),
			'content-disposition': contentDisposition(file.fileName),
			'x-content-type-options': 'nosniff',
			'cache-control': 'private, no-store',
			'content-security-policy': "default-src 'none'; sandbox"
		}
	});
};
