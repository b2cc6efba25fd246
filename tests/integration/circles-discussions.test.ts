import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isActionFailure, isHttpError, isRedirect } from '@sveltejs/kit';
import { useFreshDatabase } from '../helpers/database.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import {
	auditLog,
	circleActivities,
	circleMemberships,
	circleNotifications,
	circlePostRevisions,
	circlePosts,
	circleThreads
} from '../../src/lib/server/db/schema/index.ts';
import {
	addToCircle,
	addToOrganisation,
	createCircle,
	createNetwork,
	createOrganisation,
	createUser,
	grantNetworkRole
} from '../../src/lib/server/testing/factories.ts';
import { loadActor } from '../../src/lib/server/policy/queries.ts';
import type { Actor } from '../../src/lib/server/policy/actor.ts';
import type { CircleRow } from '../../src/lib/server/circles/scope.ts';
import { xssPayloads, isInert } from '../../src/lib/server/testing/xss.ts';
import { deletePost, editPost, setThreadPinned } from '../../src/lib/server/circles/discussions/mutations.ts';
import { load as loadList } from '../../src/routes/circles/[slug]/threads/+page.server.ts';
import {
	load as loadNew,
	actions as newActions
} from '../../src/routes/circles/[slug]/threads/new/+page.server.ts';
import {
	load as loadThread,
	actions as threadActions
} from '../../src/routes/circles/[slug]/threads/[threadId]/+page.server.ts';
import {
	load as loadEdit,
	actions as editActions
} from '../../src/routes/circles/[slug]/threads/[threadId]/posts/[postId]/edit/+page.server.ts';
import { load as loadHistory } from '../../src/routes/circles/[slug]/threads/[threadId]/posts/[postId]/history/+page.server.ts';

const origin = 'http://knotenpunkt.test';

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let db: Database;
let networkId: string;
let circle: CircleRow;
let openCircle: CircleRow;
const people: Record<string, { id: string; name: string }> = {};
const actors: Record<string, Actor> = {};

async function person(key: string, name: string, setup: (userId: string) => Promise<void>) {
	const row = await createUser(db, { email: `${key}@example.test`, name });
	await setup(row.id);
	people[key] = { id: row.id, name };
}

async function refreshActor(key: string) {
	const row = people[key]!;
	actors[key] = await loadActor(networkId, {
		id: row.id,
		email: `${key}@example.test`,
		name: row.name,
		emailVerified: true
	});
	return actors[key]!;
}

type Params = { slug: string; threadId?: string; postId?: string };

function request(
	actorKey: string,
	params: Params,
	form?: Record<string, string>,
	locale: 'de' | 'en' = 'de'
) {
	const path = `/circles/${params.slug}/threads${params.threadId ? `/${params.threadId}` : ''}`;
	const body = form ? new URLSearchParams(form) : undefined;
	return {
		params,
		locals: {
			actor: actors[actorKey]!,
			locale,
			network: { id: networkId },
			origin,
			clientAddress: '127.0.0.1'
		},
		url: new URL(`${origin}${path}`),
		request: new Request(`${origin}${path}`, {
			method: form ? 'POST' : 'GET',
			body,
			headers: form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}
		})
	} as never;
}

type Outcome = { status: number; location?: string; data?: unknown };

async function outcome(run: () => Promise<unknown>): Promise<Outcome> {
	try {
		const data = await run();
		if (isActionFailure(data)) return { status: data.status, data: data.data };
		return { status: 200, data };
	} catch (error) {
		if (isRedirect(error)) return { status: error.status, location: error.location };
		if (isHttpError(error)) return { status: error.status };
		throw error;
	}
}

async function startThread(actorKey: string, title: string, body: string, slug = circle.slug) {
	const result = await outcome(() => newActions.default(request(actorKey, { slug }, { title, body })));
	expect(result.status).toBe(303);
	const threadId = result.location!.split('/').pop()!;
	const [opening] = await db.select().from(circlePosts).where(eq(circlePosts.threadId, threadId));
	return { threadId, openingId: opening!.id };
}

async function reply(actorKey: string, threadId: string, body: string) {
	const result = await outcome(() =>
		threadActions.reply(request(actorKey, { slug: circle.slug, threadId }, { body }))
	);
	expect(result.status).toBe(303);
	return result.location!.split('#post-')[1]!;
}

