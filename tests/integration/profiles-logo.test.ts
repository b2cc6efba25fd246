import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import { isActionFailure, isHttpError, isRedirect } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import { useFreshDatabase } from '../helpers/database.ts';
import {
	addToOrganisation,
	createNetwork,
	createOrganisation,
	createUser,
	grantNetworkRole
} from '../../src/lib/server/testing/factories.ts';
import { anonymousActor, type Actor } from '../../src/lib/server/policy/actor.ts';
import { loadActor } from '../../src/lib/server/policy/queries.ts';
import { auditLog, organisations, storedFiles } from '../../src/lib/server/db/schema/index.ts';
import { sniffImage } from '../../src/lib/server/profiles/image.ts';
import { actions } from '../../src/routes/(members)/organisations/[id]/profile/+page.server.ts';
import { GET } from '../../src/routes/logos/[id]/+server.ts';
import type { Database } from '../../src/lib/server/db/index.ts';

/** Real image bytes, built here: a PNG with a valid IHDR/IDAT/IEND, a 1×1 JPEG and a 1×1 WebP. */
function chunk(type: string, data: Uint8Array) {
	const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([length, body, crc]);
}
function png(width: number, height: number) {
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
	const raw = Buffer.alloc((width * 3 + 1) * height, 0x80);
	for (let y = 0; y < height; y++) raw[y * (width * 3 + 1)] = 0;
	return new Uint8Array(
		Buffer.concat([
			Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
			chunk('IHDR', header),
			chunk('IDAT', deflateSync(raw)),
			chunk('IEND', new Uint8Array())
		])
	);
}
const jpeg = new Uint8Array(
	Buffer.from(
		'/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
		'base64'
	)
);
const webp = new Uint8Array(Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64'));
const svg = new TextEncoder().encode(
	'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
);

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let db: Database;
let network: { id: string; name: string; shortName: string; settings: { districts: string[] } };
let otherNetwork: typeof network;
let ownId: string;
const actors: Record<string, Actor> = {};

beforeAll(async () => {
	database = await useFreshDatabase();
	db = database.db;
	const make = async (row: Awaited<ReturnType<typeof createNetwork>>) => ({
		id: row.id,
		name: row.name,
		shortName: row.shortName,
		settings: row.settings
	});
	network = await make(await createNetwork(db));
	otherNetwork = await make(await createNetwork(db));
	ownId = (await createOrganisation(db, network.id, { name: 'Logo GmbH' })).id;
	const user = async (key: string, setup: (id: string) => Promise<void>) => {
		const u = await createUser(db, { email: `${key}@logo.test` });
		await setup(u.id);
		actors[key] = await loadActor(network.id, u);
	};
	await user('admin', async (id) => {
		await grantNetworkRole(db, network.id, id, 'member');
		await addToOrganisation(db, network.id, ownId, id, 'org_admin');
	});
	await user('member', async (id) => {
		await grantNetworkRole(db, network.id, id, 'member');
		await addToOrganisation(db, network.id, ownId, id, 'org_member');
	});
	await user('office', async (id) => {
		await grantNetworkRole(db, network.id, id, 'office');
	});
});
afterAll(() => database.close());

function postEvent(actor: Actor, action: string, body: FormData) {
	const url = new URL(`http://kp.test/organisations/${ownId}/profile?/${action}`);
	return {
		params: { id: ownId },
		url,
		request: new Request(url, { method: 'POST', body }),
		locals: { actor, network, locale: 'de', clientAddress: '127.0.0.1' }
	} as unknown as Parameters<typeof actions.uploadLogo>[0];
}

async function outcome<T>(run: () => Promise<T>) {
	try {
		const data = await run();
		if (isActionFailure(data))
			return {
				status: data.status,
				errors: (data.data as unknown as { errors: Record<string, string> }).errors
			};
		return { status: 200, errors: {} as Record<string, string> };
	} catch (thrown) {
		const none: Record<string, string> = {};
		if (isHttpError(thrown)) return { status: thrown.status, errors: none };
		if (isRedirect(thrown)) return { status: thrown.status, errors: none, location: thrown.location };
		throw thrown;
	}
}

function upload(bytes: Uint8Array, name: string, type: string, actor = actors.admin!) {
	const form = new FormData();
	form.append('logo', new File([bytes as Uint8Array<ArrayBuffer>], name, { type }));
	return outcome(() => actions.uploadLogo(postEvent(actor, 'uploadLogo', form)));
}

const currentLogo = async () =>
	(
		await db.select({ id: organisations.logoFileId }).from(organisations).where(eq(organisations.id, ownId))
	)[0]!.id;

async function fetchLogo(id: string, actor: Actor, net = network, headers: Record<string, string> = {}) {
	const url = new URL(`http://kp.test/logos/${id}`);
	try {
		return await GET({
			params: { id },
			url,
			request: new Request(url, { headers }),
			locals: { actor, network: net }
		} as unknown as Parameters<typeof GET>[0]);
	} catch (thrown) {
		if (isHttpError(thrown)) return new Response(null, { status: thrown.status });
		throw thrown;
	}
}

describe('recognising images by content', () => {
	it('reads type and dimensions of PNG, JPEG and WebP headers', () => {
		expect(sniffImage(png(3, 2))).toEqual({ ok: true, image: { type: 'image/png', width: 3, height: 2 } });
		expect(sniffImage(jpeg)).toEqual({ ok: true, image: { type: 'image/jpeg', width: 1, height: 1 } });
		expect(sniffImage(webp)).toEqual({ ok: true, image: { type: 'image/webp', width: 1, height: 1 } });
	});

	it('refuses SVG, text, truncated files and images larger than 4096 px', () => {
		expect(sniffImage(svg)).toEqual({ ok: false, reason: 'SVG' });
		expect(sniffImage(new TextEncoder().encode('just text'))).toEqual({ ok: false, reason: 'UNSUPPORTED' });
		expect(sniffImage(png(2, 2).subarray(0, 20))).toEqual({ ok: false, reason: 'UNSUPPORTED' });
		expect(sniffImage(jpeg.subarray(0, 8))).toEqual({ ok: false, reason: 'UNSUPPORTED' });
		expect(sniffImage(png(5000, 1))).toEqual({ ok: false, reason: 'DIMENSIONS' });
	});
});

describe('logo upload', () => {
	it('stores a PNG under a server-generated id with its hash, and audits it', async () => {
		const bytes = png(4, 4);
		const result = await upload(bytes, '../../etc/passwd.png', 'image/png');
		expect(result.status).toBe(303);
		expect(result.location).toBe(`/organisations/${ownId}/profile?saved=logo`);
		const id = await currentLogo();
		const [file] = await db.select().from(storedFiles).where(eq(storedFiles.id, id!));
		expect(file).toMatchObject({
			networkId: network.id,
			purpose: 'logo',
			contentType: 'image/png',
			byteSize: bytes.byteLength,
			sha256: createHash('sha256').update(bytes).digest('hex'),
			createdBy: actors.admin!.userId
		});
		expect(Buffer.from(file!.content).equals(Buffer.from(bytes))).toBe(true);
		const audit = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'organisation.logo_uploaded'), eq(auditLog.targetId, ownId)));
		expect(audit).toHaveLength(1);
	});

	it('decides the type by content: a PNG named .jpg is stored as PNG; the old file is deleted', async () => {
		const old = await currentLogo();
		expect((await upload(png(2, 2), 'logo.jpg', 'image/jpeg')).status).toBe(303);
		const id = await currentLogo();
		expect(id).not.toBe(old);
		const [file] = await db.select().from(storedFiles).where(eq(storedFiles.id, id!));
		expect(file!.contentType).toBe('image/png');
		expect(await db.select().from(storedFiles).where(eq(storedFiles.id, old!))).toHaveLength(0);
		expect((await upload(jpeg, 'logo.jpeg', 'image/jpeg')).status).toBe(303);
		expect((await upload(webp, 'logo.webp', 'application/octet-stream')).status).toBe(303);
		const [last] = await db
			.select()
			.from(storedFiles)
			.where(eq(storedFiles.id, (await currentLogo())!));
		expect(last!.contentType).toBe('image/webp');
		expect(await db.select().from(storedFiles).where(eq(storedFiles.networkId, network.id))).toHaveLength(1);
	});

	it('refuses SVG, text named .png, empty and oversized files with a clear message, keeping the logo', async () => {
		const before = await currentLogo();
		const svgResult = await upload(svg, 'logo.svg', 'image/svg+xml');
		expect(svgResult.status).toBe(400);
		expect(svgResult.errors.logo).toMatch(/SVG-Dateien können/);
		const text = await upload(new TextEncoder().encode('hello'), 'logo.png', 'image/png');
		expect(text.errors.logo).toMatch(/kein PNG-, JPEG- oder WebP-Bild/);
		const empty = await upload(new Uint8Array(), 'logo.png', 'image/png');
		expect(empty.errors.logo).toMatch(/Bitte wählen Sie eine Bilddatei/);
		const big = new Uint8Array(1024 * 1024 + 1);
		big.set(png(1, 1));
		const oversized = await upload(big, 'logo.png', 'image/png');
		expect(oversized.status).toBe(400);
		expect(oversized.errors.logo).toMatch(/größer als 1 MB/);
		expect(await currentLogo()).toBe(before);
		expect(await db.select().from(storedFiles).where(eq(storedFiles.networkId, network.id))).toHaveLength(1);
	});

	it('refuses a member who is not the organisation’s admin', async () => {
		expect((await upload(png(1, 1), 'x.png', 'image/png', actors.member!)).status).toBe(403);
	});
});

