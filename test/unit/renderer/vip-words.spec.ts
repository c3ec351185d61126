import { test, expect } from '@playwright/test';
import type { VipBudgetExhausted, VipBudgetName } from '../../../electron/contract';
import { DEFAULT_VIP_BUDGET } from '../../../electron/system/vip-budget';
import { describeVipBudget, vipAdviceWords } from '../../../renderer/src/vip-words';

const exhausted = (
  budget: VipBudgetName,
  file: string | null,
  line: number | null,
): VipBudgetExhausted => ({
  code: 'VIP_BUDGET_EXHAUSTED',
  budget,
  limit: DEFAULT_VIP_BUDGET[budget],
  file,
  line,
  progress: {
    time: 1234,
    bytes: 4 * 1024 * 1024 + 33,
    files: 3,
    entries: 1000,
    skipped: 0,
    directories: 1,
  },
});

test('a discovery stopped by a budget says which, where, and that the rest was not read', () => {
  expect(describeVipBudget(exhausted('entries', '/etc/nginx/nginx.conf', 1001))).toBe(
    'Stopped early at /etc/nginx/nginx.conf:1001: it names more than 1,000 addresses, the most one look lists. Only what came before is listed (3 files, 4 MiB read in 1,234 ms); the rest was not read.',
  );
  expect(describeVipBudget(exhausted('bytes', '/etc/nginx/quiet/01.conf', null))).toContain(
    'Stopped early at /etc/nginx/quiet/01.conf: reading it would pass 16 MiB, the most one look reads.',
  );
  expect(describeVipBudget(exhausted('time', null, null))).toContain(
    'Stopped early: reading it took longer than 1.5 s, the most one look may take.',
  );
  // Every budget has its own words.
  const causes = (Object.keys(DEFAULT_VIP_BUDGET) as VipBudgetName[]).map(
    (b) => describeVipBudget(exhausted(b, null, null)).split('.')[0],
  );
  expect(new Set(causes).size).toBe(causes.length);
});

test('VIP advice says a machine needs the setting only when its value is off or unknown', () => {
  const entry = {
    program: 'HAProxy',
    family: 'IPv4',
    address: '192.0.2.10',
    port: 80,
    wildcard: false,
    assignedLocally: false,
    file: '/etc/haproxy/haproxy.cfg',
    line: 2,
    needs: 'ipv4',
  } as const;
  const needs = 'Not on lb-2: HAProxy needs IPv4 non-local bind to start there.';
  expect(vipAdviceWords(entry, 'lb-2', 0)).toBe(needs);
  expect(vipAdviceWords(entry, 'lb-2', null)).toBe(needs);
  expect(vipAdviceWords(entry, 'lb-2', 1)).toBe(
    'Not on lb-2: HAProxy can start there anyway, as IPv4 non-local bind is on there already.',
  );
  const keepalived = { ...entry, program: 'Keepalived', port: null } as const;
  expect(vipAdviceWords(keepalived, null, 1)).toBe(
    'Not on this computer yet: Keepalived adds it itself on takeover and needs no setting; HAProxy or Nginx listening on it here before then can, as IPv4 non-local bind is on here already.',
  );
  expect(vipAdviceWords(keepalived, null, 0)).toContain('before then need IPv4 non-local bind.');
});
