import { createApiTokenSchema, revokeApiTokenSchema } from '#lib/api/schemas.ts';
import { createApiToken, revokeApiToken } from '#lib/server/api/mutations.ts';
import { listApiTokens } from '#lib/server/api/queries.ts';
import { formFailure, parseForm } from '#lib/server/forms.ts';
import { authorize } from '#lib/server/guard.ts';
import { m } from '#lib/paraglide/messages.js';

/** Office: create, list and revoke the network's API tokens. */
export const load = async (event) => {
	authorize(event, 'office.tokens.manage');
	// A freshly created token is on this page once; no cache may keep it.
	event.setHeaders({ 'cache-control': 'no-store' });
	const tokens = await listApiTokens(event.locals.network.id);
	const revokeId = event.url.searchParams.get('revoke');
	const confirmRevoke = tokens.find((t) => t.id === revokeId && !t.revokedAt) ?? null;
	return { tokens, confirmRevoke: confirmRevoke && { id: confirmRevoke.id, name: confirmRevoke.name } };
};

const auditContext = (event: { request: Request; locals: App.Locals }) => ({
	ipAddress: event.locals.clientAddress,
	userAgent: event.request.headers.get('user-agent')
});

export const actions = {
	create: async (event) => {
		authorize(event, 'office.tokens.manage');
		const { locals } = event;
		const parsed = await parseForm(event.request, createApiTokenSchema, locals.locale);
		if (!parsed.ok) return parsed.failure;
		const created = await createApiToken({
			actor: { ...locals.actor, userId: locals.actor.userId! },
			networkId: locals.network.id,
			name: parsed.data.name,
			context: auditContext(event)
		});
		return { created: { name: created.name, token: created.token } };
	},
	revoke: async (event) => {
		authorize(event, 'office.tokens.manage');
		const { locals } = event;
		const parsed = await parseForm(event.request, revokeApiTokenSchema, locals.locale);
		if (!parsed.ok) return formFailure(404, m.api_tokens_not_found({}, { locale: locals.locale }));
		const result = await revokeApiToken({
			actor: { ...locals.actor, userId: locals.actor.userId! },
			networkId: locals.network.id,
			tokenId: parsed.data.tokenId,
			context: auditContext(event)
		});
		if (!result.ok) {
			return result.reason === 'NOT_FOUND'
				? formFailure(404, m.api_tokens_not_found({}, { locale: locals.locale }))
				: formFailure(409, m.api_tokens_already_revoked({}, { locale: locals.locale }));
		}
		return { revoked: { name: result.name } };
	}
};
