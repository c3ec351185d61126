import { t } from '@lingui/core/macro';
import type { KernelRefusal } from '../../../electron/contract';
import { unworded } from './unworded';

/**
 * Why the kernel refuses a value a sysctl file writes, in words (the backend sends a code:
 * the diagnostics report keeps its own English). Shown after "the kernel rejects this value:"
 * and inside a boot conflict's sentence, so each is a clause, not a sentence.
 */
export function kernelRefusalWords(refusal: KernelRefusal): string {
  switch (refusal.code) {
    case 'empty':
      return t({ message: 'it is empty', comment: 'a value written to a kernel setting' });
    case 'not-a-number':
      return t({ message: 'it is not a number', comment: 'a value written to a kernel setting' });
    case 'too-large':
      return t({
        message: 'the number is too large',
        comment: 'a value written to a kernel setting',
      });
    case 'too-long':
      return t({
        message: 'the number is too long',
        comment: 'a value written to a kernel setting: too many digits',
      });
    case 'trailing': {
      const character = refusal.character;
      return t({
        message: `"${character}" follows the number`,
        comment: 'character: the character after the number in a written value',
      });
    }
    case 'negative':
      return t({ message: 'it is negative', comment: 'a value written to a kernel setting' });
    case 'out-of-range': {
      const { min, max } = refusal;
      return t({
        message: `it is outside ${min}–${max}`,
        comment: 'min–max: the range of values the kernel setting takes',
      });
    }
    default:
      return unworded(refusal, 'kernel-refusal');
  }
}
