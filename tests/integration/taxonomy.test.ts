import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isActionFailure, isHttpError } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import { useFreshDatabase } from '../helpers/database.ts';
import {
	assignCompetencies,
	createCompetence,
	createNetwork,
	createOrganisation,
	createUser,
	grantNetworkRole
} from '../../src/lib/server/testing/factories.ts';
import type { Actor } from '../../src/lib/server/policy/actor.ts';
import { loadActor } from '../../src/lib/server/policy/queries.ts';
import { refreshSearchDocuments } from '../../src/lib/server/directory/mutations.ts';
import { auditLog, competencies, organisations } from '../../src/lib/server/db/schema/index.ts';
import { listTaxonomyWithCounts } from '../../src/lib/server/taxonomy/queries.ts';
import {
	addCompetence,
	deleteCompetence,
	moveCompetence,
	renameCompetence
} from '../../src/lib/server/taxonomy/mutations.ts';
import { slugify } from '../../src/lib/server/taxonomy/tree.ts';
import { actions, load } from '../../src/routes/(office)/office/competencies/+page.server.ts';
import type { Database } from '../../src/lib/server/db/index.ts';

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let db: Database;
let networkId: string;
let otherNetworkId: string;
let organisationId: string;
let office: Actor;
let board: Actor;
let rootId: string;

beforeAll(async () => {
	database = await useFreshDatabase();
	db = database.db;
	networkId = (await createNetwork(db)).id;
	otherNetworkId = (await createNetwork(db)).id;
	organisationId = (await createOrganisation(db, networkId, { name: 'Taxo GmbH' })).id;
	const officeUser = await createUser(db, { email: 'office@taxonomy.test' });
	await grantNetworkRole(db, networkId, officeUser.id, 'office');
	office = await loadActor(networkId, officeUser);
	const boardUser = await createUser(db, { email: 'board@taxonomy.test' });
	await grantNetworkRole(db, networkId, boardUser.id, 'board');
	board = await loadActor(networkId, boardUser);
	rootId = (await createCompetence(db, networkId, { slug: 'werkstoffe', nameDe: 'Werkstoffe' })).id;
});
afterAll(() => database.close());

const change = () => ({ actor: office, networkId });
const nodes = () => listTaxonomyWithCounts(networkId);

describe('taxonomy rules', () => {
	it('makes slugs from German names', () => {
		expect(slugify('Batterie- & Zellfertigung')).toBe('batterie-zellfertigung');
		expect(slugify('Oberflächen, Beschichtung, Größe')).toBe('oberflaechen-beschichtung-groesse');
		expect(slugify('!!!')).toBe('kompetenz');
	});

	it('adds nodes under a parent and at the top, at the end of their siblings; a path is unique', async () => {
		const steel = await addCompetence({ ...change(), parentId: rootId, nameDe: 'Stahl', nameEn: 'Steel' });
		const alu = await addCompetence({
			...change(),
			parentId: rootId,
			nameDe: 'Aluminium',
			nameEn: 'Aluminium'
		});
		const top = await addCompetence({
			...change(),
			parentId: null,
			nameDe: 'Dienstleistungen',
			nameEn: 'Services'
		});
		expect([steel.ok, alu.ok, top.ok]).toEqual([true, true, true]);
		const tree = await nodes();
		expect(tree.map((n) => [n.path, n.depth])).toEqual([
			['werkstoffe', 0],
			['werkstoffe.stahl', 1],
			['werkstoffe.aluminium', 1],
			['dienstleistungen', 0]
		]);
		expect(await addCompetence({ ...change(), parentId: rootId, nameDe: 'Stahl', nameEn: 'Other' })).toEqual({
			ok: false,
			reason: 'DUPLICATE'
		});
		// The same name elsewhere, and in another network, is fine.
		expect((await addCompetence({ ...change(), parentId: null, nameDe: 'Stahl', nameEn: 'Steel' })).ok).toBe(
			true
		);
		const foreignParent = (await createCompetence(db, otherNetworkId, { slug: 'fremd', nameDe: 'Fremd' })).id;
		expect(await addCompetence({ ...change(), parentId: foreignParent, nameDe: 'X', nameEn: 'X' })).toEqual({
			ok: false,
			reason: 'NOT_FOUND'
		});
	});

	it('moves within siblings and stops at the edges', async () => {
		const alu = (await nodes()).find((n) => n.path === 'werkstoffe.aluminium')!;
		expect((await moveCompetence({ ...change(), id: alu.id, direction: 'up' })).ok).toBe(true);
		expect((await nodes()).filter((n) => n.depth === 1).map((n) => n.path)).toEqual([
			'werkstoffe.aluminium',
			'werkstoffe.stahl'
		]);
		expect(await moveCompetence({ ...change(), id: alu.id, direction: 'up' })).toEqual({
			ok: false,
			reason: 'AT_EDGE'
		});
	});

	it('renames into the search documents, keeping the path', async () => {
		const steel = (await nodes()).find((n) => n.path === 'werkstoffe.stahl')!;
		await assignCompetencies(db, networkId, organisationId, [steel.id]);
		await refreshSearchDocuments(networkId, [organisationId], db);
		expect(
			(
				await renameCompetence({
					...change(),
					id: steel.id,
					nameDe: 'Hochfester Stahl',
					nameEn: 'High-strength steel'
				})
			).ok
		).toBe(true);
		const [org] = await db.select().from(organisations).where(eq(organisations.id, organisationId));
		expect(org!.searchTextPublic).toContain('hochfester stahl');
		const renamed = (await nodes()).find((n) => n.id === steel.id)!;
		expect(renamed).toMatchObject({ path: 'werkstoffe.stahl', name: { de: 'Hochfester Stahl' }, direct: 1 });
		expect((await nodes()).find((n) => n.id === rootId)!.subtree).toBe(1);
		const [entry] = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'office.competence.renamed'), eq(auditLog.targetId, steel.id)));
		expect(entry!.details).toMatchObject({
			before: { nameDe: 'Stahl' },
			after: { nameDe: 'Hochfester Stahl' }
		});
	});

	it('deletes only unused leaves', async () => {
		const tree = await nodes();
		const steel = tree.find((n) => n.path === 'werkstoffe.stahl')!;
		const alu = tree.find((n) => n.path === 'werkstoffe.aluminium')!;
		expect(await deleteCompetence({ ...change(), id: rootId })).toEqual({
			ok: false,
			reason: 'HAS_CHILDREN'
		});
		expect(await deleteCompetence({ ...change(), id: steel.id })).toEqual({ ok: false, reason: 'IN_USE' });
		expect(await deleteCompetence({ ...change(), id: alu.id })).toEqual({ ok: true, id: alu.id });
		const left = await db
			.select({ id: competencies.id })
			.from(competencies)
			.where(eq(competencies.networkId, networkId));
		expect(left.map((c) => c.id)).not.toContain(alu.id);
		expect(left.map((c) => c.id)).toContain(steel.id);
	});
});

