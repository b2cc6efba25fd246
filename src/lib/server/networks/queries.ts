import { and, asc, eq, sql } from 'drizzle-orm';
import { db } from '../db/index.ts';
import { circles, legalPages, networks, organisations } from '../db/schema/index.ts';
import type { DatabaseOrTransaction } from '../db/index.ts';
import { networkOrigin, type MailNetwork } from './origin.ts';

export type Network = typeof networks.$inferSelect;

let cache: { at: number; list: Network[] } | undefined;
const CACHE_MS = 30_000;

/** Networks change rarely; a short cache keeps host resolution off the hot path. */
async function allNetworks(): Promise<Network[]> {
	if (cache && Date.now() - cache.at < CACHE_MS) return cache.list;
	const list = await (await db()).select().from(networks).orderBy(asc(networks.createdAt));
	cache = { at: Date.now(), list };
	return list;
}

export function forgetNetworkCache() {
	cache = undefined;
}

/** The network for a host name (port ignored), else the default network. */
export async function findNetworkForHost(host: string): Promise<Network | null> {
	const hostname = host.replace(/:\d+$/, '').toLowerCase();
	const list = await allNetworks();
	return list.find((n) => n.hosts.includes(hostname)) ?? list.find((n) => n.isDefault) ?? list[0] ?? null;
}

export async function findCircles(networkId: string) {
	return (await db())
		.select()
		.from(circles)
		.where(eq(circles.networkId, networkId))
		.orderBy(asc(circles.nameDe));
}

export async function findSupporters(networkId: string) {
	return (await db())
		.select({
			id: organisations.id,
			name: organisations.name,
			kind: organisations.kind,
			website: organisations.website,
			city: organisations.city
		})
		.from(organisations)
		.where(
			and(
				eq(organisations.networkId, networkId),
				sql`${organisations.kind} in ('support_agency', 'state_agency')`
			)
		)
		.orderBy(asc(organisations.name));
}

export async function countMembers(networkId: string) {
	const [row] = await (
		await db()
	)
		.select({
			organisations: sql<number>`count(*)::int`,
			employees: sql<number>`coalesce(sum(${organisations.employees}), 0)::int`
		})
		.from(organisations)
		.where(and(eq(organisations.networkId, networkId), eq(organisations.status, 'member')));
	return row ?? { organisations: 0, employees: 0 };
}

export async function findLegalPage(networkId: string, kind: 'imprint' | 'privacy') {
	const [page] = await (
		await db()
	)
		.select()
		.from(legalPages)
		.where(and(eq(legalPages.networkId, networkId), eq(legalPages.kind, kind)));
	return page ?? null;
}

export type HomeFacts = {
	figures: Awaited<ReturnType<typeof countMembers>>;
	circles: Awaited<ReturnType<typeof findCircles>>;
	supporters: Awaited<ReturnType<typeof findSupporters>>;
};

const homeCache = new Map<string, { at: number; facts: Promise<HomeFacts> }>();
const HOME_CACHE_MS = 30_000;

/**
 * The public home page's figures, circles and supporters. They change rarely and the home page is
 * the most visited page, so each process keeps them for 30 seconds (one shared promise, so a burst
 * of visitors triggers one set of queries).
 */
export function findHomeFacts(networkId: string): Promise<HomeFacts> {
	const cached = homeCache.get(networkId);
	if (cached && Date.now() - cached.at < HOME_CACHE_MS) return cached.facts;
	const facts = Promise.all([
		countMembers(networkId),
		findCircles(networkId),
		findSupporters(networkId)
	]).then(([figures, circles, supporters]) => ({ figures, circles, supporters }));
	homeCache.set(networkId, { at: Date.now(), facts });
	facts.catch(() => homeCache.delete(networkId));
	return facts;
}

/**
 * A network as a background mail (no request to take the origin from) needs it, read in the
 * caller's transaction. A network that does not exist is a bug in the caller: it throws.
 */
export async function findMailNetwork(
	database: DatabaseOrTransaction,
	networkId: string
): Promise<MailNetwork & { id: string }> {
	const [row] = await database
		.select({ name: networks.name, hosts: networks.hosts, isDefault: networks.isDefault })
		.from(networks)
		.where(eq(networks.id, networkId));
	if (!row) throw new Error(`network ${networkId} not found`);
	return { id: networkId, name: row.name, origin: networkOrigin(row) };
}
