import { describe, expect, it } from 'vitest';
import type { Actor } from '../../policy/actor.ts';
import { historyVersions, postViews } from './view.ts';
import type { PostRow } from './queries.ts';

const circle = { id: 'c1', networkId: 'n1', confidential: true, joinPolicy: 'request' as const };
const actor = (userId: string, role?: 'lead' | 'member'): Actor => ({
	networkId: 'n1',
	userId,
	email: null,
	name: null,
	emailVerified: true,
	twoFactorEnabled: false,
	networkRoles: ['member'],
	organisations: [],
	circles: role ? [{ circleId: 'c1', role }] : []
});

const post = (values: Partial<PostRow>): PostRow => ({
	id: 'p1',
	threadId: 't1',
	authorUserId: 'u-anna',
	authorName: 'Anna',
	authorOrganisations: null,
	body: 'Text',
	isOpening: false,
	createdAt: new Date('2025-01-01T10:00:00Z'),
	editedAt: null,
	deletedAt: null,
	...values
});

describe('post views', () => {
	it('renders bodies safely and drops the body of a deleted post', () => {
		const views = postViews(
			[
				post({ id: 'p1', body: 'Hallo <script>alert(1)</script> @bernd' }),
				post({ id: 'p2', body: 'GEHEIM', deletedAt: new Date() })
			],
			{
				actor: actor('u-anna', 'member'),
				circle,
				mentions: new Map([['bernd', 'Bernd']]),
				threadDeleted: false
			}
		);
		expect(views[0]!.html).toContain('&lt;script&gt;');
		expect(views[0]!.html).toContain('<span class="mention">@Bernd</span>');
		expect(views[1]!.html).toBeNull();
		expect(JSON.stringify(views)).not.toContain('GEHEIM');
	});

	it('lets the author edit and delete, a lead only delete, a former member neither', () => {
		const rows = [post({ authorUserId: 'u-anna' })];
		const options = { circle, mentions: new Map(), threadDeleted: false };
		const own = postViews(rows, { ...options, actor: actor('u-anna', 'member') })[0]!;
		const lead = postViews(rows, { ...options, actor: actor('u-lead', 'lead') })[0]!;
		const former = postViews(rows, { ...options, actor: actor('u-anna') })[0]!;
		expect([own.canEdit, own.canDelete]).toEqual([true, true]);
		expect([lead.canEdit, lead.canDelete]).toEqual([false, true]);
		expect([former.canEdit, former.canDelete]).toEqual([false, false]);
		const closed = postViews(rows, { ...options, threadDeleted: true, actor: actor('u-lead', 'lead') })[0]!;
		expect([closed.canEdit, closed.canDelete]).toEqual([false, false]);
	});
});

describe('history versions', () => {
	it('dates each earlier wording by the edit that produced it', () => {
		const created = new Date('2025-01-01T10:00:00Z');
		const first = new Date('2025-01-02T10:00:00Z');
		const second = new Date('2025-01-03T10:00:00Z');
		const versions = historyVersions(
			{ authorName: 'Anna', createdAt: created },
			[
				{ id: 'r1', body: 'eins', editedByName: 'Anna', createdAt: first },
				{ id: 'r2', body: 'zwei <img src=x onerror=alert(1)>', editedByName: 'Anna B.', createdAt: second }
			],
			new Map()
		);
		expect(versions.map((v) => [v.number, v.writtenAt, v.writtenByName])).toEqual([
			[1, created, 'Anna'],
			[2, first, 'Anna']
		]);
		expect(versions[1]!.html).not.toContain('<img');
	});
});
