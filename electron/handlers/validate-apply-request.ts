import type { ApplyRequest, Persistence, SettingId } from '../contract';
import { checkValues, isRecord, onlyKeys, type Checked } from './payload-checks';

function checkSha(value: unknown, where: string): Checked<string | null> {
  if (value === null) return { ok: true, value: null };
  if (typeof value === 'string' && /^[0-9a-f]{64}$/.test(value)) return { ok: true, value };
  return { ok: false, problem: `${where}.expectedSha256 must be null or 64 lowercase hex digits` };
}

function checkPersistence(value: unknown): Checked<Persistence> {
  if (!isRecord(value)) return { ok: false, problem: 'persistence must be an object' };
  const kind = value.kind;
  if (kind === 'runtime') {
    const extra = onlyKeys(value, ['kind'], 'persistence');
    return extra ? { ok: false, problem: extra } : { ok: true, value: { kind } };
  }
  if (kind === 'persist-sysctl-conf') {
    const extra = onlyKeys(value, ['kind', 'expectedSha256'], 'persistence');
    if (extra) return { ok: false, problem: extra };
    const sha = checkSha(value.expectedSha256, 'persistence');
    return sha.ok ? { ok: true, value: { kind, expectedSha256: sha.value } } : sha;
  }
  if (kind === 'unpersist-sysctl-conf') {
    const extra = onlyKeys(
      value,
      ['kind', 'expectedSha256', 'resetRuntime', 'settings'],
      'persistence',
    );
    if (extra) return { ok: false, problem: extra };
    const sha = checkSha(value.expectedSha256, 'persistence');
    if (!sha.ok) return sha;
    const removal = checkRemoval(value);
    if (!removal.ok) return removal;
    return { ok: true, value: { kind, expectedSha256: sha.value, ...removal.value } };
  }
  if (kind !== 'persist' && kind !== 'unpersist') {
    return {
      ok: false,
      problem:
        'persistence.kind must be "runtime", "persist", "persist-sysctl-conf", "unpersist" or "unpersist-sysctl-conf"',
    };
  }
  const extra = onlyKeys(
    value,
    kind === 'persist'
      ? ['kind', 'fileName', 'expectedSha256']
      : ['kind', 'fileName', 'expectedSha256', 'resetRuntime', 'settings'],
    'persistence',
  );
  if (extra) return { ok: false, problem: extra };
  // The name's own rules are checked by the planner, which gives the specific inline message.
  if (typeof value.fileName !== 'string')
    return { ok: false, problem: 'persistence.fileName must be a string' };
  const sha = checkSha(value.expectedSha256, 'persistence');
  if (!sha.ok) return sha;
  if (kind === 'persist')
    return { ok: true, value: { kind, fileName: value.fileName, expectedSha256: sha.value } };
  const removal = checkRemoval(value);
  if (!removal.ok) return removal;
  return {
    ok: true,
    value: { kind, fileName: value.fileName, expectedSha256: sha.value, ...removal.value },
  };
}

/** The fields every removal has: whether to reset the running value, and which keys. */
function checkRemoval(
  value: Record<string, unknown>,
): Checked<{ resetRuntime: boolean; settings?: readonly SettingId[] }> {
  if (typeof value.resetRuntime !== 'boolean')
    return { ok: false, problem: 'persistence.resetRuntime must be true or false' };
  const settings = checkSettingIds(value.settings);
  if (!settings.ok) return settings;
  return {
    ok: true,
    value: {
      resetRuntime: value.resetRuntime,
      ...(settings.value ? { settings: settings.value } : {}),
    },
  };
}

/** Absent means both settings; otherwise a non-empty list of distinct setting ids. */
function checkSettingIds(value: unknown): Checked<readonly SettingId[] | undefined> {
  if (value === undefined) return { ok: true, value: undefined };
  const problem = {
    ok: false,
    problem: 'persistence.settings must be a non-empty list of distinct "ipv4"/"ipv6"',
  } as const;
  if (!Array.isArray(value) || value.length === 0 || value.length > 2) return problem;
  const ids = value.filter((v): v is SettingId => v === 'ipv4' || v === 'ipv6');
  return ids.length === value.length && new Set(ids).size === ids.length
    ? { ok: true, value: ids }
    : problem;
}

/** Checks an untrusted changes:apply payload field by field; types vanish at run time. */
export function validateApplyRequest(payload: unknown): Checked<ApplyRequest> {
  if (!isRecord(payload))
    return { ok: false, problem: 'the payload must be an object {values, persistence}' };
  const extra = onlyKeys(payload, ['values', 'persistence'], 'the payload');
  if (extra) return { ok: false, problem: extra };
  const values = checkValues(payload.values);
  if (!values.ok) return values;
  const persistence = checkPersistence(payload.persistence);
  if (!persistence.ok) return persistence;
  const kind = persistence.value.kind;
  if (
    (kind === 'unpersist' || kind === 'unpersist-sysctl-conf') &&
    (values.value.ipv4 !== undefined || values.value.ipv6 !== undefined)
  ) {
    return {
      ok: false,
      problem: 'values must be empty when stopping persistence (use resetRuntime)',
    };
  }
  return { ok: true, value: { values: values.value, persistence: persistence.value } };
}
