import { BlockList, isIP } from 'node:net';

/**
 * Addresses a spec URL may not reach unless the user allows it: a spec that names
 * `http://169.254.169.254/` (the EC2 metadata service) or a host that resolves to 10.x would
 * otherwise make gatecheck read internal services for whoever wrote the spec.
 * Ranges: RFC 6890 special-purpose registries (IPv4 and IPv6).
 */
const refused = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  refused.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  refused.addSubnet(network, prefix, 'ipv6');
}

/** True for loopback, link-local, private, multicast and unspecified addresses. */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  // An IPv4-mapped IPv6 address (::ffff:10.0.0.1) reaches the IPv4 host.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare)?.[1];
  if (mapped !== undefined) return refused.check(mapped, 'ipv4');
  const family = isIP(bare);
  if (family === 4) return refused.check(bare, 'ipv4');
  if (family === 6) return refused.check(bare, 'ipv6');
  return false;
}
