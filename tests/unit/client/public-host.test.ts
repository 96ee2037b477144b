import { isPublicHost } from '../../../src/client/public-host.js';

/** The hostname a webhook URL with this authority is checked with, as validateChanges does. */
function hostOf(authority: string): string {
  return new URL(`https://${authority}/webhook`).hostname;
}

describe('isPublicHost', () => {
  it.each([
    'my-system.com',
    'hooks.example.org',
    'xn--nxasmq6b.com',
    'localhost.example.com',
    'notlocalhost',
    '8.8.8.8',
    '1.1.1.1',
    '9.255.255.255',
    '11.0.0.0',
    '100.63.255.255',
    '100.128.0.0',
    '126.255.255.255',
    '128.0.0.0',
    '169.253.255.255',
    '169.255.0.0',
    '172.15.255.255',
    '172.32.0.0',
    '192.0.1.0',
    '192.167.255.255',
    '192.169.0.0',
    '198.17.255.255',
    '198.20.0.0',
    '223.255.255.255',
    '[2001:4860:4860::8888]',
    '[2606:4700:4700::1111]',
    '[fbff::1]',
    '[fe7f::1]',
    '[fec0::1]',
    '[::ffff:8.8.8.8]',
    '[::ffff:808:808]',
    '[::8.8.8.8]',
  ])('treats %s as public', (authority) => {
    expect(isPublicHost(hostOf(authority))).toBe(true);
  });

  it.each([
    'localhost',
    'LOCALHOST',
    'localhost.',
    'api.localhost',
    'api.localhost.',
    '0.0.0.0',
    '0.255.255.255',
    '10.0.0.1',
    '10.255.255.255',
    '100.64.0.0',
    '100.127.255.255',
    '127.0.0.1',
    '127.255.255.254',
    '169.254.169.254',
    '172.16.0.1',
    '172.31.255.255',
    '192.0.0.8',
    '192.168.1.1',
    '198.18.0.1',
    '198.19.255.255',
    '224.0.0.1',
    '239.255.255.250',
    '240.0.0.1',
    '255.255.255.255',
    '[::]',
    '[::1]',
    '[0:0:0:0:0:0:0:1]',
    '[fc00::1]',
    '[fd12:3456:789a::1]',
    '[fe80::1]',
    '[febf:ffff::1]',
    '[ff02::1]',
    '[FF05::1:3]',
    '[::ffff:127.0.0.1]',
    '[::ffff:7f00:1]',
    '[::ffff:10.0.0.1]',
    '[::ffff:a9fe:a9fe]',
    '[0:0:0:0:0:ffff:192.168.0.1]',
    '[::127.0.0.1]',
    '[::7f00:1]',
    '[::0.0.0.0]',
  ])('treats %s as not public', (authority) => {
    expect(isPublicHost(hostOf(authority))).toBe(false);
  });

  it.each([
    ['2130706433', '127.0.0.1'],
    ['0x7f.1', '127.0.0.1'],
    ['0177.0.0.1', '127.0.0.1'],
    ['127.1', '127.0.0.1'],
    ['127.0.0.1.', '127.0.0.1'],
    ['%31%32%37.0.0.1', '127.0.0.1'],
    ['0xa9.0xfe.0xa9.0xfe', '169.254.169.254'],
    ['3232235777', '192.168.1.1'],
    ['[0::ffff:127.0.0.1]', '[::ffff:7f00:1]'],
  ])('refuses %s, which WHATWG URL normalizes to %s', (authority, normalized) => {
    expect(hostOf(authority)).toBe(normalized);
    expect(isPublicHost(hostOf(authority))).toBe(false);
  });

  it.each([
    ['the empty string', ''],
    ['dots only', '.'],
    ['a number that was not normalized', '2130706433'],
    ['a short IPv4 form that was not normalized', '127.1'],
    ['a hex IPv4 form that was not normalized', '0x7f.0.0.1'],
    ['a dotted quad with leading zeros', '127.000.000.001'],
    ['an out-of-range dotted quad', '256.1.1.1'],
    ['malformed IPv6', '[1::2::3]'],
    ['IPv6 with too many groups', '[1:2:3:4:5:6:7:8:9]'],
    ['IPv6 with :: standing for no group', '[1:2:3:4:5:6:7::8]'],
    ['IPv6 with a zone id', '[fe80::1%eth0]'],
    ['IPv6 with a malformed embedded IPv4', '[::ffff:1.2.3]'],
    ['brackets around an IPv4', '[8.8.8.8]'],
  ])('refuses %s rather than guess', (_label, hostname) => {
    expect(isPublicHost(hostname)).toBe(false);
  });

  it('accepts an unbracketed public IPv6 address too', () => {
    expect(isPublicHost('2001:4860:4860::8888')).toBe(true);
    expect(isPublicHost('::1')).toBe(false);
  });
});
