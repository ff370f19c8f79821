import { isIPv4, isIPv6 } from 'node:net';

/**
 * The network block an address belongs to, as a rate limit counts it: the /24 of an IPv4 address,
 * the /64 of an IPv6 one (one household or one mobile subscriber gets a whole /64). An IPv4
 * address mapped into IPv6 (::ffff:a.b.c.d, as a dual-stack socket reports it) is its IPv4 self.
 */
export function networkBlockOf(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const v4 = mapped ? mapped[1] : address;
  if (isIPv4(v4)) return `${v4.split('.').slice(0, 3).join('.')}.0/24`;
  if (!isIPv6(address)) return address;
  return `${expandIPv6(address).slice(0, 4).join(':')}::/64`;
}

/** The eight groups of an IPv6 address, each without leading zeros, `::` filled in. */
function expandIPv6(address: string): string[] {
  const zone = address.indexOf('%');
  const bare = (zone < 0 ? address : address.slice(0, zone)).toLowerCase();
  const [head, tail] = bare.includes('::') ? bare.split('::') : [bare, undefined];
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  // A trailing dotted IPv4 part stands for two groups.
  const groups = [...left, ...Array<string>(Math.max(0, 8 - left.length - groupCount(right))).fill('0'), ...right];
  return groups.flatMap((group) =>
    group.includes('.') ? dottedGroups(group) : [String(parseInt(group, 16).toString(16))],
  );
}

function groupCount(groups: readonly string[]): number {
  return groups.reduce((count, group) => count + (group.includes('.') ? 2 : 1), 0);
}

function dottedGroups(dotted: string): string[] {
  const [a, b, c, d] = dotted.split('.').map(Number);
  return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
}
