// Which network addresses ClaimDesk may fetch from: public unicast only, so a cited URL cannot reach the desk's own network.
import ipaddr from 'ipaddr.js';

/** Why an address is refused, in the words of the error ("resolves to a private address"). */
export type AddressClass = 'loopback' | 'private' | 'link-local' | 'carrier-grade NAT' | 'multicast' | 'unspecified' | 'cloud metadata' | 'broadcast' | 'reserved';

// Metadata services answer on these addresses (AWS, GCP, Azure, OpenStack on 169.254.169.254; AWS over IPv6 on fd00:ec2::254;
// Alibaba on 100.100.100.200; Oracle on 192.0.0.192). Named separately so the error says what was at stake.
const METADATA = new Set(['169.254.169.254', '169.254.170.2', '100.100.100.200', '192.0.0.192', 'fd00:ec2::254']);

const IPV4_CLASSES: Record<string, AddressClass> = {
  unspecified: 'unspecified',
  broadcast: 'broadcast',
  multicast: 'multicast',
  linkLocal: 'link-local',
  loopback: 'loopback',
  carrierGradeNat: 'carrier-grade NAT',
  private: 'private',
};
const IPV6_CLASSES: Record<string, AddressClass> = {
  unspecified: 'unspecified',
  linkLocal: 'link-local',
  multicast: 'multicast',
  loopback: 'loopback',
  uniqueLocal: 'private',
  deprecatedSiteLocal: 'private',
};

function classifyV4(address: ipaddr.IPv4): AddressClass | null {
  if (METADATA.has(address.toString())) return 'cloud metadata';
  const range = address.range();
  if (range === 'unicast') return null;
  return IPV4_CLASSES[range] ?? 'reserved';
}

/** The IPv4 address an IPv6 address carries (mapped, translated, NAT64 or 6to4), if any. */
function embeddedV4(address: ipaddr.IPv6): ipaddr.IPv4 | null {
  const range = address.range();
  const bytes = address.toByteArray();
  if (range === 'ipv4Mapped' || range === 'rfc6145' || range === 'rfc6052') return new ipaddr.IPv4(bytes.slice(12, 16));
  if (range === '6to4') return new ipaddr.IPv4(bytes.slice(2, 6));
  // Deprecated IPv4-compatible addresses (::a.b.c.d).
  if (bytes.slice(0, 12).every((b) => b === 0) && !(range === 'unspecified' || range === 'loopback')) return new ipaddr.IPv4(bytes.slice(12, 16));
  return null;
}

function classifyV6(address: ipaddr.IPv6): AddressClass | null {
  if (METADATA.has(address.toString())) return 'cloud metadata';
  const inner = embeddedV4(address);
  if (inner) return classifyV4(inner);
  const range = address.range();
  if (range === 'unicast') return null;
  return IPV6_CLASSES[range] ?? 'reserved';
}

/**
 * Why an IP address must not be fetched from, or null for a public unicast address. Anything that is not a valid IP
 * address is refused as reserved: callers pass what DNS or the URL gave, and an address we cannot read is not safe.
 */
export function refusedAddressClass(ip: string): AddressClass | null {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(ip.replace(/^\[|\]$/g, '').replace(/%.*$/, ''));
  } catch {
    return 'reserved';
  }
  return parsed.kind() === 'ipv4' ? classifyV4(parsed as ipaddr.IPv4) : classifyV6(parsed as ipaddr.IPv6);
}

export function isIpAddress(host: string): boolean {
  return ipaddr.isValid(host.replace(/^\[|\]$/g, ''));
}

/** "a private address", "an unspecified address", "a cloud metadata address". */
export function describeAddressClass(kind: AddressClass): string {
  return `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind} address`;
}
