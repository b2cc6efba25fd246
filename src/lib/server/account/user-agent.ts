/**
 * A short, human name for the browser behind a session ("Firefox", "Windows"), good enough to
 * recognise one's own devices. Not a full parser: unknown agents stay unknown.
 */
export type DeviceDescription = { browser: string | null; os: string | null };

const browsers: [RegExp, string][] = [
	[/Edg(e|A|iOS)?\//, 'Edge'],
	[/OPR\/|Opera/, 'Opera'],
	[/SamsungBrowser\//, 'Samsung Internet'],
	[/Firefox\/|FxiOS\//, 'Firefox'],
	[/Chrome\/|CriOS\/|Chromium\//, 'Chrome'],
	[/Version\/[\d.]+.*Safari\//, 'Safari']
];

const systems: [RegExp, string][] = [
	[/iPhone|iPad|iPod/, 'iOS'],
	[/Android/, 'Android'],
	[/Windows/, 'Windows'],
	[/Mac OS X|Macintosh/, 'macOS'],
	[/CrOS/, 'ChromeOS'],
	[/Linux/, 'Linux']
];

export function describeUserAgent(userAgent: string | null | undefined): DeviceDescription {
	if (!userAgent) return { browser: null, os: null };
	return {
		browser: browsers.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null,
		os: systems.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null
	};
}
