import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useFreshDatabase } from '../helpers/database.ts';
import {
	addToCircle,
	createCircle,
	createNetwork,
	createUser,
	grantNetworkRole
} from '../../src/lib/server/testing/factories.ts';
import {
	sampleDocuments as sample,
	zipArchive
} from '../../src/lib/server/testing/circle-document-factories.ts';
import { loadActor } from '../../src/lib/server/policy/queries.ts';
import { anonymousActor, type Actor } from '../../src/lib/server/policy/actor.ts';
import {
	auditLog,
	circleActivities,
	circleDocumentVersions,
	circleDocuments,
	circleFolders,
	circleMemberships,
	circleNotifications,
	storedFiles
} from '../../src/lib/server/db/schema/index.ts';
import {
	addCircleDocumentVersion,
	createCircleDocument,
	createCircleFolder,
	deleteCircleDocument
} from '../../src/lib/server/circles/documents/mutations.ts';
import { listCircleDocuments } from '../../src/lib/server/circles/documents/queries.ts';
import { DOCUMENT_UPLOAD_LIMIT_BYTES } from '../../src/lib/server/circles/documents/files.ts';
import { MAX_DOCUMENT_BYTES } from '../../src/lib/circles/vocabulary.ts';
import { xssPayloads } from '../../src/lib/server/testing/xss.ts';
import * as listPage from '../../src/routes/circles/[slug]/documents/+page.server.ts';
import * as documentPage from '../../src/routes/circles/[slug]/documents/[documentId]/+page.server.ts';
import { GET as downloadCurrent } from '../../src/routes/circles/[slug]/documents/[documentId]/download/+server.ts';
import { GET as downloadVersion } from '../../src/routes/circles/[slug]/documents/[documentId]/versions/[version]/download/+server.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import type { CircleRow } from '../../src/lib/server/circles/scope.ts';

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let db: Database;
let networkId: string;
let otherNetworkId: string;
let circle: CircleRow;
let openCircle: CircleRow;
let foreignCircle: CircleRow;
const actors: Record<string, Actor> = {};
const users: Record<string, Parameters<typeof loadActor>[1]> = {};
const origin = 'http://knotenpunkt.test';

async function person(name: string, setup: (userId: string) => Promise<void>) {
	const user = await createUser(db, {
		name,
		email: `${name.toLowerCase()}-${crypto.randomUUID().slice(0, 8)}@example.test`
	});
	await setup(user.id);
	users[name] = user;
	actors[name] = await loadActor(networkId, user);
}

const reload = async (name: string) => {
	actors[name] = await loadActor(networkId, users[name]!);
	return actors[name]!;
};

beforeAll(async () => {
	database = await useFreshDatabase();
	db = database.db;
	networkId = (await createNetwork(db)).id;
	otherNetworkId = (await createNetwork(db)).id;
	circle = await createCircle(db, networkId, { confidential: true });
	openCircle = await createCircle(db, networkId);
	foreignCircle = await createCircle(db, otherNetworkId, { slug: circle.slug });
	await person('Office', (id) => grantNetworkRole(db, networkId, id, 'office'));
	await person('Lead', async (id) => {
		await grantNetworkRole(db, networkId, id, 'member');
		await addToCircle(db, networkId, circle.id, id, 'lead');
	});
	await person('Anna', async (id) => {
		await grantNetworkRole(db, networkId, id, 'member');
		await addToCircle(db, networkId, circle.id, id, 'member');
	});
	await person('Ben', async (id) => {
		await grantNetworkRole(db, networkId, id, 'member');
		await addToCircle(db, networkId, circle.id, id, 'member');
		await addToCircle(db, networkId, openCircle.id, id, 'member');
	});
	await person('Outsider', (id) => grantNetworkRole(db, networkId, id, 'member'));
});

afterAll(async () => {
	await database?.close();
});

