import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../helpers/database.ts';
import { findNetworkForHost, forgetNetworkCache } from '../../src/lib/server/networks/queries.ts';
import { createNetwork } from '../../src/lib/server/testing/factories.ts';

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
beforeAll(async () => {
	database = await useFreshDatabase();
});
afterAll(() => database.close());

describe('one installation, several networks, chosen by host name', () => {
	it('answers null while there is no network', async () => {
		forgetNetworkCache();
		expect(await findNetworkForHost('localhost:3000')).toBeNull();
	});

	it('picks the network by host name (port and case ignored), else the default network', async () => {
		const autos = await createNetwork(database.db, {
			slug: 'autos',
			isDefault: true,
			hosts: ['autos.example.org']
		});
		const food = await createNetwork(database.db, {
			slug: 'food',
			hosts: ['food.example.org', 'ernaehrung.example.org']
		});
		forgetNetworkCache();
		expect((await findNetworkForHost('food.example.org'))?.id).toBe(food.id);
		expect((await findNetworkForHost('ERNAEHRUNG.example.org:8443'))?.id).toBe(food.id);
		expect((await findNetworkForHost('autos.example.org'))?.id).toBe(autos.id);
		expect((await findNetworkForHost('localhost:3000'))?.id).toBe(autos.id);
		expect((await findNetworkForHost('unknown.example.org'))?.id).toBe(autos.id);
	});
});
