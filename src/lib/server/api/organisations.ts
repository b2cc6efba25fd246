import type { ApiFacets, ApiOrganisation, ApiOrganisationProfile } from '../../api/schemas.ts';
import type { DirectoryFacets, DirectoryHit, DirectoryProfile } from '../directory/types.ts';

/**
 * The directory's results in the API's shape. They arrive already cut to the caller's audience
 * (directory/projection.ts); this only renames and builds absolute URLs, it never widens what
 * the directory returned.
 */

function logoUrl(origin: string, fileId: string | null) {
	return fileId ? `${origin}/logos/${fileId}` : null;
}

/** `memberSince` belongs to the profile (facts group); the list takes it from there. */
export function toApiOrganisation(
	hit: DirectoryHit,
	memberSince: number | null,
	origin: string
): ApiOrganisation {
	return {
		id: hit.id,
		name: hit.name,
		slug: hit.slug,
		kind: hit.kind,
		status: hit.status,
		city: hit.city,
		district: hit.district,
		website: hit.website,
		shortDescription: hit.shortDescription,
		logoUrl: logoUrl(origin, hit.logoFileId),
		memberSince,
		latitude: hit.latitude,
		longitude: hit.longitude,
		competencies: hit.competencies.map(({ id, path, name }) => ({ id, path, name })),
		drivetrains: hit.drivetrains,
		valueChain: hit.valueChain,
		sizeClass: hit.sizeClass,
		employees: hit.employees
	};
}

export function toApiProfile(profile: DirectoryProfile, origin: string): ApiOrganisationProfile {
	return {
		...toApiOrganisation(profile, profile.memberSince, origin),
		legalForm: profile.legalForm,
		longDescription: profile.longDescription,
		email: profile.email,
		phone: profile.phone,
		street: profile.street,
		postalCode: profile.postalCode,
		foundedYear: profile.foundedYear,
		products: profile.products,
		certifications: profile.certifications,
		keywords: profile.keywords,
		contacts: profile.contacts.map((contact) => ({
			id: contact.id,
			firstName: contact.firstName,
			lastName: contact.lastName,
			jobTitle: contact.jobTitle,
			function: contact.function,
			email: contact.email,
			phone: contact.phone
		})),
		visibility: profile.visibility,
		updatedAt: profile.updatedAt.toISOString()
	};
}

export function toApiFacets(facets: DirectoryFacets): ApiFacets {
	return {
		district: facets.district,
		competence: facets.competence.map(({ path, parentPath, name, count }) => ({
			path,
			parentPath,
			name,
			count
		})),
		drivetrain: facets.drivetrain,
		kind: facets.kind,
		valueChain: facets.valueChain,
		size: facets.size,
		certification: facets.certification,
		status: facets.status
	};
}