type Call = {
	actor: Actor;
	slug?: string;
	params?: Record<string, string>;
	search?: string;
	form?: FormData;
};

function requestEvent({ actor, slug = circle.slug, params = {}, search = '', form }: Call) {
	const url = new URL(`${origin}/circles/${slug}/documents${search}`);
	return {
		params: { slug, ...params },
		url,
		request: new Request(url, form ? { method: 'POST', body: form } : {}),
		locals: { actor, network: { id: actor.networkId }, locale: 'de', clientAddress: '127.0.0.1' }
	} as never;
}

async function status(promise: unknown) {
	try {
		const value = await promise;
		return value instanceof Response ? value.status : 200;
	} catch (error) {
		return (error as { status: number }).status;
	}
}

const download = (actor: Actor, documentId: string, slug = circle.slug) =>
	downloadCurrent(requestEvent({ actor, slug, params: { documentId } }));
const downloadOld = (actor: Actor, documentId: string, version: string, slug = circle.slug) =>
	downloadVersion(requestEvent({ actor, slug, params: { documentId, version } }));

function uploadForm(name: string, bytes: Uint8Array, fields: Record<string, string> = {}) {
	const form = new FormData();
	form.set('file', new File([new Uint8Array(bytes)], name));
	for (const [key, value] of Object.entries(fields)) form.set(key, value);
	return form;
}

async function upload(actor: Actor, name: string, bytes: Uint8Array, folderId: string | null = null) {
	const result = await createCircleDocument({ actor, circle, folderId, fileName: name, bytes });
	if (!result.ok) throw new Error(`upload refused: ${result.reason}`);
	return result;
}

