import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { API_TOKEN_HEADER } from '../contract';

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Exactly the media type application/json, optionally with parameters
 * (`application/json; charset=utf-8`); not `application/jsonfoo` or `application/json-seq`.
 */
export function isJsonMediaType(value: string): boolean {
  const mediaType = value.split(';', 1)[0]?.trim().toLowerCase();
  return mediaType === 'application/json';
}

/**
 * Decides whether an API request may reach the handler table.
 *
 * The preview listens on loopback only, but any web page the user visits can
 * send requests to loopback and DNS rebinding can make a foreign name resolve
 * there. So the exact Host must match, a cross-site Origin is refused, and a
 * per-run random token (which only our own page learns, from its URL fragment)
 * must accompany every call.
 */
export function checkApiRequest(
  headers: IncomingHttpHeaders,
  expected: { readonly host: string; readonly origin: string; readonly token: string },
): string | null {
  if (headers.host !== expected.host) return `Host header must be ${expected.host}`;
  const origin = headers.origin;
  if (origin !== undefined && origin !== expected.origin) return 'foreign Origin refused';
  const token = headers[API_TOKEN_HEADER];
  if (typeof token !== 'string' || !sameSecret(token, expected.token)) {
    return 'missing or wrong API token';
  }
  if (!isJsonMediaType(headers['content-type'] ?? '')) {
    return 'Content-Type must be application/json';
  }
  return null;
}
