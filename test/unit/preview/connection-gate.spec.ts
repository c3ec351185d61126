import { test, expect } from '@playwright/test';
import { pickEviction } from '../../../electron/preview/connection-gate';

// Which socket makes way for a newcomer. The real server's behaviour under a flood is in
// connection-flood.spec.ts and server-hardening.spec.ts; this pins the order itself.
const GRACE_MS = 250;
const NOW = 10_000;
const old = NOW - GRACE_MS;
const young = NOW - GRACE_MS + 1;
const socket = (acceptedAt: number, bytesRead: number, extra: object = {}) => ({
  acceptedAt,
  bytesRead,
  inFlight: 0,
  page: false,
  ...extra,
});

test('an old silent stranger goes first, the oldest of them', () => {
  const tracked = [socket(old - 5, 10), socket(old - 3, 0), socket(old - 1, 0), socket(young, 0)];
  expect(pickEviction(tracked, NOW, GRACE_MS)).toBe(1);
});

test('then an old stranger that spoke, then young silent, then young spoken', () => {
  expect(pickEviction([socket(young, 0), socket(old, 7)], NOW, GRACE_MS)).toBe(1);
  expect(pickEviction([socket(young, 7), socket(young + 1, 0)], NOW, GRACE_MS)).toBe(1);
  expect(pickEviction([socket(young, 7), socket(young + 1, 9)], NOW, GRACE_MS)).toBe(0);
});

test("never the page's socket nor one serving a request; none left means refuse", () => {
  const busy = socket(old - 9, 0, { inFlight: 1 });
  const page = socket(old - 8, 0, { page: true });
  expect(pickEviction([busy, page, socket(young, 3)], NOW, GRACE_MS)).toBe(2);
  expect(pickEviction([busy, page], NOW, GRACE_MS)).toBeNull();
  expect(pickEviction([], NOW, GRACE_MS)).toBeNull();
});