describe('uploads and versions', () => {
	it('stores the bytes under a server id, keeps every version and records activity and audit', async () => {
		const first = sample.pdf('Fassung eins');
		const created = await upload(actors.Anna!, '../../Studie 2026.pdf', first);
		expect(created.name).toBe('Studie 2026.pdf');
		const [version] = await db
			.select()
			.from(circleDocumentVersions)
			.where(eq(circleDocumentVersions.id, created.versionId));
		expect(version).toMatchObject({ version: 1, contentType: 'application/pdf', byteSize: first.length });
		const [stored] = await db.select().from(storedFiles).where(eq(storedFiles.id, version!.fileId));
		expect(stored!.purpose).toBe('circle_document');
		expect(stored!.sha256).toMatch(/^[0-9a-f]{64}$/);
		expect(new Uint8Array(stored!.content)).toEqual(first);

		const second = sample.pdf('Fassung zwei');
		const next = await addCircleDocumentVersion({
			actor: actors.Ben!,
			circle,
			documentId: created.documentId,
			fileName: 'Studie 2026 final.pdf',
			bytes: second,
			note: 'Kapitel 3 ergänzt'
		});
		expect(next).toEqual({ ok: true, version: 2, name: 'Studie 2026 final.pdf' });
		const [document] = await db
			.select()
			.from(circleDocuments)
			.where(eq(circleDocuments.id, created.documentId));
		expect(document).toMatchObject({ currentVersion: 2, name: 'Studie 2026 final.pdf' });

		const current = await download(actors.Anna!, created.documentId);
		expect(new Uint8Array(await current.arrayBuffer())).toEqual(second);
		const old = await downloadOld(actors.Anna!, created.documentId, '1');
		expect(old.status).toBe(200);
		expect(new Uint8Array(await old.arrayBuffer())).toEqual(first);
		expect(old.headers.get('content-disposition')).toMatch(/^attachment; filename="Studie 2026.pdf"/);
		expect(await status(downloadOld(actors.Anna!, created.documentId, '3'))).toBe(404);
		expect(await status(downloadOld(actors.Anna!, created.documentId, '0'))).toBe(404);
		expect(await status(downloadOld(actors.Anna!, created.documentId, 'eins'))).toBe(404);

		const activities = await db
			.select()
			.from(circleActivities)
			.where(eq(circleActivities.subjectId, created.documentId));
		expect(activities.map((row) => row.kind).sort()).toEqual(['document_uploaded', 'document_version']);
		expect(activities[0]!.path).toBe(`/circles/${circle.slug}/documents/${created.documentId}`);
		const audits = await db.select().from(auditLog).where(eq(auditLog.targetId, circle.id));
		expect(audits.map((row) => row.action)).toEqual(
			expect.arrayContaining(['circle.document_uploaded', 'circle.document_version_uploaded'])
		);

		// The version page lists both, newest first, and opening it marks the notifications seen.
		const unseen = () =>
			db
				.select()
				.from(circleNotifications)
				.where(eq(circleNotifications.userId, users.Lead!.id))
				.then((rows) =>
					rows.filter((row) => row.seenAt === null && activities.some((a) => a.id === row.activityId))
				);
		expect((await unseen()).length).toBe(2);
		const data = (await documentPage.load(
			requestEvent({ actor: actors.Lead!, params: { documentId: created.documentId } })
		)) as { versions: Array<{ version: number; note: string; uploader: string }> };
		expect(data.versions.map((row) => [row.version, row.note, row.uploader])).toEqual([
			[2, 'Kapitel 3 ergänzt', 'Ben'],
			[1, '', 'Anna']
		]);
		expect((await unseen()).length).toBe(0);
	});

	it('recognises types by content and refuses look-alikes, empty and too large files', async () => {
		const refuse = (fileName: string, bytes: Uint8Array) =>
			createCircleDocument({ actor: actors.Anna!, circle, folderId: null, fileName, bytes });
		expect(await refuse('bericht.pdf', new TextEncoder().encode('MZ\x90\x00programm'))).toEqual({
			ok: false,
			reason: 'TYPE'
		});
		expect(await refuse('bericht.pdf', new TextEncoder().encode('<html><script>alert(1)</script>'))).toEqual({
			ok: false,
			reason: 'TYPE'
		});
		expect(await refuse('bericht.docx', zipArchive([['evil.exe', 'MZ']]))).toEqual({
			ok: false,
			reason: 'TYPE'
		});
		expect(await refuse('leer.pdf', new Uint8Array())).toEqual({ ok: false, reason: 'EMPTY' });
		const big = new Uint8Array(DOCUMENT_UPLOAD_LIMIT_BYTES + 1);
		big.set(sample.pdf());
		expect(await refuse('gross.pdf', big)).toEqual({ ok: false, reason: 'TOO_LARGE' });
		const fits = new Uint8Array(DOCUMENT_UPLOAD_LIMIT_BYTES);
		fits.set(sample.pdf());
		expect((await refuse('passt.pdf', fits)).ok).toBe(true);
		expect(DOCUMENT_UPLOAD_LIMIT_BYTES).toBe(MAX_DOCUMENT_BYTES);

		for (const [name, bytes] of [
			['folien.pptx', sample.pptx()],
			['tabelle.ods', sample.ods()],
			['notizen.md', sample.text('# Notizen\n')]
		] as const)
			expect((await refuse(name, bytes)).ok).toBe(true);
		const versionRefused = await addCircleDocumentVersion({
			actor: actors.Anna!,
			circle,
			documentId: (await upload(actors.Anna!, 'a.png', sample.png())).documentId,
			fileName: 'b.png',
			bytes: new TextEncoder().encode('<svg onload="alert(1)"/>')
		});
		expect(versionRefused).toEqual({ ok: false, reason: 'TYPE' });
	});

	it('answers uploads through the form with field errors in the reader’s language', async () => {
		const ok = await listPage.actions.upload(
			requestEvent({
				actor: actors.Anna!,
				form: uploadForm('Protokoll.docx', sample.docx(), { note: 'Entwurf' })
			})
		);
		expect(ok).toEqual({ target: 'upload', success: '„Protokoll.docx“ wurde hochgeladen.' });
		const refused = (await listPage.actions.upload(
			requestEvent({ actor: actors.Anna!, form: uploadForm('rechnung.pdf', new TextEncoder().encode('MZ')) })
		)) as { status: number; data: { errors: Record<string, string> } };
		expect(refused.status).toBe(400);
		expect(refused.data.errors.file).toMatch(/Dateityp/);
		const tooLarge = new Uint8Array(DOCUMENT_UPLOAD_LIMIT_BYTES + 1);
		tooLarge.set(sample.pdf());
		const large = (await listPage.actions.upload(
			requestEvent({ actor: actors.Anna!, form: uploadForm('gross.pdf', tooLarge) })
		)) as { status: number; data: { errors: Record<string, string> } };
		expect(large.status).toBe(400);
		expect(large.data.errors.file).toBe(
			'Die Datei ist größer als 20 MB. Bitte verkleinern oder teilen Sie sie.'
		);
		const empty = (await listPage.actions.upload(
			requestEvent({ actor: actors.Anna!, form: new FormData() })
		)) as {
			data: { errors: Record<string, string> };
		};
		expect(empty.data.errors.file).toMatch(/wählen Sie eine Datei/);
		// Reading members who are not in the circle may not upload; in a confidential one not even read.
		expect(
			await status(
				listPage.actions.upload(
					requestEvent({ actor: actors.Outsider!, form: uploadForm('x.pdf', sample.pdf()) })
				)
			)
		).toBe(403);
		expect(
			await status(
				listPage.actions.upload(
					requestEvent({
						actor: actors.Outsider!,
						slug: openCircle.slug,
						form: uploadForm('x.pdf', sample.pdf())
					})
				)
			)
		).toBe(403);
	});
});

