// Classifies a URL's hostname as public or not, without DNS: a webhook URL is only useful if Jelou can reach it
// from the internet, so loopback, private, link-local, multicast and reserved addresses are refused early.

/** [network, prefix length] pairs of IPv4 ranges that are not reachable from the internet. */
const NON_PUBLIC_IPV4: readonly (readonly [number, number])[] = [
  [ipv4(0, 0, 0, 0), 8], // "this network" (RFC 791)
  [ipv4(10, 0, 0, 0), 8], // private (RFC 1918)
  [ipv4(100, 64, 0, 0), 10], // carrier-grade NAT (RFC 6598)
  [ipv4(127, 0, 0, 0), 8], // loopback
  [ipv4(169, 254, 0, 0), 16], // link-local, including cloud metadata at 169.254.169.254
  [ipv4(172, 16, 0, 0), 12], // private (RFC 1918)
  [ipv4(192, 0, 0, 0), 24], // IETF protocol assignments (RFC 6890)
  [ipv4(192, 168, 0, 0), 16], // private (RFC 1918)
  [ipv4(198, 18, 0, 0), 15], // benchmarking (RFC 2544)
  [ipv4(224, 0, 0, 0), 4], // multicast
  [ipv4(240, 0, 0, 0), 4], // reserved, including broadcast 255.255.255.255
];

function ipv4(a: number, b: number, c: number, d: number): number {
  return ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
}

function isPublicIpv4(address: number): boolean {
  return !NON_PUBLIC_IPV4.some(([network, prefix]) => address >>> (32 - prefix) === network >>> (32 - prefix));
}

function isPublicIpv6(groups: readonly number[]): boolean {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups;
  const embeddedIpv4 = ((g6 << 16) | g7) >>> 0;
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0) {
    // ::ffff:a.b.c.d (IPv4-mapped) reaches the IPv4 host on dual-stack sockets.
    if (g5 === 0xffff) return isPublicIpv4(embeddedIpv4);
    // ::a.b.c.d (IPv4-compatible, deprecated); its 0.0.0.0/8 also covers :: (unspecified) and ::1 (loopback).
    if (g5 === 0) return isPublicIpv4(embeddedIpv4);
  }
  // ::ffff:0:a.b.c.d (IPv4-translated, RFC 2765 / SIIT).
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0xffff && g5 === 0) return isPublicIpv4(embeddedIpv4);
  if (g0 === 0x64 && g1 === 0xff9b) {
    // 64:ff9b::a.b.c.d (NAT64 well-known prefix, RFC 6052) reaches the IPv4 host through the translator;
    // 64:ff9b:1::/48 is for local use only (RFC 8215).
    return g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0 && isPublicIpv4(embeddedIpv4);
  }
  // 2002:AABB:CCDD::/48 (6to4, RFC 3056) embeds the IPv4 address A.B.C.D in groups 1 and 2.
  if (g0 === 0x2002) return isPublicIpv4(((g1 << 16) | g2) >>> 0);
  if ((g0 & 0xfe00) === 0xfc00) return false; // unique local fc00::/7
  if ((g0 & 0xffc0) === 0xfe80) return false; // link-local fe80::/10
  if ((g0 & 0xff00) === 0xff00) return false; // multicast ff00::/8
  return true;
}

/**
 * Whether a WHATWG-URL-normalized hostname (`new URL(s).hostname`) can be a public internet host.
 *
 * False for `localhost` and `*.localhost`, and for IP literals in loopback, private, link-local, carrier-grade
 * NAT, multicast and reserved ranges, including the IPv6 forms that embed such an IPv4 address (IPv4-mapped,
 * IPv4-compatible, IPv4-translated, NAT64 `64:ff9b::/96`, 6to4 `2002::/16`). DNS names are not resolved, so
 * any other name is taken as public.
 *
 * @example
 * isPublicHost(new URL('https://my-system.com/hook').hostname); // true
 * isPublicHost(new URL('https://[::ffff:127.0.0.1]/').hostname); // false
 */
export function isPublicHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  const bracketed = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  // Only a hostname WHATWG URL leaves as it is is trusted: one it would rewrite (`127.1`, `0x7f.0.0.1`,
  // `2130706433`, `[::ffff:1.2.3.4]`) or refuse (`256.1.1.1`, `[1::2::3]`, a zone id) was not normalized. The
  // canonical forms left are a dotted quad, bracketed hex groups with at most one `::`, or a name.
  try {
    if (new URL(`https://${bracketed}/`).hostname !== bracketed) return false;
  } catch {
    return false;
  }
  if (bracketed.startsWith('[')) {
    const [head = '', tail = ''] = bracketed.slice(1, -1).split('::');
    const h = head === '' ? [] : head.split(':');
    const t = tail === '' ? [] : tail.split(':');
    return isPublicIpv6([...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t].map((g) => parseInt(g, 16)));
  }
  const name = host.replace(/\.+$/, '');
  if (name === '' || name === 'localhost' || name.endsWith('.localhost')) return false;
  const quad = /^\d+\.\d+\.\d+\.\d+$/.test(name) ? name.split('.').map(Number) : undefined;
  return (
    quad === undefined ||
    isPublicIpv4((((quad[0] ?? 0) << 24) | ((quad[1] ?? 0) << 16) | ((quad[2] ?? 0) << 8) | (quad[3] ?? 0)) >>> 0)
  );
}