async function threadPage(actorKey: string, threadId: string, slug = circle.slug) {
	return outcome(() => loadThread(request(actorKey, { slug, threadId })));
}

type ThreadData = {
	thread: { title: string; pinned: boolean; deleted: boolean };
	posts: { id: string; html: string | null; deleted: boolean; canEdit: boolean; canDelete: boolean }[];
	mentionables: { handle: string }[];
};

async function notificationsOf(activitySubjectId: string) {
	return db
		.select({ userId: circleNotifications.userId, reason: circleNotifications.reason })
		.from(circleNotifications)
		.innerJoin(circleActivities, eq(circleActivities.id, circleNotifications.activityId))
		.where(eq(circleActivities.subjectId, activitySubjectId));
}

const reasonsBy = (rows: { userId: string; reason: string }[]) =>
	Object.fromEntries(
		Object.entries(people)
			.map(([key, row]) => [key, rows.filter((r) => r.userId === row.id).map((r) => r.reason)])
			.filter(([, reasons]) => reasons.length > 0)
	);

beforeAll(async () => {
	database = await useFreshDatabase();
	db = database.db;
	const network = await createNetwork(db);
	networkId = network.id;
	circle = await createCircle(db, networkId, { confidential: true, slug: 'batterie' });
	openCircle = await createCircle(db, networkId, { confidential: false, slug: 'offen' });
	const organisation = await createOrganisation(db, networkId, { name: 'Akku Werke GmbH' });
	const member =
		(role: 'lead' | 'member', target = circle) =>
		async (userId: string) => {
			await grantNetworkRole(db, networkId, userId, 'member');
			await addToCircle(db, networkId, target.id, userId, role);
		};
	await person('lead', 'Lea Lange', member('lead'));
	await person('anna', 'Anna Schröder', async (userId) => {
		await member('member')(userId);
		await addToOrganisation(db, networkId, organisation.id, userId, 'org_member');
	});
	await person('bernd', 'Bernd Meier', member('member'));
	await person('former', 'Frieda Früher', member('member'));
	await person('outsider', 'Olaf Außen', async (userId) => grantNetworkRole(db, networkId, userId, 'member'));
	await person('otherLead', 'Otto Anders', member('lead', openCircle));
	await person('office', 'Gesa Stelle', async (userId) => grantNetworkRole(db, networkId, userId, 'office'));
	for (const key of Object.keys(people)) await refreshActor(key);
});

afterAll(async () => {
	await database?.close();
});

