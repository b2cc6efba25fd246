import type { Actor } from '#lib/server/policy/actor.ts';
import type { Network } from '#lib/server/networks/queries.ts';

declare global {
	namespace App {
		interface Locals {
			requestId: string;
			network: Network;
			actor: Actor;
			user: { id: string; email: string; name: string; emailVerified: boolean; locale: string; twoFactorEnabled: boolean } | null;
			sessionId: string | null;
			locale: 'de' | 'en';
			clientAddress: string;
		}
		interface Error {
			message: string;
			code?: string;
			requestId?: string;
		}
	}
}

export {};
