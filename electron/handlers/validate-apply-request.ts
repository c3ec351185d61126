import type { ApplyRequest, Persistence, RuntimeValue, SettingId } from '../contract';

type Checked<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function onlyKeys(
  value: Record<string, unknown>,
  allowed: readonly string[],
  where: string,
): string | null {
  const extra = Object.keys(value).find((k) => !allowed.includes(k));
  return extra === undefined ? null : `unexpected field "${extra.slice(0, 40)}" in ${where}`;
}

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
  if (kind !== 'persist' && kind !== 'unpersist') {
    return {
      ok: false,
      problem:
        'persistence.kind must be "runtime", "persist", "persist-sysctl-conf" or "unpersist"',
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
  if (typeof value.resetRuntime !== 'boolean')
    return { ok: false, problem: 'persistence.resetRuntime must be true or false' };
  const settings = checkSettingIds(value.settings);
  if (!settings.ok) return settings;
  return {
    ok: true,
    value: {
      kind,
      fileName: value.fileName,
      expectedSha256: sha.value,
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

function checkValue(value: unknown, id: string): Checked<RuntimeValue | undefined> {
  if (value === undefined) return { ok: true, value: undefined };
  if (value === 0 || value === 1) return { ok: true, value };
  return { ok: false, problem: `values.${id} must be 0 or 1` };
}

/** Checks an untrusted changes:apply payload field by field; types vanish at run time. */
export function validateApplyRequest(payload: unknown): Checked<ApplyRequest> {
  if (!isRecord(payload))
    return { ok: false, problem: 'the payload must be an object {values, persistence}' };
  const extra = onlyKeys(payload, ['values', 'persistence'], 'the payload');
  if (extra) return { ok: false, problem: extra };
  if (!isRecord(payload.values))
    return { ok: false, problem: 'values must be an object like {"ipv4": 1}' };
  const extraValue = onlyKeys(payload.values, ['ipv4', 'ipv6'], 'values');
  if (extraValue) return { ok: false, problem: extraValue };
  const ipv4 = checkValue(payload.values.ipv4, 'ipv4');
  if (!ipv4.ok) return ipv4;
  const ipv6 = checkValue(payload.values.ipv6, 'ipv6');
  if (!ipv6.ok) return ipv6;
  const persistence = checkPersistence(payload.persistence);
  if (!persistence.ok) return persistence;
  if (
    persistence.value.kind === 'unpersist' &&
    (ipv4.value !== undefined || ipv6.value !== undefined)
  ) {
    return {
      ok: false,
      problem: 'values must be empty when stopping persistence (use resetRuntime)',
    };
  }
  const values: { ipv4?: RuntimeValue; ipv6?: RuntimeValue } = {};
  if (ipv4.value !== undefined) values.ipv4 = ipv4.value;
  if (ipv6.value !== undefined) values.ipv6 = ipv6.value;
  return { ok: true, value: { values, persistence: persistence.value } };
}
