import type { Database, DatabaseOrTransaction } from './client.ts';

/**
 * Work to do once a transaction has committed (e.g. forgetting cached reads of what it changed):
 * done earlier, a concurrent reader could cache the data the transaction is about to replace.
 */
const callbacksOf = new WeakMap<object, (() => void)[]>();

/** Runs `callback` after the transaction `tx` commits; outside a known transaction, at once. */
export function afterCommit(tx: DatabaseOrTransaction, callback: () => void) {
	const callbacks = callbacksOf.get(tx);
	if (callbacks) callbacks.push(callback);
	else callback();
}

/** Lets a database's top-level transactions run their after-commit callbacks. */
export function withAfterCommit(database: Database): Database {
	const transaction = database.transaction.bind(database);
	database.transaction = (async (run, options) => {
		const callbacks: (() => void)[] = [];
		const result = await transaction(async (tx) => {
			callbacksOf.set(tx, callbacks);
			return run(tx);
		}, options);
		for (const callback of callbacks) callback();
		return result;
	}) as Database['transaction'];
	return database;
}