describe('folders', () => {
	const createFolder = (actor: Actor, name: string, parentId = '', slug = circle.slug) => {
		const form = new FormData();
		form.set('name', name);
		form.set('parentId', parentId);
		return listPage.actions.createFolder(requestEvent({ actor, slug, form }));
	};

	it('are unique per parent ignoring case, and scoped to the circle', async () => {
		const created = (await createFolder(actors.Anna!, 'Studien')) as { success: string };
		expect(created.success).toBe('Der Ordner „Studien“ wurde angelegt.');
		const taken = (await createFolder(actors.Ben!, '  STUDIEN ')) as {
			status: number;
			data: { errors: Record<string, string> };
		};
		expect(taken.status).toBe(400);
		expect(taken.data.errors.name).toMatch(/schon einen Ordner/);
		const blank = (await createFolder(actors.Ben!, '   ')) as { data: { errors: Record<string, string> } };
		expect(blank.data.errors.name).toBe('Bitte geben Sie einen Namen für den Ordner ein.');

		const [studien] = await db.select().from(circleFolders).where(eq(circleFolders.circleId, circle.id));
		expect(studien!.name).toBe('Studien');
		expect(
			((await createFolder(actors.Anna!, 'studien', studien!.id)) as { success?: string }).success
		).toBeTruthy();
		expect(
			((await createFolder(actors.Ben!, 'Studien', '', openCircle.slug)) as { success?: string }).success
		).toBeTruthy();
		// A parent from another circle is not found.
		const foreignParent = await createCircleFolder({
			actor: actors.Ben!,
			circle: openCircle,
			parentId: studien!.id,
			name: 'Unterordner'
		});
		expect(foreignParent).toEqual({ ok: false, reason: 'PARENT_NOT_FOUND' });
		expect(
			await createCircleDocument({
				actor: actors.Ben!,
				circle: openCircle,
				folderId: studien!.id,
				fileName: 'x.pdf',
				bytes: sample.pdf()
			})
		).toEqual({ ok: false, reason: 'FOLDER_NOT_FOUND' });

		// The folder's page: breadcrumb, its documents only; another circle's folder id is a 404.
		await upload(actors.Anna!, 'Im Ordner.pdf', sample.pdf(), studien!.id);
		const page = (await listPage.load(
			requestEvent({ actor: actors.Anna!, search: `?folder=${studien!.id}` })
		)) as {
			trail: Array<{ name: string }>;
			subfolders: Array<{ name: string }>;
			documents: Array<{ name: string }>;
		};
		expect(page.trail.map((crumb) => crumb.name)).toEqual(['Studien']);
		expect(page.subfolders.map((folder) => folder.name)).toEqual(['studien']);
		expect(page.documents.map((document) => document.name)).toEqual(['Im Ordner.pdf']);
		expect(
			await status(
				listPage.load(
					requestEvent({ actor: actors.Ben!, slug: openCircle.slug, search: `?folder=${studien!.id}` })
				)
			)
		).toBe(404);
		expect(await status(listPage.load(requestEvent({ actor: actors.Anna!, search: '?folder=nope' })))).toBe(
			404
		);
		// Folders of the circle may not be created by those who only read.
		expect(await status(createFolder(actors.Outsider!, 'Fremd', '', openCircle.slug))).toBe(403);
	});
});