describe('threads and replies', () => {
	it('creates a thread with its opening post and lists it; replies follow in order', async () => {
		const { threadId, openingId } = await startThread('anna', 'Zellchemie im Vergleich', 'Was meint ihr?');
		const [thread] = await db.select().from(circleThreads).where(eq(circleThreads.id, threadId));
		expect(thread).toMatchObject({ circleId: circle.id, title: 'Zellchemie im Vergleich' });
		const [opening] = await db.select().from(circlePosts).where(eq(circlePosts.id, openingId));
		expect(opening).toMatchObject({ isOpening: true, body: 'Was meint ihr?', authorUserId: people.anna!.id });
		const [created] = await db
			.select()
			.from(circleActivities)
			.where(and(eq(circleActivities.subjectId, threadId), eq(circleActivities.kind, 'thread_created')));
		expect(created!.path).toBe(`/circles/batterie/threads/${threadId}`);

		const first = await reply('bernd', threadId, 'LFP ist günstiger.');
		const second = await reply('lead', threadId, 'NMC hat mehr Energiedichte.');
		const [after] = await db.select().from(circleThreads).where(eq(circleThreads.id, threadId));
		const [secondRow] = await db.select().from(circlePosts).where(eq(circlePosts.id, second));
		expect(after!.lastPostAt.getTime()).toBe(secondRow!.createdAt.getTime());
		const [replied] = await db
			.select()
			.from(circleActivities)
			.where(and(eq(circleActivities.subjectId, first), eq(circleActivities.kind, 'post_created')));
		expect(replied!.path).toBe(`/circles/batterie/threads/${threadId}#post-${first}`);

		const page = await threadPage('bernd', threadId);
		const data = page.data as ThreadData;
		expect(data.posts.map((post) => post.id)).toEqual([openingId, first, second]);
		expect(data.posts[1]!.html).toBe('<p>LFP ist günstiger.</p>\n');
		expect(JSON.stringify(page.data)).toContain('Akku Werke GmbH');
		expect(data.mentionables.map((m) => m.handle)).toContain('anna-schroeder');

		const list = await outcome(() => loadList(request('bernd', { slug: circle.slug })));
		const listed = (list.data as { threads: { id: string; replyCount: number }[] }).threads;
		expect(listed.find((t) => t.id === threadId)!.replyCount).toBe(2);
	});

	it('marks the thread and its posts as seen for the reader', async () => {
		const { threadId } = await startThread('anna', 'Gesehen?', 'Eröffnung');
		const postId = await reply('lead', threadId, 'Antwort');
		expect((await notificationsOf(postId)).some((row) => row.userId === people.bernd!.id)).toBe(true);
		await threadPage('bernd', threadId);
		const rows = await db
			.select({ seenAt: circleNotifications.seenAt, subjectId: circleActivities.subjectId })
			.from(circleNotifications)
			.innerJoin(circleActivities, eq(circleActivities.id, circleNotifications.activityId))
			.where(eq(circleNotifications.userId, people.bernd!.id));
		const ofThisThread = rows.filter((row) => [threadId, postId].includes(row.subjectId));
		expect(ofThisThread).toHaveLength(2);
		expect(ofThisThread.every((row) => row.seenAt !== null)).toBe(true);
	});

	it('validates title and body with messages in the reader’s language, writing nothing', async () => {
		const before = await db.select().from(circleThreads);
		const german = await outcome(() =>
			newActions.default(request('anna', { slug: circle.slug }, { title: ' ab ', body: '   ' }))
		);
		expect(german.status).toBe(400);
		expect((german.data as { errors: Record<string, string> }).errors).toEqual({
			title: 'Der Titel muss mindestens 3 Zeichen lang sein.',
			body: 'Bitte schreiben Sie einen Text.'
		});
		const english = await outcome(() =>
			newActions.default(
				request('anna', { slug: circle.slug }, { title: 'x'.repeat(201), body: 'y'.repeat(20_001) }, 'en')
			)
		);
		expect((english.data as { errors: Record<string, string> }).errors).toEqual({
			title: 'The title may be at most 200 characters long.',
			body: 'The text may be at most 20000 characters long.'
		});
		expect(await db.select().from(circleThreads)).toHaveLength(before.length);
	});

	it('stores Markdown as typed', async () => {
		const body = '  **fett**\r\n\r\n- eins\r\n- zwei  ';
		const { openingId } = await startThread('anna', '  Markdown  ', body);
		const [row] = await db.select().from(circlePosts).where(eq(circlePosts.id, openingId));
		expect(row!.body).toBe(body);
		const [thread] = await db.select().from(circleThreads).where(eq(circleThreads.id, row!.threadId));
		expect(thread!.title).toBe('Markdown');
	});
});

describe('mentions', () => {
	it('notify only current members named, never unknown handles, outsiders or the author', async () => {
		const { threadId, openingId } = await startThread(
			'anna',
			'Erwähnungen',
			'@bernd-meier @olaf-aussen @niemand @anna-schroeder bitte ansehen'
		);
		expect(reasonsBy(await notificationsOf(threadId))).toEqual({
			lead: ['activity'],
			bernd: ['mention'],
			former: ['activity']
		});
		const postId = await reply('bernd', threadId, 'Danke @lea-lange und @otto-anders!');
		expect(reasonsBy(await notificationsOf(postId))).toEqual({
			lead: ['mention'],
			anna: ['activity'],
			former: ['activity']
		});
		const page = (await threadPage('anna', threadId)).data as ThreadData;
		const opening = page.posts.find((post) => post.id === openingId)!;
		expect(opening.html).toContain('<span class="mention">@Bernd Meier</span>');
		expect(opening.html).toContain('@olaf-aussen');
		expect(opening.html).not.toContain('Olaf');
	});
});

