import { authorize, notFound } from '../guard.ts';
import { can, type Action } from '../policy/policy.ts';
import { findProfile, type LoadedProfile } from './queries.ts';
import { isLive, profileResource } from './scope.ts';

type ProfileEvent = {
	locals: Pick<App.Locals, 'actor' | 'network'>;
	params: Partial<Record<string, string>>;
	url: URL;
};

/**
 * Every profile page, form action, download and API route starts here: the profile of `params.id`
 * in this network, and the permission for `action` on it. A profile the actor may not even view
 * answers 404 — another organisation's draft looks like no profile at all — except a live
 * members' profile, for which visitors are sent to sign in. Without `action`'s permission: 403.
 * Sub-resources (an attachment, an interest) are then looked up *within* `profile.id`.
 */
export async function requireProfile(event: ProfileEvent, action: Action): Promise<LoadedProfile> {
	const loaded = await findProfile(event.locals.network.id, event.params.id ?? '');
	if (!loaded) notFound();
	const resource = profileResource(loaded.profile, loaded.revealedTo);
	const { actor } = event.locals;
	if (!can(actor, 'cooperation.profile.view', resource) && (actor.userId || !isLive(loaded.profile)))
		notFound();
	authorize(event, action, resource);
	return loaded;
}
