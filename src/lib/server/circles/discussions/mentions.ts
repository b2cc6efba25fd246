import { mentionHandle, mentionedHandles } from '../../../circles/mentions.ts';

/** A current member of a circle as discussions see them: who can be mentioned, and as what. */
export type Mentionable = { userId: string; name: string; handle: string };

export function toMentionables(members: { userId: string; name: string }[]): Mentionable[] {
	return members
		.map((member) => ({ ...member, handle: mentionHandle(member.name) }))
		.filter((member) => member.handle !== '')
		.sort((a, b) => a.handle.localeCompare(b.handle));
}

/** handle → name, for renderMarkdown's highlighted mentions. */
export function mentionMap(members: Mentionable[]): Map<string, string> {
	const map = new Map<string, string>();
	for (const member of members) if (!map.has(member.handle)) map.set(member.handle, member.name);
	return map;
}

/**
 * The members a text mentions: every member whose handle appears (two members sharing a handle are
 * both meant). Unknown handles and people outside the circle mention nobody; the author never
 * mentions themself.
 */
export function mentionedMemberIds(
	text: string,
	members: Mentionable[],
	authorUserId: string | null
): string[] {
	const handles = new Set(mentionedHandles(text));
	return members
		.filter((member) => handles.has(member.handle) && member.userId !== authorUserId)
		.map((member) => member.userId);
}

/** The members mentioned in the new wording who were not mentioned in the old one. */
export function newlyMentionedMemberIds(
	before: string,
	after: string,
	members: Mentionable[],
	authorUserId: string | null
): string[] {
	const already = new Set(mentionedMemberIds(before, members, authorUserId));
	return mentionedMemberIds(after, members, authorUserId).filter((userId) => !already.has(userId));
}