describe('editing', () => {
	it('keeps the earlier wording, tells only newly mentioned members, and lets only the author edit', async () => {
		const { threadId, openingId } = await startThread('anna', 'Entwurf', 'Erste Fassung @bernd-meier');
		const edit = (actorKey: string, form: Record<string, string>) =>
			outcome(() =>
				editActions.default(request(actorKey, { slug: circle.slug, threadId, postId: openingId }, form))
			);

		expect((await edit('lead', { body: 'Fremd' })).status).toBe(403);
		expect(
			(await outcome(() => loadEdit(request('lead', { slug: circle.slug, threadId, postId: openingId }))))
				.status
		).toBe(403);
		expect((await edit('office', { body: 'Fremd' })).status).toBe(403);

		const saved = await edit('anna', {
			title: 'Entwurf, überarbeitet',
			body: 'Zweite Fassung @bernd-meier @lea-lange'
		});
		expect(saved).toMatchObject({
			status: 303,
			location: `/circles/batterie/threads/${threadId}#post-${openingId}`
		});
		const [post] = await db.select().from(circlePosts).where(eq(circlePosts.id, openingId));
		expect(post!.body).toBe('Zweite Fassung @bernd-meier @lea-lange');
		expect(post!.editedAt).not.toBeNull();
		const revisions = await db
			.select()
			.from(circlePostRevisions)
			.where(eq(circlePostRevisions.postId, openingId));
		expect(revisions).toMatchObject([{ body: 'Erste Fassung @bernd-meier', editedBy: people.anna!.id }]);
		const [thread] = await db.select().from(circleThreads).where(eq(circleThreads.id, threadId));
		expect(thread!.title).toBe('Entwurf, überarbeitet');

		// The thread's notification (bernd mentioned at the start) plus one for the edit: lead only.
		const rows = await notificationsOf(openingId);
		expect(reasonsBy(rows)).toEqual({ lead: ['mention'] });

		await edit('anna', { title: 'Entwurf, überarbeitet', body: 'Dritte <script>alert(1)</script>' });
		const history = await outcome(() =>
			loadHistory(request('bernd', { slug: circle.slug, threadId, postId: openingId }))
		);
		const versions = (history.data as { versions: { number: number; html: string; writtenByName: string }[] })
			.versions;
		expect(versions.map((v) => v.number)).toEqual([1, 2]);
		expect(versions[0]!.html).toContain('Erste Fassung');
		expect(versions[1]!.html).toContain('<span class="mention">@Lea Lange</span>');
		expect((history.data as { post: { html: string } }).post.html).toContain('&lt;script&gt;');
		expect(versions.every((v) => v.writtenByName === 'Anna Schröder')).toBe(true);
	});

	it('an unchanged body makes no revision', async () => {
		const { threadId } = await startThread('anna', 'Gleich', 'Unverändert');
		const postId = await reply('anna', threadId, 'Antwort');
		const result = await editPost({
			actor: actors.anna!,
			circle,
			threadId,
			postId,
			body: 'Antwort',
			title: 'ignored for replies'
		});
		expect(result).toEqual({ ok: true, changed: false });
		expect(await db.select().from(circlePostRevisions).where(eq(circlePostRevisions.postId, postId))).toEqual(
			[]
		);
	});
});

