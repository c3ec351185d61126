import type { RuntimeValue } from '../contract';

/** A field-by-field check of an untrusted payload: the value, or the problem in words. */
export type Checked<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first field that is not allowed, in words; null when there is none. */
export function onlyKeys(
  value: Record<string, unknown>,
  allowed: readonly string[],
  where: string,
): string | null {
  const extra = Object.keys(value).find((k) => !allowed.includes(k));
  return extra === undefined ? null : `unexpected field "${extra.slice(0, 40)}" in ${where}`;
}

export type Values = { ipv4?: RuntimeValue; ipv6?: RuntimeValue };

/** `{ ipv4?: 0 | 1, ipv6?: 0 | 1 }` and nothing else. */
export function checkValues(value: unknown): Checked<Values> {
  if (!isRecord(value)) return { ok: false, problem: 'values must be an object like {"ipv4": 1}' };
  const extra = onlyKeys(value, ['ipv4', 'ipv6'], 'values');
  if (extra) return { ok: false, problem: extra };
  const values: Values = {};
  for (const id of ['ipv4', 'ipv6'] as const) {
    const v = value[id];
    if (v === undefined) continue;
    if (v !== 0 && v !== 1) return { ok: false, problem: `values.${id} must be 0 or 1` };
    values[id] = v;
  }
  return { ok: true, value: values };
}
