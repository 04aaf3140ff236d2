import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  deriveKey,
  isValidUploadSignature,
  isValidUserSignature,
  readVisitorToken,
  signUploadId,
  signVisitorToken,
} from './signatures.ts';

const instanceSecret = randomBytes(32);
const tokenKey = deriveKey(instanceSecret, 'visitor-token');
const visitorId = '3f0c2a4e-8b1d-4c6a-9e2f-1a2b3c4d5e6f';

describe('visitor tokens', () => {
  const token = signVisitorToken(tokenKey, visitorId);

  it.each([
    ['the token as issued', token, visitorId],
    [
      'a token signed with another instance’s key',
      signVisitorToken(deriveKey(randomBytes(32), 'visitor-token'), visitorId),
      null,
    ],
    [
      'a token whose visitor id was swapped',
      token.replace(visitorId, '00000000-0000-4000-8000-000000000000'),
      null,
    ],
    ['a token with a truncated signature', token.slice(0, -3), null],
    ['a token of an unknown version', token.replace(/^v1/, 'v2'), null],
    ['a token whose id is not a uuid', `v1.not-a-uuid.${token.split('.')[2]}`, null],
    ['an empty string', '', null],
  ])('reads %s as %s', (_case, presented, expected) => {
    expect(readVisitorToken(tokenKey, presented)).toBe(expected);
  });

  it('uses a key of its own: an upload signature never works as a token signature', () => {
    const uploadKey = deriveKey(instanceSecret, 'upload-url');
    expect(uploadKey.equals(tokenKey)).toBe(false);
    expect(readVisitorToken(uploadKey, token)).toBeNull();
  });
});

describe('upload capability signatures', () => {
  const key = deriveKey(instanceSecret, 'upload-url');
  it('accepts the signature of the same upload only', () => {
    const signature = signUploadId(key, visitorId);
    expect(isValidUploadSignature(key, visitorId, signature)).toBe(true);
    expect(isValidUploadSignature(key, '00000000-0000-4000-8000-000000000000', signature)).toBe(false);
    expect(isValidUploadSignature(key, visitorId, 'short')).toBe(false);
  });
});

describe('identity verification of a site’s logged-in user', () => {
  const secret = 'site-secret-for-tests-0123456789abcdef';
  const signatureOf = (userId: string, key = secret) =>
    createHmac('sha256', key).update(userId).digest('hex');

  it.each([
    ['the site’s signature of the same user id', 'user-42', signatureOf('user-42'), true],
    ['a signature of another user id', 'user-42', signatureOf('user-43'), false],
    ['a signature made with another secret', 'user-42', signatureOf('user-42', 'another-secret'), false],
    ['an unsigned claim', 'user-42', '', false],
    ['upper-case hex (not what we document)', 'user-42', signatureOf('user-42').toUpperCase(), false],
  ])('%s is %s', (_case, userId, signature, expected) => {
    expect(isValidUserSignature(secret, userId, signature)).toBe(expected);
  });
});
