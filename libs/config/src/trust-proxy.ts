import { isIP } from 'node:net';

/** What Fastify's `trustProxy` option takes: nobody, a number of hops, or the proxies' addresses. */
export type TrustProxy = false | number | readonly string[];

const NAMED_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * Reads TRUST_PROXY: `false`, a hop count from 1 to 10, or a comma-separated list of addresses,
 * CIDR ranges and the names loopback, linklocal, uniquelocal. `true` is refused on purpose.
 */
export function parseTrustProxy(text: string): { readonly trust: TrustProxy } | { readonly problem: string } {
  const value = text.trim();
  if (value === 'false') return { trust: false };
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return hops >= 1 && hops <= 10
      ? { trust: hops }
      : problem('跳数须在 1 到 10 之间', 'a hop count must be from 1 to 10');
  }
  if (value === 'true') {
    return problem(
      '不能信任所有代理：任何客户端都可以自称任意地址；请写代理的地址或跳数',
      'trusting every proxy lets any client choose its own address; name the proxies or a hop count',
    );
  }
  const entries = value.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    if (!isProxyEntry(entry)) {
      return problem(
        `“${entry}”不是地址、CIDR 网段或 loopback/linklocal/uniquelocal`,
        `"${entry}" is not an address, a CIDR range, or loopback/linklocal/uniquelocal`,
      );
    }
  }
  return { trust: entries };
}

function isProxyEntry(entry: string): boolean {
  if (NAMED_RANGES.includes(entry)) return true;
  const [address, bits, extra] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || extra !== undefined) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128);
}

function problem(zh: string, en: string): { readonly problem: string } {
  return { problem: `${zh} / ${en}` };
}
