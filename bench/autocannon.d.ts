/** The part of autocannon's API the benchmark uses (the package ships no types). */
declare module 'autocannon' {
	import type { EventEmitter } from 'node:events';

	type Options = { url: string; connections?: number; duration?: number; headers?: Record<string, string> };
	type Result = {
		requests: { average: number; total: number };
		latency: { p50: number; p99: number; average: number };
		non2xx: number;
		errors: number;
		timeouts: number;
		duration: number;
	};
	type Instance = EventEmitter & PromiseLike<Result>;

	function autocannon(options: Options): Instance;
	export default autocannon;
}
