import type { circles } from '../db/schema/index.ts';
import type { CircleScope, Resource } from '../policy/policy.ts';

export type CircleRow = typeof circles.$inferSelect;

export function circleScope(circle: Pick<CircleRow, 'id' | 'confidential' | 'joinPolicy'>): CircleScope {
	return { id: circle.id, confidential: circle.confidential, joinPolicy: circle.joinPolicy };
}

/**
 * The policy resource of a circle: `can(actor, 'circle.read', circleResource(circle))`. `userId` is
 * the person the action is about: a post's author, an action item's owner.
 */
export function circleResource(
	circle: Pick<CircleRow, 'id' | 'networkId' | 'confidential' | 'joinPolicy'>,
	userId?: string | null
): Resource {
	return { networkId: circle.networkId, circle: circleScope(circle), userId: userId ?? null };
}

export function circleName(circle: Pick<CircleRow, 'nameDe' | 'nameEn'>, locale: string) {
	return locale === 'en' ? circle.nameEn || circle.nameDe : circle.nameDe;
}
