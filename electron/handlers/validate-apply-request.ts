import type { ApplyRequest, RuntimeValue } from '../contract';
import {
  boolean,
  described,
  listOf,
  matching,
  nullable,
  object,
  oneOf,
  optional,
  refined,
  string,
  variant,
  ROOT,
  type Checked,
} from './payload-checks';

/** A running value to set: `{ ipv4?: 0 | 1, ipv6?: 0 | 1 }` and nothing else. */
export const checkValues = object({
  ipv4: optional(oneOf<[RuntimeValue, RuntimeValue]>(0, 1)),
  ipv6: optional(oneOf<[RuntimeValue, RuntimeValue]>(0, 1)),
});

/** The hash the file had when the page read it; null when it did not exist. */
const expectedSha256 = nullable(matching(/^[0-9a-f]{64}$/, 'null or 64 lowercase hex digits'));
// The name's own rules are checked by the planner, which gives the specific inline message.
const fileName = string({ maxLength: 4096 });
/** Absent means every setting; otherwise a non-empty list of distinct setting ids. */
const settings = optional(
  described(
    listOf(oneOf('ipv4', 'ipv6'), { min: 1, max: 2, distinct: true }),
    'a non-empty list of distinct "ipv4"/"ipv6"',
  ),
);
const resetRuntime = boolean;

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

const checkRequest = refined(
  object({ values: checkValues, persistence: checkPersistence }),
  ({ values, persistence }) =>
    (persistence.kind === 'unpersist' || persistence.kind === 'unpersist-sysctl-conf') &&
    (values.ipv4 !== undefined || values.ipv6 !== undefined)
      ? 'values must be empty when stopping persistence (use resetRuntime)'
      : null,
);

/** Checks an untrusted changes:apply or changes:plan payload field by field. */
export function validateApplyRequest(payload: unknown): Checked<ApplyRequest> {
  return checkRequest(payload, ROOT);
}
