import type { ApplyRequest, RuntimeValue, SettingValues } from '../contract';
import type { Catalogue } from '../system/settings';
import {
  boolean,
  described,
  listOf,
  matching,
  nullable,
  object,
  oneOf,
  optional,
  recordOf,
  refined,
  string,
  variant,
  type Check,
} from './payload-checks';

/** Running values to set: `{ [id]: 0 | 1 }` for ids of the catalogue, and nothing else. */
export function valuesCheck(catalogue: Catalogue): Check<SettingValues> {
  return refined(
    recordOf(oneOf<[RuntimeValue, RuntimeValue]>(0, 1), catalogue.length),
    (values, at) => {
      const unknown = Object.keys(values).find((id) => !catalogue.some((s) => s.id === id));
      return unknown === undefined ? null : `unexpected field "${unknown.slice(0, 40)}" in ${at}`;
    },
  );
}

/** The hash the file had when the page read it; null when it did not exist. */
const expectedSha256 = nullable(matching(/^[0-9a-f]{64}$/, 'null or 64 lowercase hex digits'));
// The name's own rules are checked by the planner, which gives the specific inline message.
const fileName = string({ maxLength: 4096 });
/** Absent means every setting; otherwise a non-empty list of distinct setting ids. */
function settingsCheck(catalogue: Catalogue) {
  const ids = catalogue.map((s) => s.id);
  return optional(
    described(
      listOf(oneOf(...ids), { min: 1, max: ids.length, distinct: true }),
      `a non-empty list of distinct setting ids (${ids.map((id) => `"${id}"`).join(', ')})`,
    ),
  );
}
const resetRuntime = boolean;

/** The changes:apply and changes:plan payload for a target of `catalogue`. */
export function applyRequestCheck(catalogue: Catalogue): Check<ApplyRequest> {
  const settings = settingsCheck(catalogue);
  const checkPersistence = variant('kind', {
    runtime: object({ kind: oneOf('runtime') }),
    persist: object({ kind: oneOf('persist'), fileName, expectedSha256 }),
    'persist-sysctl-conf': object({ kind: oneOf('persist-sysctl-conf'), expectedSha256 }),
    unpersist: object({
      kind: oneOf('unpersist'),
      fileName,
      expectedSha256,
      resetRuntime,
      settings,
    }),
    'unpersist-sysctl-conf': object({
      kind: oneOf('unpersist-sysctl-conf'),
      expectedSha256,
      resetRuntime,
      settings,
    }),
  });
  return refined(
    object({ values: valuesCheck(catalogue), persistence: checkPersistence }),
    ({ values, persistence }) =>
      (persistence.kind === 'unpersist' || persistence.kind === 'unpersist-sysctl-conf') &&
      Object.keys(values).length > 0
        ? 'values must be empty when stopping persistence (use resetRuntime)'
        : null,
  );
}
