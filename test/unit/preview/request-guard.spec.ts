import { test, expect } from '@playwright/test';
import { checkApiRequest } from '../../../electron/preview/request-guard';
import { resolveStaticPath } from '../../../electron/preview/static-files';

const expected = {
  host: '127.0.0.1:4000',
  origin: 'http://127.0.0.1:4000',
  token: 'ab'.repeat(24),
};
const good = {
  host: '127.0.0.1:4000',
  origin: 'http://127.0.0.1:4000',
  'x-nonlocal-bind-token': 'ab'.repeat(24),
  'content-type': 'application/json',
};

test('accepts our own page', () => {
  expect(checkApiRequest(good, expected)).toBeNull();
  const { origin: _origin, ...withoutOrigin } = good;
  expect(checkApiRequest(withoutOrigin, expected)).toBeNull();
});

test('refuses a wrong Host (DNS rebinding), foreign Origin, missing or wrong token, non-JSON', () => {
  expect(checkApiRequest({ ...good, host: 'evil.example:4000' }, expected)).toMatch(/Host/);
  expect(checkApiRequest({ ...good, host: 'localhost:4000' }, expected)).toMatch(/Host/);
  expect(checkApiRequest({ ...good, origin: 'http://evil.example' }, expected)).toMatch(/Origin/);
  expect(checkApiRequest({ ...good, 'x-nonlocal-bind-token': 'cd'.repeat(24) }, expected)).toMatch(
    /token/,
  );
  expect(checkApiRequest({ ...good, 'x-nonlocal-bind-token': 'ab' }, expected)).toMatch(/token/);
  const { 'x-nonlocal-bind-token': _t, ...noToken } = good;
  expect(checkApiRequest(noToken, expected)).toMatch(/token/);
  expect(checkApiRequest({ ...good, 'content-type': 'text/plain' }, expected)).toMatch(
    /Content-Type/,
  );
});

test('static paths cannot escape the renderer directory', () => {
  expect(resolveStaticPath('/srv/r', '/')).toBe('/srv/r/index.html');
  expect(resolveStaticPath('/srv/r', '/assets/a.js')).toBe('/srv/r/assets/a.js');
  expect(resolveStaticPath('/srv/r', '/../etc/passwd')).toBeNull();
  expect(resolveStaticPath('/srv/r', '/..%2f..%2fetc/passwd')).toBeNull();
  expect(resolveStaticPath('/srv/r', '/%00')).toBeNull();
  expect(resolveStaticPath('/srv/r', '/%E0%A4%A')).toBeNull();
});
