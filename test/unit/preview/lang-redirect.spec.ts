import { test, expect } from '@playwright/test';
import { langRedirect } from '../../../electron/preview/lang-redirect';

test('without --lang nothing is redirected: the browser’s languages decide', () => {
  expect(langRedirect('/', null)).toBeNull();
  expect(langRedirect('/index.html', null)).toBeNull();
});

test('with --lang the page, and only the page, is sent to its ?lang= address', () => {
  expect(langRedirect('/', ['de'])).toBe('/?lang=de');
  expect(langRedirect('/index.html', ['de-DE', 'de'])).toBe('/index.html?lang=de-DE,de');
  expect(langRedirect('/?demo=1', ['fr'])).toBe('/?demo=1&lang=fr');
  for (const asset of ['/assets/index-abc.js', '/favicon.svg', '/api/state:get']) {
    expect(langRedirect(asset, ['de']), asset).toBeNull();
  }
});

test('a ?lang= already in the address wins, even an empty one', () => {
  expect(langRedirect('/?lang=fr', ['de'])).toBeNull();
  expect(langRedirect('/?x=1&lang=', ['de'])).toBeNull();
});
