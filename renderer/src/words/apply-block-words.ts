import { t } from '@lingui/core/macro';
import type { ApplyBlock } from '../state/apply-block';

/** Why Apply is off, next to it: one sentence that ends with what to do instead. */
export function applyBlockWords(block: ApplyBlock): string {
  switch (block.kind) {
    case 'read-only-proc': {
      const mountPoint = block.mountPoint;
      return t`Apply is off: ${mountPoint} is read-only inside this container, so the setting cannot be changed from here. Set it where the container is started instead (under the settings).`;
    }
    case 'would-not-last':
      return t`Apply is off: this would not stick at boot. Use the fix above, or choose “This session only”.`;
    case 'changes-nothing':
      return t`Apply is off: nothing would change. The kernel already runs this value and the file already says it.`;
  }
}
