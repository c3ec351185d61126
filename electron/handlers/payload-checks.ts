/**
 * The one kit for checking untrusted payloads: small typed checks that compose. Types vanish
 * at run time, so every handler states its payload's exact shape with these and gets back
 * the typed value or a specific problem ("persistence.fileName must be a string").
 */
export type Checked<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/** Checks one value; `at` names where it sits in the payload, for the message. */
export type Check<T> = (value: unknown, at: string) => Checked<T>;

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const problem = (error: string): Checked<never> => ({ ok: false, error });

/** How the top of every payload is named in messages. */
export const ROOT = 'the payload';

/** Where a field sits: `persistence.kind`, or just `values` at the top. */
const fieldAt = (at: string, key: string): string => (at === ROOT ? key : `${at}.${key}`);

/** Channels without a request: null or nothing at all. */
export const noPayload: Check<null> = (value) =>
  value === null || value === undefined ? ok(null) : problem('it takes no payload');

/** Any value at all: for fields a core validator checks with its own specific words. */
export const anything: Check<unknown> = (value) => ok(value);

export function string(limits: { readonly maxLength?: number } = {}): Check<string> {
  return (value, at) => {
    if (typeof value !== 'string') return problem(`${at} must be a string`);
    const max = limits.maxLength;
    return max !== undefined && value.length > max
      ? problem(`${at} is longer than ${max} characters`)
      : ok(value);
  };
}

export const boolean: Check<boolean> = (value, at) =>
  typeof value === 'boolean' ? ok(value) : problem(`${at} must be true or false`);

/** A whole number from `min` to `max` (a JSON number: no strings, no fractions). */
export function integer(limits: { readonly min: number; readonly max: number }): Check<number> {
  return (value, at) =>
    typeof value === 'number' &&
    Number.isSafeInteger(value) &&
    value >= limits.min &&
    value <= limits.max
      ? ok(value)
      : problem(`${at} must be a whole number from ${limits.min} to ${limits.max}`);
}

/** One of a few literal values (strings or numbers). */
export function oneOf<const T extends readonly (string | number)[]>(
  ...options: T
): Check<T[number]> {
  const words = options.map((o) => JSON.stringify(o));
  const listed =
    words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
  return (value, at) =>
    options.includes(value as T[number])
      ? ok(value as T[number])
      : problem(`${at} must be ${listed}`);
}

/** A string matching `pattern`; `what` says what it must be in words. */
export function matching(pattern: RegExp, what: string): Check<string> {
  return (value, at) =>
    typeof value === 'string' && pattern.test(value) ? ok(value) : problem(`${at} must be ${what}`);
}

export function nullable<T>(check: Check<T>): Check<T | null> {
  return (value, at) => (value === null ? ok(null) : check(value, at));
}

/** Replaces a check's problem with one sentence about the whole field. */
export function described<T>(check: Check<T>, mustBe: string): Check<T> {
  return (value, at) => {
    const checked = check(value, at);
    return checked.ok ? checked : problem(`${at} must be ${mustBe}`);
  };
}

/** A further rule on an already typed value; `rule` returns the problem or null. */
export function refined<T>(
  check: Check<T>,
  rule: (value: T, at: string) => string | null,
): Check<T> {
  return (value, at) => {
    const checked = check(value, at);
    if (!checked.ok) return checked;
    const broken = rule(checked.value, at);
    return broken === null ? checked : problem(broken);
  };
}

export function listOf<T>(
  item: Check<T>,
  limits: { readonly min?: number; readonly max: number; readonly distinct?: boolean },
): Check<T[]> {
  return (value, at) => {
    if (!Array.isArray(value)) return problem(`${at} must be a list`);
    if (value.length < (limits.min ?? 0))
      return problem(`${at} must have at least ${limits.min} item(s)`);
    if (value.length > limits.max) return problem(`${at} must have at most ${limits.max} items`);
    const items: T[] = [];
    for (const [i, v] of value.entries()) {
      const checked = item(v, `${at}[${i}]`);
      if (!checked.ok) return checked;
      items.push(checked.value);
    }
    if (limits.distinct && new Set(items).size !== items.length)
      return problem(`${at} must not name the same item twice`);
    return ok(items);
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object used as a map: any keys (at most `maxKeys`), every value passing `item`. */
export function recordOf<T>(item: Check<T>, maxKeys: number): Check<Record<string, T>> {
  return (value, at) => {
    if (!isRecord(value)) return problem(`${at} must be an object`);
    const entries = Object.entries(value);
    if (entries.length > maxKeys) return problem(`${at} has more than ${maxKeys} entries`);
    const out: [string, T][] = [];
    for (const [key, v] of entries) {
      const checked = item(v, `${at}["${key.slice(0, 40)}"]`);
      if (!checked.ok) return checked;
      out.push([key, checked.value]);
    }
    // fromEntries defines own properties, so a key named "__proto__" stays a plain key.
    return ok(Object.fromEntries(out));
  };
}

/** A field that may be left out; when absent it is absent from the checked value too. */
export interface Optional<T> {
  readonly optional: Check<T>;
}
export const optional = <T>(check: Check<T>): Optional<T> => ({ optional: check });

type Shape = Readonly<Record<string, Check<unknown> | Optional<unknown>>>;
type Required<S extends Shape> = {
  [K in keyof S as S[K] extends Check<unknown> ? K : never]: S[K] extends Check<infer T>
    ? T
    : never;
};
type Omittable<S extends Shape> = {
  [K in keyof S as S[K] extends Optional<unknown> ? K : never]?: S[K] extends Optional<infer T>
    ? T
    : never;
};
type ObjectOf<S extends Shape> = {
  [K in keyof (Required<S> & Omittable<S>)]: (Required<S> & Omittable<S>)[K];
};

/** An object with exactly these fields: a missing one fails its check, an extra one is named. */
export function object<S extends Shape>(shape: S): Check<ObjectOf<S>> {
  const keys = Object.keys(shape);
  return (value, at) => {
    if (!isRecord(value)) return problem(`${at} must be an object {${keys.join(', ')}}`);
    const extra = Object.keys(value).find((k) => !keys.includes(k));
    if (extra !== undefined) return problem(`unexpected field "${extra.slice(0, 40)}" in ${at}`);
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const field = shape[key] as Check<unknown> | Optional<unknown>;
      const v = value[key];
      if (typeof field !== 'function' && v === undefined) continue;
      const checked = (typeof field === 'function' ? field : field.optional)(v, fieldAt(at, key));
      if (!checked.ok) return checked;
      out[key] = checked.value;
    }
    return ok(out as ObjectOf<S>);
  };
}

/** Objects told apart by one field (`kind`): each kind has its own exact shape. */
export function variant<K extends string, M extends Readonly<Record<string, Check<unknown>>>>(
  key: K,
  cases: M,
): Check<{ [C in keyof M]: M[C] extends Check<infer T> ? T : never }[keyof M]> {
  const kinds = oneOf(...Object.keys(cases));
  return (value, at) => {
    if (!isRecord(value)) return problem(`${at} must be an object`);
    const kind = kinds(value[key], fieldAt(at, key));
    if (!kind.ok) return kind;
    const checked = (cases[kind.value] as Check<unknown>)(value, at);
    return checked as Checked<{ [C in keyof M]: M[C] extends Check<infer T> ? T : never }[keyof M]>;
  };
}
