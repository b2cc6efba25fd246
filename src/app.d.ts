import type { Actor } from '#lib/server/policy/actor.ts';
import type { Network } from '#lib/server/networks/queries.ts';

declare global {
	namespace App {
		interface Locals {
			requestId: string;
			network: Network;
			/** Where links in mails point: ORIGIN or a host configured for this network (networks/origin.ts). */
			origin: string;
			actor: Actor;
			user: {
				id: string;
				email: string;
				name: string;
				emailVerified: boolean;
				locale: string;
				twoFactorEnabled: boolean;
			} | null;
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
