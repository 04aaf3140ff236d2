import { describe, expect, it } from 'vitest';
import { isAllowedOrigin } from './stream-auth.ts';

const publicUrl = 'https://support.example.lt';

describe('which pages may use the session cookie on the stream', () => {
  it.each<[string | undefined, string | undefined, boolean]>([
    ['http://127.0.0.1:3000', '127.0.0.1:3000', true],
    ['http://LOCALHOST:3000', 'localhost:3000', true],
    ['https://support.example.lt', 'internal-lb:8080', true],
    ['http://127.0.0.1:3001', '127.0.0.1:3000', false],
    ['https://evil.example', '127.0.0.1:3000', false],
    ['https://support.example.lt.evil.example', 'internal-lb:8080', false],
    ['null', '127.0.0.1:3000', false],
    ['file:///home/agent/page.html', '127.0.0.1:3000', false],
    [undefined, '127.0.0.1:3000', false],
  ])('origin %s connecting to host %s: %s', (origin, host, allowed) => {
    expect(isAllowedOrigin(origin, host, publicUrl)).toBe(allowed);
  });
});
