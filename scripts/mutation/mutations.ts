/**
 * The safety nets `npm run mutation` takes out, one at a time. Each edit replaces text that
 * must occur exactly once in the file (as committed); when the file has moved on and an
 * anchor is gone, the run reports the mutation as not planted instead of guessing.
 *
 * Anchors are the TypeScript source of the step (String.raw), so a backslash here is one
 * backslash there, and `${'$'}` never appears in them.
 */
import { UNIT, type Mutation } from './mutation';
import { STEP_CHECKS } from './step-checks';
import { STEP_NAMESPACES } from './step-namespaces';
import { STEP_TRANSACTION } from './step-transaction';

export type { Mutation } from './mutation';

/** Outside the step: the four that once passed every test run against them, and a sibling. */
const OUTSIDE_THE_STEP: readonly Mutation[] = [
  {
    id: 'token-space',
    net: 'assertSafeTokens refuses a space',
    file: 'electron/system/privileged-step.ts',
    edits: [
      {
        find: 'const SAFE_TOKEN = /^[A-Za-z0-9._+/=-]+$/;',
        replace: 'const SAFE_TOKEN = /^[A-Za-z0-9 ._+/=-]+$/;',
      },
    ],
    specs: [UNIT],
  },
  {
    id: 'duplicate-ids',
    net: 'distinct setting ids in a removal',
    file: 'electron/handlers/validate-apply-request.ts',
    edits: [{ find: 'distinct: true', replace: 'distinct: false' }],
    specs: [UNIT],
  },
  {
    id: 'apply-in-flight',
    net: 'a second Apply refused while one runs',
    file: 'electron/handlers/apply-handlers.ts',
    edits: [{ find: 'if (busy) {', replace: 'if (busy && !busy) {' }],
    specs: [UNIT],
  },
  {
    id: 'make-alike-in-flight',
    net: 'a second "Make all alike" refused while one runs',
    file: 'electron/handlers/node-handlers.ts',
    edits: [{ find: 'if (applying)', replace: 'if (applying && !applying)' }],
    specs: [UNIT],
  },
  {
    id: 'known-hosts-newline',
    net: 'known_hosts lines end with a newline',
    file: 'electron/system/nodes/host-key.ts',
    edits: [
      { find: "offer.lines.map((l) => `${l}\\n`).join('')", replace: "offer.lines.join('\\n')" },
    ],
    specs: [UNIT],
  },
];

export const MUTATIONS: readonly Mutation[] = [
  ...STEP_CHECKS,
  ...STEP_TRANSACTION,
  ...STEP_NAMESPACES,
  ...OUTSIDE_THE_STEP,
];
