// Classifies a URL's hostname as public or not, without DNS: a webhook URL is only useful if Jelou can reach it
// from the internet, so loopback, private, link-local, multicast and reserved addresses are refused early.

// The IPv4 ranges that are not reachable from the internet: "this network" (RFC 791), private (RFC 1918: 10/8,
// 172.16/12, 192.168/16), carrier-grade NAT (RFC 6598), loopback, link-local (with cloud metadata at
// 169.254.169.254), IETF protocol assignments (RFC 6890), benchmarking (RFC 2544), multicast, and reserved (with
// broadcast 255.255.255.255).
const NON_PUBLIC_IPV4 =
  '0.0.0.0/8 10.0.0.0/8 100.64.0.0/10 127.0.0.0/8 169.254.0.0/16 172.16.0.0/12 192.0.0.0/24 192.168.0.0/16 ' +
  '198.18.0.0/15 224.0.0.0/4 240.0.0.0/4';

// A dotted quad as a 32-bit number.
const ipv4 = (dotted: string): number => dotted.split('.').reduce((address, part) => address * 256 + Number(part), 0);

const isPublicIpv4 = (address: number): boolean =>
  !NON_PUBLIC_IPV4.split(' ').some((range) => {
    const [network = '', prefix] = range.split('/');
    const shift = 32 - Number(prefix);
    return address >>> shift === ipv4(network) >>> shift;
  });

function isPublicIpv6([g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0]: number[]): boolean {
  const embedded = g6 * 0x10000 + g7;
  // ::ffff:a.b.c.d (IPv4-mapped, reaches the IPv4 host on dual-stack sockets), ::a.b.c.d (IPv4-compatible,
  // deprecated; its 0.0.0.0/8 also covers :: and ::1) and ::ffff:0:a.b.c.d (IPv4-translated, RFC 2765 / SIIT).
  if (!(g0 | g1 | g2 | g3) && (g4 === 0 ? g5 === 0 || g5 === 0xffff : g4 === 0xffff && g5 === 0)) {
    return isPublicIpv4(embedded);
  }
  // 64:ff9b::a.b.c.d (NAT64 well-known prefix, RFC 6052) reaches the IPv4 host through the translator;
  // 64:ff9b:1::/48 is for local use only (RFC 8215).
  if (g0 === 0x64 && g1 === 0xff9b) return !(g2 | g3 | g4 | g5) && isPublicIpv4(embedded);
  // 2002:AABB:CCDD::/48 (6to4, RFC 3056) embeds the IPv4 address A.B.C.D in groups 1 and 2.
  if (g0 === 0x2002) return isPublicIpv4(g1 * 0x10000 + g2);
  // Unique local fc00::/7, link-local fe80::/10, multicast ff00::/8.
  return (g0 & 0xfe00) !== 0xfc00 && (g0 & 0xffc0) !== 0xfe80 && g0 < 0xff00;
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
  return !/^\d+\.\d+\.\d+\.\d+$/.test(name) || isPublicIpv4(ipv4(name));
}
