import { authorize } from '#lib/server/guard.ts';
import { can } from '#lib/server/policy/policy.ts';
import { auditContext } from '#lib/server/office/params.ts';
import { circleFeedResource } from '#lib/server/events/feeds/feeds.ts';
import { findFeedTokenOf, listCirclesByIds } from '#lib/server/events/feeds/queries.ts';
import { createFeedToken, revokeFeedToken } from '#lib/server/events/feeds/mutations.ts';
import { circleFeedPath, myEventsFeedPath } from '#lib/server/events/feeds/tokens.ts';

type PageEvent = Parameters<typeof authorize>[0] & { locals: App.Locals };

/** The person's circles whose feed they may read (the links on this page). */
async function feedCircles(event: PageEvent) {
	const { actor, network, locale } = event.locals;
	const circles = await listCirclesByIds(
		network.id,
		actor.circles.map((membership) => membership.circleId)
	);
	return circles
		.filter((circle) => can(actor, 'events.feed.circle', circleFeedResource(network.id, circle.id)))
		.map((circle) => ({
			id: circle.id,
			name: locale === 'en' && circle.nameEn.trim() ? circle.nameEn : circle.nameDe
		}));
}

function owner(event: PageEvent) {
	const { actor, network } = event.locals;
	return { networkId: network.id, userId: actor.userId!, email: actor.email };
}

export const load = async (event) => {
	authorize(event, 'events.feed.personal');
	const { network, origin, actor } = event.locals;
	const [token, circles] = await Promise.all([
		findFeedTokenOf(network.id, actor.userId!),
		feedCircles(event)
	]);
	return {
		token: token && {
			createdAt: token.createdAt.toISOString(),
			lastUsedAt: token.lastUsedAt?.toISOString() ?? null
		},
		circles,
		publicFeedUrl: `${origin}/events/feed.ics`
	};
};

export const actions = {
	/** Creates the addresses, or renews them: the old ones stop working in the same step. */
	create: async (event) => {
		authorize(event, 'events.feed.personal');
		const { origin } = event.locals;
		const { token, replaced } = await createFeedToken(owner(event), auditContext(event));
		const circles = await feedCircles(event);
		return {
			created: {
				replaced,
				myEventsUrl: `${origin}${myEventsFeedPath(token)}`,
				circles: circles.map((circle) => ({
					...circle,
					url: `${origin}${circleFeedPath(token, circle.id)}`
				}))
			}
		};
	},

	revoke: async (event) => {
		authorize(event, 'events.feed.personal');
		const revoked = await revokeFeedToken(owner(event), auditContext(event));
		return { revoked };
	}
};
