import { describe, expect, test } from 'vitest';
import { sameOrigin } from './same-origin';

describe('sameOrigin', () => {
  const origin = 'http://127.0.0.1:8080';

  test('a catalog URL of the console origin becomes a path', () => {
    expect(sameOrigin('http://127.0.0.1:8080/dfw/v1.0/110011', origin)).toBe('/dfw/v1.0/110011');
    expect(sameOrigin('http://127.0.0.1:8080/ord/v2/110011/', origin)).toBe('/ord/v2/110011');
  });

  test('a foreign origin goes through the forwarding proxy', () => {
    expect(sameOrigin('https://dfw.backup.api.rackspacecloud.com/v1.0/123456', origin)).toBe(
      '/proxy/https/dfw.backup.api.rackspacecloud.com/v1.0/123456',
    );
    expect(sameOrigin('https://veeam.example.com:4443/v5', origin)).toBe(
      '/proxy/https/veeam.example.com:4443/v5',
    );
    expect(sameOrigin('https://identity.api.rackspacecloud.com/v2.0', origin)).toBe(
      '/proxy/https/identity.api.rackspacecloud.com/v2.0',
    );
  });

  test('relative URLs of the config stay as they are', () => {
    expect(sameOrigin('/v2.0', origin)).toBe('/v2.0');
    expect(sameOrigin('/v5/', origin)).toBe('/v5');
  });
});
