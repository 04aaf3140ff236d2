import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed values of the chat channel, all HMAC-SHA256:
 * - the visitor token `v1.<visitorId>.<hmac>` that a browser keeps to return to its chat;
 * - capability URLs for uploaded files, so an `<img>` can load them without credentials;
 * - the site's claim that a visitor is its logged-in user (HMAC of the user id with the site's
 *   identity secret, computed by the site's backend).
 */

const hmac = (key: Buffer | string, value: string) => createHmac('sha256', key).update(value).digest();

function isSameDigest(expected: Buffer, presented: string, encoding: 'base64url' | 'hex'): boolean {
  const given = Buffer.from(presented, encoding);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Derives independent keys for each purpose from the one instance secret. */
export function deriveKey(instanceSecret: Buffer, purpose: 'visitor-token' | 'upload-url'): Buffer {
  return hmac(instanceSecret, `frontline/chat/${purpose}`);
}

export function signVisitorToken(key: Buffer, visitorId: string): string {
  return `v1.${visitorId}.${hmac(key, `v1.${visitorId}`).toString('base64url')}`;
}

/** The visitor id in a well-signed token, else null (tampered, truncated or another instance's). */
export function readVisitorToken(key: Buffer, token: string): string | null {
  const [version, visitorId, signature] = token.split('.');
  if (version !== 'v1' || !visitorId || !signature || !uuidPattern.test(visitorId)) return null;
  return isSameDigest(hmac(key, `v1.${visitorId}`), signature, 'base64url') ? visitorId : null;
}

export function signUploadId(key: Buffer, uploadId: string): string {
  return hmac(key, `upload.${uploadId}`).toString('base64url').slice(0, 32);
}

export function isValidUploadSignature(key: Buffer, uploadId: string, signature: string): boolean {
  const expected = signUploadId(key, uploadId);
  return (
    signature.length === expected.length && timingSafeEqual(Buffer.from(signature), Buffer.from(expected))
  );
}

/**
 * Whether the site vouched for `userId`: its backend computes
 * `hex(HMAC-SHA256(identitySecret, userId))` and hands it to the page with the user id.
 *
 * @example
 * // Node on the site's backend:
 * createHmac('sha256', identitySecret).update(user.id).digest('hex')
 */
export function isValidUserSignature(identitySecret: string, userId: string, signature: string): boolean {
  if (!/^[0-9a-f]{64}$/.test(signature)) return false;
  return isSameDigest(hmac(identitySecret, userId), signature, 'hex');
}