describe('downloads check the permission at request time', () => {
	it('serves members with safe headers; refuses non-members, anonymous visitors and foreign ids', async () => {
		const { documentId } = await upload(actors.Ben!, 'Vertraulich.pdf', sample.pdf('geheim'));
		const response = await download(actors.Anna!, documentId);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/pdf');
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('cache-control')).toBe('private, no-store');
		expect(response.headers.get('content-security-policy')).toContain('sandbox');
		expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="Vertraulich.pdf"/);
		expect(await status(download(actors.Office!, documentId))).toBe(200);

		// A member person outside the confidential circle, and anonymous visitors.
		expect(await status(download(actors.Outsider!, documentId))).toBe(403);
		expect(await status(downloadOld(actors.Outsider!, documentId, '1'))).toBe(403);
		expect(await status(listPage.load(requestEvent({ actor: actors.Outsider! })))).toBe(403);
		expect(await status(download(anonymousActor(networkId), documentId))).toBe(303);
		// The id under another circle's slug, another network, malformed ids: 404.
		expect(await status(download(actors.Ben!, documentId, openCircle.slug))).toBe(404);
		expect(await status(downloadOld(actors.Ben!, documentId, '1', openCircle.slug))).toBe(404);
		expect(await status(download({ ...actors.Office!, networkId: otherNetworkId }, documentId))).toBe(404);
		expect(await status(download(actors.Anna!, 'nope'))).toBe(404);
		expect(
			await status(
				documentPage.load(requestEvent({ actor: actors.Ben!, slug: openCircle.slug, params: { documentId } }))
			)
		).toBe(404);
		expect(foreignCircle.slug).toBe(circle.slug);

		// Anna leaves the circle: the very same download now fails.
		await db
			.delete(circleMemberships)
			.where(and(eq(circleMemberships.circleId, circle.id), eq(circleMemberships.userId, users.Anna!.id)));
		const anna = await reload('Anna');
		expect(await status(download(anna, documentId))).toBe(403);
		expect(await status(downloadOld(anna, documentId, '1'))).toBe(403);
		expect(await status(documentPage.load(requestEvent({ actor: anna, params: { documentId } })))).toBe(403);
		await addToCircle(db, networkId, circle.id, users.Anna!.id, 'member');
		await reload('Anna');
	});
});

