import { config } from '../config.ts';

/**
 * The origin that links in mails (verification, reset, invitations) point at. A request's own
 * origin comes from its Host header, which the sender controls: a reset link pointing at a host of
 * their choosing would hand them the token. So the request's origin is used only when it is the
 * configured ORIGIN or a host configured for the request's network; otherwise ORIGIN.
 */
export function linkOrigin(
	requestUrl: URL,
	networkHosts: readonly string[],
	configuredOrigin: string
): string {
	if (requestUrl.origin === configuredOrigin) return configuredOrigin;
	return networkHosts.includes(requestUrl.hostname.toLowerCase()) ? requestUrl.origin : configuredOrigin;
}

/** What a mail needs of its network: the name to sign with and the origin its links point at. */
export type MailNetwork = { name: string; origin: string };

/** Where a network's mail links point when no request tells us (background jobs). */
export function networkOrigin(network: { hosts: readonly string[]; isDefault: boolean }): string {
	return network.hosts[0] && !network.isDefault ? `https://${network.hosts[0]}` : config().ORIGIN;
}
