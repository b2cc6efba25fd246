import { describe, expect, it } from 'vitest';
import { mentionMap, mentionedMemberIds, newlyMentionedMemberIds, toMentionables } from './mentions.ts';

const members = toMentionables([
	{ userId: 'u-anna', name: 'Anna Schröder' },
	{ userId: 'u-bernd', name: 'Bernd Meier' },
	{ userId: 'u-bernd2', name: 'bernd meier' },
	{ userId: 'u-empty', name: '***' }
]);

describe('discussion mentions', () => {
	it('gives every member a handle from their name, and leaves out names without one', () => {
		expect(members.map((member) => member.handle)).toEqual(['anna-schroeder', 'bernd-meier', 'bernd-meier']);
		expect(mentionMap(members)).toEqual(
			new Map([
				['anna-schroeder', 'Anna Schröder'],
				['bernd-meier', 'Bernd Meier']
			])
		);
	});

	it('finds the mentioned members, both holders of a shared handle, never unknown handles or the author', () => {
		const text = 'Hallo @bernd-meier und @niemand, siehe auch @anna-schroeder.';
		expect(mentionedMemberIds(text, members, 'u-anna').sort()).toEqual(['u-bernd', 'u-bernd2']);
		expect(mentionedMemberIds('mail@bernd-meier.de', members, null)).toEqual([]);
		expect(mentionedMemberIds('(@Anna-Schroeder)', members, null)).toEqual(['u-anna']);
	});

	it('tells only the members an edit newly mentions', () => {
		expect(
			newlyMentionedMemberIds('@bernd-meier', '@bernd-meier @anna-schroeder', members, 'u-bernd2')
		).toEqual(['u-anna']);
		expect(newlyMentionedMemberIds('@anna-schroeder', 'nur noch Text', members, null)).toEqual([]);
	});
});
