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
  socket: { bytesRead },
  inFlight: 0,
  page: false,
  ...extra,
});
/** The position of the picked socket in `tracked`, or null. */
const pick = (tracked: ReturnType<typeof socket>[], newcomer = socket(NOW, 0)) => {
  const picked = pickEviction([...tracked, newcomer], NOW, GRACE_MS, newcomer);
  return picked === null ? null : tracked.indexOf(picked);
};

test('an old silent stranger goes first, the oldest of them', () => {
  const tracked = [socket(old - 5, 10), socket(old - 3, 0), socket(old - 1, 0), socket(young, 0)];
  expect(pick(tracked)).toBe(1);
});

test('then an old stranger that spoke, then young silent, then young spoken', () => {
  expect(pick([socket(young, 0), socket(old, 7)])).toBe(1);
  expect(pick([socket(young, 7), socket(young + 1, 0)])).toBe(1);
  expect(pick([socket(young, 7), socket(young + 1, 9)])).toBe(0);
});

test("never the page's socket nor one serving a request; none left means refuse", () => {
  const busy = socket(old - 9, 0, { inFlight: 1 });
  const page = socket(old - 8, 0, { page: true });
  expect(pick([busy, page, socket(young, 3)])).toBe(2);
  expect(pick([busy, page])).toBeNull();
  expect(pick([])).toBeNull();
  // The newcomer itself is never the one to make way.
  expect(pick([socket(young, 3)], socket(old - 100, 0))).toBe(0);
});