describe('GET /logos/[id]', () => {
	it('delivers a public logo to anyone, with its stored type, nosniff, inline and a strong ETag', async () => {
		const id = (await currentLogo())!;
		const response = await fetchLogo(id, anonymousActor(network.id));
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('image/webp');
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('content-disposition')).toBe('inline');
		expect(response.headers.get('cache-control')).toMatch(/^public/);
		const etag = response.headers.get('etag')!;
		expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
		expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(webp))).toBe(true);
		const again = await fetchLogo(id, anonymousActor(network.id), network, { 'if-none-match': etag });
		expect(again.status).toBe(304);
	});

	it('hides a members-only logo from the public and marks it private for members', async () => {
		await db
			.update(organisations)
			.set({
				visibility: {
					description: 'members',
					contact: 'members',
					address: 'public',
					competencies: 'public',
					facts: 'public'
				}
			})
			.where(eq(organisations.id, ownId));
		const id = (await currentLogo())!;
		expect((await fetchLogo(id, anonymousActor(network.id))).status).toBe(404);
		const member = await fetchLogo(id, actors.member!);
		expect(member.status).toBe(200);
		expect(member.headers.get('cache-control')).toMatch(/^private/);
	});

	it('shows an applicant’s logo to the office only, like the directory', async () => {
		const id = (await currentLogo())!;
		await db.update(organisations).set({ status: 'applicant' }).where(eq(organisations.id, ownId));
		expect((await fetchLogo(id, actors.member!)).status).toBe(404);
		expect((await fetchLogo(id, actors.office!)).status).toBe(200);
		await db.update(organisations).set({ status: 'member' }).where(eq(organisations.id, ownId));
		expect((await fetchLogo(id, actors.member!)).status).toBe(200);
	});

	it('answers 404 for another network, unknown ids and removed logos', async () => {
		const id = (await currentLogo())!;
		expect((await fetchLogo(id, anonymousActor(otherNetwork.id), otherNetwork)).status).toBe(404);
		expect((await fetchLogo(crypto.randomUUID(), actors.member!)).status).toBe(404);
		expect((await fetchLogo('nope', actors.member!)).status).toBe(404);
		const removed = await outcome(() =>
			actions.removeLogo(postEvent(actors.admin!, 'removeLogo', new FormData()))
		);
		expect(removed.status).toBe(303);
		expect(await currentLogo()).toBeNull();
		expect(await db.select().from(storedFiles).where(eq(storedFiles.id, id))).toHaveLength(0);
		expect((await fetchLogo(id, actors.member!)).status).toBe(404);
	});
});