describe('deleting', () => {
	it('is for the uploader, the leads and the office; deleted documents are gone for everyone', async () => {
		const byBen = await upload(actors.Ben!, 'Ben.pdf', sample.pdf());
		const deleteForm = (documentId: string) => {
			const form = new FormData();
			form.set('documentId', documentId);
			return form;
		};
		const refused = (await listPage.actions.delete(
			requestEvent({ actor: actors.Anna!, form: deleteForm(byBen.documentId) })
		)) as { status: number };
		expect(refused.status).toBe(403);
		expect(
			await deleteCircleDocument({ actor: actors.Ben!, circle: openCircle, documentId: byBen.documentId })
		).toEqual({
			ok: false,
			reason: 'NOT_FOUND'
		});
		const deleted = await listPage.actions.delete(
			requestEvent({ actor: actors.Ben!, form: deleteForm(byBen.documentId) })
		);
		expect(deleted).toEqual({ target: 'files', success: '„Ben.pdf“ wurde gelöscht.' });
		const [row] = await db.select().from(circleDocuments).where(eq(circleDocuments.id, byBen.documentId));
		expect(row!.deletedBy).toBe(users.Ben!.id);
		expect(await status(download(actors.Ben!, byBen.documentId))).toBe(404);
		expect(await status(downloadOld(actors.Office!, byBen.documentId, '1'))).toBe(404);
		expect((await listCircleDocuments(networkId, circle.id)).some((d) => d.id === byBen.documentId)).toBe(
			false
		);

		const forLead = await upload(actors.Anna!, 'Anna.pdf', sample.pdf());
		const forOffice = await upload(actors.Anna!, 'Anna2.pdf', sample.pdf());
		expect(
			(await deleteCircleDocument({ actor: actors.Lead!, circle, documentId: forLead.documentId })).ok
		).toBe(true);
		await expect(
			documentPage.actions.delete(
				requestEvent({
					actor: actors.Office!,
					params: { documentId: forOffice.documentId },
					form: new FormData()
				})
			)
		).rejects.toMatchObject({ status: 303, location: `/circles/${circle.slug}/documents` });
		const audits = await db.select().from(auditLog).where(eq(auditLog.action, 'circle.document_deleted'));
		expect(audits).toHaveLength(3);
	});

	it('lists the circle’s live documents newest first (the contract for search and the seed)', async () => {
		const listed = await listCircleDocuments(networkId, circle.id);
		expect(listed.length).toBeGreaterThan(3);
		const times = listed.map((document) => document.updatedAt.getTime());
		expect([...times].sort((a, b) => b - a)).toEqual(times);
		expect(listed[0]).toEqual({
			id: expect.any(String),
			name: expect.any(String),
			folderId: null,
			currentVersion: expect.any(Number),
			contentType: expect.any(String),
			byteSize: expect.any(Number),
			updatedAt: expect.any(Date)
		});
		expect(await listCircleDocuments(networkId, openCircle.id)).toEqual([]);
	});
});

describe('XSS in file and folder names', () => {
	it('keeps markup out of stored names, and the pages print names as text only', async () => {
		for (const payload of xssPayloads) {
			const document = await upload(actors.Anna!, `${payload}.pdf`, sample.pdf());
			expect(document.name).not.toMatch(/[<>"]/);
			const folder = await createCircleFolder({ actor: actors.Anna!, circle, parentId: null, name: payload });
			if (folder.ok) expect(folder.name).not.toMatch(/[<>"]/);
		}
		const page = (await listPage.load(requestEvent({ actor: actors.Anna! }))) as {
			documents: Array<{ name: string }>;
			subfolders: Array<{ name: string }>;
		};
		for (const name of [...page.documents, ...page.subfolders].map((item) => item.name))
			expect(name).not.toMatch(/[<>"]/);
		// Svelte escapes {text}; no document page or component renders names as HTML.
		for (const file of [
			'src/routes/circles/[slug]/documents/+page.svelte',
			'src/routes/circles/[slug]/documents/[documentId]/+page.svelte',
			'src/lib/components/circles/documents/DocumentList.svelte',
			'src/lib/components/circles/documents/UploadForm.svelte'
		])
			expect(readFileSync(file, 'utf8')).not.toContain('{@html');
	});
});
