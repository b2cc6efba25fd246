import { and, eq, inArray } from 'drizzle-orm';
import { db, type DatabaseOrTransaction } from '../../db/index.ts';
import { circleMemberships } from '../../db/schema/index.ts';
import { recordAudit, type AuditContext } from '../../audit/mutations.ts';
import type { Actor } from '../../policy/actor.ts';
import type { NotificationMode } from '../../../circles/vocabulary.ts';

type Person = Pick<Actor, 'userId' | 'email'> & { userId: string };

/**
 * Sets the person's preference in each of the given circles where they are a member, in one
 * transaction, and audits each change. Circles where they are not (or no longer) a member are
 * left alone and reported back, so the caller can say so.
 */
async function applyModes(
	tx: DatabaseOrTransaction,
	networkId: string,
	person: Person,
	modes: ReadonlyMap<string, NotificationMode>,
	context: AuditContext
) {
	const circleIds = [...modes.keys()];
	if (circleIds.length === 0) return { changed: 0, missing: [] as string[] };
	// Locks the person's memberships so two saves at once audit what each really changed.
	const current = await tx
		.select({ circleId: circleMemberships.circleId, mode: circleMemberships.notificationMode })
		.from(circleMemberships)
		.where(
			and(
				eq(circleMemberships.networkId, networkId),
				eq(circleMemberships.userId, person.userId),
				inArray(circleMemberships.circleId, circleIds)
			)
		)
		.for('update');
	const known = new Map(current.map((row) => [row.circleId, row.mode]));
	let changed = 0;
	for (const [circleId, mode] of modes) {
		const from = known.get(circleId);
		if (from === undefined || from === mode) continue;
		await tx
			.update(circleMemberships)
			.set({ notificationMode: mode })
			.where(
				and(
					eq(circleMemberships.networkId, networkId),
					eq(circleMemberships.circleId, circleId),
					eq(circleMemberships.userId, person.userId)
				)
			);
		await recordAudit(
			{
				networkId,
				actor: person,
				action: 'circle.notification_mode.changed',
				targetType: 'circle',
				targetId: circleId,
				details: { from, to: mode },
				context
			},
			tx
		);
		changed++;
	}
	return { changed, missing: circleIds.filter((id) => !known.has(id)) };
}

/** One circle's preference: 'not_member' when the person is not (or no longer) a member. */
export async function setNotificationMode(
	input: { networkId: string; circleId: string; person: Person; mode: NotificationMode },
	context: AuditContext
) {
	const database = await db();
	const result = await database.transaction((tx) =>
		applyModes(tx, input.networkId, input.person, new Map([[input.circleId, input.mode]]), context)
	);
	return result.missing.length ? ({ ok: false, reason: 'not_member' } as const) : ({ ok: true } as const);
}

/** Several circles' preferences at once (the account page): all applied or none. */
export async function setNotificationModes(
	input: { networkId: string; person: Person; modes: ReadonlyMap<string, NotificationMode> },
	context: AuditContext
) {
	const database = await db();
	return database.transaction((tx) => applyModes(tx, input.networkId, input.person, input.modes, context));
}