describe('/office/competencies', () => {
	function event(actor: Actor, body?: FormData) {
		const url = new URL(`http://kp.test/office/competencies${body ? '?/add' : ''}`);
		return {
			url,
			params: {},
			request: new Request(url, { method: body ? 'POST' : 'GET', body }),
			locals: { actor, network: { id: networkId }, locale: 'de', clientAddress: '127.0.0.1' }
		} as unknown as Parameters<typeof load>[0] & Parameters<typeof actions.add>[0];
	}
	const form = (fields: Record<string, string>) => {
		const data = new FormData();
		for (const [key, value] of Object.entries(fields)) data.append(key, value);
		return data;
	};
	const status = async (run: () => Promise<unknown>) => {
		try {
			const result = await run();
			return isActionFailure(result) ? result.status : 200;
		} catch (thrown) {
			if (isHttpError(thrown)) return thrown.status;
			throw thrown;
		}
	};

	it('is the office’s: the board may neither read nor change it', async () => {
		expect(await status(() => load(event(office)))).toBe(200);
		expect(await status(() => load(event(board)))).toBe(403);
		const fields = { parentId: '', nameDe: 'Vom Vorstand', nameEn: 'By the board' };
		expect(await status(() => actions.add(event(board, form(fields))))).toBe(403);
		expect(await status(() => actions.delete(event(board, form({ id: rootId }))))).toBe(403);
		expect((await nodes()).some((n) => n.name.de === 'Vom Vorstand')).toBe(false);
	});

	it('explains a refused delete and a missing name in German', async () => {
		const refused = await actions.delete(event(office, form({ id: rootId })));
		expect(isActionFailure(refused) && refused.status).toBe(409);
		expect(JSON.stringify(isActionFailure(refused) && refused.data)).toMatch(/hat Unterpunkte/);
		const invalid = await actions.add(event(office, form({ parentId: '', nameDe: '', nameEn: 'X' })));
		expect(
			isActionFailure(invalid) &&
				(invalid.data as unknown as { errors: Record<string, string> }).errors.nameDe
		).toBe('Bitte füllen Sie dieses Feld aus.');
		const added = await actions.add(
			event(office, form({ parentId: rootId, nameDe: 'Kunststoffe', nameEn: 'Plastics' }))
		);
		expect(added).toEqual({ success: '„Kunststoffe“ wurde angelegt.' });
	});
});
