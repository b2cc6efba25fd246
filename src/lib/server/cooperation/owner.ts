import type { OrganisationKind, SizeClass } from '../../directory/vocabulary.ts';
import { organisations } from '../db/schema/index.ts';
import type { Actor } from '../policy/actor.ts';
import { can } from '../policy/policy.ts';
import { profileResource, type ProfileRow } from './scope.ts';

/** The owner's directory facts that `profileOwner` may pass on (or cut to kind, size and district). */
export type OwnerOrganisation = Pick<
	typeof organisations.$inferSelect,
	'id' | 'name' | 'slug' | 'kind' | 'sizeClass' | 'district'
>;

/** The `organisations` columns of an `OwnerOrganisation`, for the queries that select an owner. */
export const ownerColumns = {
	id: organisations.id,
	name: organisations.name,
	slug: organisations.slug,
	kind: organisations.kind,
	sizeClass: organisations.sizeClass,
	district: organisations.district
};

/**
 * Who offers a profile, as far as the actor may know: the organisation, or for an anonymous
 * profile only its kind, size class and district. Every page, the API, the mails and the search
 * results show the owner through this, so the anonymity rule lives in one place
 * ('cooperation.profile.identify').
 */
export type ProfileOwner =
	| { anonymous: true; kind: OrganisationKind; sizeClass: SizeClass | null; district: string | null }
	| {
			anonymous: false;
			id: string;
			name: string;
			slug: string;
			kind: OrganisationKind;
			sizeClass: SizeClass | null;
			district: string | null;
	  };

export function profileOwner(
	actor: Actor,
	profile: Pick<ProfileRow, 'networkId' | 'organisationId' | 'status' | 'visibility' | 'expiresAt'>,
	revealedTo: readonly string[],
	organisation: OwnerOrganisation
): ProfileOwner {
	const { kind, sizeClass, district } = organisation;
	if (!can(actor, 'cooperation.profile.identify', profileResource(profile, revealedTo)))
		return { anonymous: true, kind, sizeClass, district };
	return {
		anonymous: false,
		id: organisation.id,
		name: organisation.name,
		slug: organisation.slug,
		kind,
		sizeClass,
		district
	};
}
