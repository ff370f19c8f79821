import { networkBlockOf } from './network-block';

describe('networkBlockOf: the block a vote-rate limit counts', () => {
  it('takes the /24 of an IPv4 address, the same for every address in it', () => {
    expect(networkBlockOf('203.0.113.7')).toBe('203.0.113.0/24');
    expect(networkBlockOf('203.0.113.254')).toBe('203.0.113.0/24');
    expect(networkBlockOf('203.0.114.7')).toBe('203.0.114.0/24');
  });

  it('reads an IPv4 address mapped into IPv6 as the IPv4 address', () => {
    expect(networkBlockOf('::ffff:203.0.113.7')).toBe('203.0.113.0/24');
  });

  it('takes the /64 of an IPv6 address however it is written', () => {
    expect(networkBlockOf('2001:db8:85a3:8d3:1319:8a2e:370:7348')).toBe('2001:db8:85a3:8d3::/64');
    expect(networkBlockOf('2001:0DB8:85A3:08D3::1')).toBe('2001:db8:85a3:8d3::/64');
    expect(networkBlockOf('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(networkBlockOf('::1')).toBe('0:0:0:0::/64');
  });

  it('keeps a value that is no address as it is, so it is still counted on its own', () => {
    expect(networkBlockOf('unknown')).toBe('unknown');
  });
});