describe('deleting and pinning', () => {
	it('lets the author and a lead delete, hides the body from everybody, and audits it', async () => {
		const { threadId } = await startThread('anna', 'Löschen', 'Eröffnung');
		const own = await reply('bernd', threadId, 'GEHEIMNIS-EINS');
		const other = await reply('bernd', threadId, 'GEHEIMNIS-ZWEI');
		const remove = (actorKey: string, postId: string) =>
			outcome(() => threadActions.delete(request(actorKey, { slug: circle.slug, threadId }, { postId })));
		expect((await remove('anna', own)).status).toBe(403);
		expect((await remove('bernd', own)).status).toBe(200);
		expect((await remove('lead', other)).status).toBe(200);
		expect((await remove('lead', other)).status).toBe(409);

		const [row] = await db.select().from(circlePosts).where(eq(circlePosts.id, own));
		expect(row).toMatchObject({ body: 'GEHEIMNIS-EINS', deletedBy: people.bernd!.id });
		for (const reader of ['anna', 'bernd', 'lead', 'office']) {
			const page = await threadPage(reader, threadId);
			const json = JSON.stringify(page.data);
			expect(json).not.toContain('GEHEIMNIS');
			expect((page.data as ThreadData).posts.filter((post) => post.deleted)).toHaveLength(2);
		}
		const history = await outcome(() =>
			loadHistory(request('office', { slug: circle.slug, threadId, postId: own }))
		);
		expect(history.status).toBe(404);
		const audits = await db.select().from(auditLog).where(eq(auditLog.action, 'circle.post.deleted'));
		expect(audits.map((a) => a.targetId).sort()).toEqual([own, other].sort());
	});

	it('deleting the opening post deletes the thread: 404 for members, a note for leads and the office', async () => {
		const { threadId, openingId } = await startThread('bernd', 'Weg damit', 'ERÖFFNUNG-GEHEIM');
		await reply('anna', threadId, 'Sichtbare Antwort');
		const removed = await outcome(() =>
			threadActions.delete(request('bernd', { slug: circle.slug, threadId }, { postId: openingId }))
		);
		expect(removed).toMatchObject({ status: 303, location: '/circles/batterie/threads' });
		expect((await threadPage('anna', threadId)).status).toBe(404);
		const forLead = await threadPage('lead', threadId);
		expect((forLead.data as ThreadData).thread.deleted).toBe(true);
		expect(JSON.stringify(forLead.data)).not.toContain('ERÖFFNUNG-GEHEIM');
		expect((await threadPage('office', threadId)).status).toBe(200);
		const reply404 = await outcome(() =>
			threadActions.reply(request('anna', { slug: circle.slug, threadId }, { body: 'Noch was' }))
		);
		expect(reply404.status).toBe(404);
		const forMember = await outcome(() => loadList(request('anna', { slug: circle.slug })));
		expect(JSON.stringify(forMember.data)).not.toContain(threadId);
		const forLeadList = await outcome(() => loadList(request('lead', { slug: circle.slug })));
		expect(JSON.stringify(forLeadList.data)).toContain(threadId);
		const [audit] = await db.select().from(auditLog).where(eq(auditLog.targetId, threadId));
		expect(audit!.action).toBe('circle.thread.deleted');
	});

	it('pins only for leads and the office, pinned threads first, audited', async () => {
		const { threadId } = await startThread('anna', 'Bitte anheften', 'Wichtig');
		await startThread('anna', 'Später', 'Neuer');
		const pin = (actorKey: string, pinned: 'true' | 'false') =>
			outcome(() => threadActions.pin(request(actorKey, { slug: circle.slug, threadId }, { pinned })));
		expect((await pin('anna', 'true')).status).toBe(403);
		expect((await pin('outsider', 'true')).status).toBe(403);
		expect((await pin('otherLead', 'true')).status).toBe(403);
		expect((await pin('lead', 'true')).status).toBe(200);
		const list = await outcome(() => loadList(request('bernd', { slug: circle.slug })));
		const threads = (list.data as { threads: { id: string; pinned: boolean }[] }).threads;
		expect(threads[0]).toMatchObject({ id: threadId, pinned: true });
		expect((await pin('office', 'false')).status).toBe(200);
		const [row] = await db.select().from(circleThreads).where(eq(circleThreads.id, threadId));
		expect(row).toMatchObject({ pinnedAt: null, pinnedBy: null });
		const audits = await db.select().from(auditLog).where(eq(auditLog.targetId, threadId));
		expect(audits.map((a) => a.action)).toEqual(['circle.thread.pinned', 'circle.thread.unpinned']);
		expect(await setThreadPinned({ actor: actors.bernd!, circle, threadId, pinned: true })).toEqual({
			ok: false,
			reason: 'FORBIDDEN'
		});
	});
});

