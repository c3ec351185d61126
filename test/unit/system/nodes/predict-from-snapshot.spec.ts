import { expect, test } from '@playwright/test';
import {
  predictFromSnapshot,
  runningValue,
} from '../../../../electron/system/nodes/predict-from-snapshot';
import { SETTINGS } from '../../../../electron/system/settings';
import type { SysctlSnapshot } from '../../../../electron/system/sysctl-snapshot';

function snapshot(runtime: SysctlSnapshot['runtime']): SysctlSnapshot {
  return { kernel: '6.1.0', runtime, directories: [], sysctlConf: null, problems: [] };
}

test('each setting is the catalogue entry with the snapshot runtime reading', () => {
  const p = predictFromSnapshot(
    snapshot({ ipv4: { kind: 'value', value: 1 }, ipv6: { kind: 'unexpected', raw: '2\n' } }),
  );
  // The state carries the entry's data but not its kernel range (only the backend needs it).
  const [v4, v6] = SETTINGS.map(({ id, key, procPath, family }) => ({ id, key, procPath, family }));
  expect(p.settings).toEqual([
    { ...v4, runtime: { kind: 'value', value: 1 }, effective: 1 },
    { ...v6, runtime: { kind: 'unexpected', raw: '2\n' }, effective: 1 },
  ]);
});

test('the running value is the one interpretation: any non-zero number is on, no number is null', () => {
  const p = predictFromSnapshot(
    snapshot({
      ipv4: { kind: 'value', value: 0 },
      ipv6: { kind: 'unavailable', reason: 'ipv6-absent', detail: 'no IPv6' },
    }),
  );
  expect(runningValue(p, 'ipv4')).toBe(0);
  expect(runningValue(p, 'ipv6')).toBeNull();
  const odd = predictFromSnapshot(
    snapshot({ ipv4: { kind: 'unexpected', raw: '2\n' }, ipv6: { kind: 'value', value: 1 } }),
  );
  expect(runningValue(odd, 'ipv4')).toBe(1);
  expect(runningValue(odd, 'ipv6')).toBe(1);
  const text = predictFromSnapshot(
    snapshot({
      ipv4: { kind: 'unexpected', raw: 'abc\n' },
      ipv6: { kind: 'unexpected', raw: '007\n' },
    }),
  );
  expect(runningValue(text, 'ipv4')).toBeNull();
  expect(runningValue(text, 'ipv6')).toBe(1);
});
