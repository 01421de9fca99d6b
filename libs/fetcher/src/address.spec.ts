import { describeAddressClass, refusedAddressClass } from './address';

describe('refusedAddressClass', () => {
  it.each([
    ['93.184.215.14', null],
    ['8.8.8.8', null],
    ['1.1.1.1', null],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.1.1', 'link-local'],
    ['169.254.169.254', 'cloud metadata'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.127.255.254', 'carrier-grade NAT'],
    ['100.100.100.200', 'cloud metadata'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['172.32.0.1', null],
    ['100.128.0.1', null],
  ])('IPv4 %s → %s', (ip, expected) => {
    expect(refusedAddressClass(ip)).toBe(expected);
  });

  it.each([
    ['2606:4700:4700::1111', null],
    ['2001:4860:4860::8888', null],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['fc00::1', 'private'],
    ['fd12:3456:789a::1', 'private'],
    ['fd00:ec2::254', 'cloud metadata'],
    ['ff02::1', 'multicast'],
    ['[::1]', 'loopback'],
    ['2001:db8::1', 'reserved'],
  ])('IPv6 %s → %s', (ip, expected) => {
    expect(refusedAddressClass(ip)).toBe(expected);
  });

  it.each([
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:169.254.169.254', 'cloud metadata'],
    ['::ffff:8.8.8.8', null],
    ['64:ff9b::a00:1', 'private'],
    ['64:ff9b::808:808', null],
    ['2002:7f00:1::', 'loopback'],
    ['2002:c0a8:101::1', 'private'],
    ['::127.0.0.1', 'loopback'],
  ])('IPv4 inside IPv6 %s → %s', (ip, expected) => {
    expect(refusedAddressClass(ip)).toBe(expected);
  });

  it('refuses what is not an address at all', () => {
    expect(refusedAddressClass('example.org')).toBe('reserved');
    expect(refusedAddressClass('')).toBe('reserved');
  });

  it('names the class in words', () => {
    expect(describeAddressClass('private')).toBe('a private address');
    expect(describeAddressClass('unspecified')).toBe('an unspecified address');
    expect(describeAddressClass('cloud metadata')).toBe('a cloud metadata address');
  });
});