describe('access', () => {
	it('a former member can no longer edit or delete their own posts', async () => {
		const { threadId, openingId } = await startThread('former', 'Bevor ich gehe', 'Mein Beitrag');
		await db
			.delete(circleMemberships)
			.where(and(eq(circleMemberships.circleId, circle.id), eq(circleMemberships.userId, people.former!.id)));
		await refreshActor('former');
		expect(
			await editPost({ actor: actors.former!, circle, threadId, postId: openingId, body: 'Geändert' })
		).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await deletePost({ actor: actors.former!, circle, threadId, postId: openingId })).toEqual({
			ok: false,
			reason: 'FORBIDDEN'
		});
		expect((await threadPage('former', threadId)).status).toBe(403);
		// Still a network member: mentioning them no longer notifies them.
		const postId = await reply('anna', threadId, 'Hallo @frieda-frueher');
		expect(reasonsBy(await notificationsOf(postId)).former).toBeUndefined();
		const page = (await threadPage('anna', threadId)).data as ThreadData;
		expect(page.posts[0]!.canEdit).toBe(false);
		expect(page.mentionables.map((m) => m.handle)).not.toContain('frieda-frueher');
	});

	it('refuses non-members of a confidential circle; outsiders read an open circle but do not write', async () => {
		const { threadId } = await startThread('anna', 'Vertraulich', 'Nur für den Kreis');
		expect((await outcome(() => loadList(request('outsider', { slug: circle.slug })))).status).toBe(403);
		expect((await threadPage('outsider', threadId)).status).toBe(403);
		expect((await threadPage('otherLead', threadId)).status).toBe(403);
		expect((await outcome(() => loadNew(request('outsider', { slug: circle.slug })))).status).toBe(403);
		expect(
			(
				await outcome(() =>
					threadActions.reply(request('outsider', { slug: circle.slug, threadId }, { body: 'Hallo' }))
				)
			).status
		).toBe(403);

		const open = await startThread('otherLead', 'Offene Runde', 'Alle lesen mit', openCircle.slug);
		expect((await threadPage('outsider', open.threadId, openCircle.slug)).status).toBe(200);
		const outsiderReply = await outcome(() =>
			threadActions.reply(
				request('outsider', { slug: openCircle.slug, threadId: open.threadId }, { body: 'x' })
			)
		);
		expect(outsiderReply.status).toBe(403);
		const data = (await threadPage('outsider', open.threadId, openCircle.slug)).data as ThreadData & {
			canContribute: boolean;
		};
		expect(data.canContribute).toBe(false);
		expect(data.mentionables).toEqual([]);
	});

	it('another circle’s thread and post ids are 404 everywhere', async () => {
		const foreign = await startThread('otherLead', 'Fremdes Thema', 'Fremder Text', openCircle.slug);
		const ids = { slug: circle.slug, threadId: foreign.threadId, postId: foreign.openingId };
		expect((await threadPage('office', foreign.threadId)).status).toBe(404);
		expect((await threadPage('lead', 'not-a-uuid')).status).toBe(404);
		expect((await threadPage('lead', crypto.randomUUID())).status).toBe(404);
		expect((await outcome(() => loadHistory(request('lead', ids)))).status).toBe(404);
		expect((await outcome(() => loadEdit(request('office', ids)))).status).toBe(404);
		expect((await outcome(() => threadActions.reply(request('lead', ids, { body: 'Hallo' })))).status).toBe(
			404
		);
		expect(
			(await outcome(() => threadActions.delete(request('lead', ids, { postId: foreign.openingId })))).status
		).toBe(404);
		expect((await outcome(() => threadActions.pin(request('lead', ids, { pinned: 'true' })))).status).toBe(
			404
		);
		// A post of another thread in the right circle is not found either.
		const own = await startThread('anna', 'Eigenes Thema', 'Eigener Text');
		expect(
			(
				await outcome(() =>
					threadActions.delete(
						request('lead', { slug: circle.slug, threadId: own.threadId }, { postId: foreign.openingId })
					)
				)
			).status
		).toBe(404);
		const [untouched] = await db.select().from(circlePosts).where(eq(circlePosts.id, foreign.openingId));
		expect(untouched!.deletedAt).toBeNull();
		expect(
			await editPost({
				actor: actors.otherLead!,
				circle,
				threadId: foreign.threadId,
				postId: foreign.openingId,
				body: 'x'
			})
		).toEqual({ ok: false, reason: 'NOT_FOUND' });
	});
});

describe('XSS', () => {
	it('renders payloads in titles and bodies inert', async () => {
		for (const payload of xssPayloads) {
			const { threadId } = await startThread('anna', `Titel ${payload}`, payload);
			await reply('bernd', threadId, `Antwort @anna-schroeder ${payload}`);
			const page = await threadPage('lead', threadId);
			const data = page.data as ThreadData;
			// The title is data for Svelte's escaping; it leaves the server as typed text, never as HTML.
			expect(data.thread.title).toBe(`Titel ${payload}`.trim());
			for (const post of data.posts) expect(isInert(post.html!), `${payload} → ${post.html}`).toBe(true);
		}
	});
});
