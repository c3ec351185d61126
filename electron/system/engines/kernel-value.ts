import type { KernelRefusal } from '../../contract/kernel-refusal';
import type { SettingDefinition } from '../settings';

/**
 * What the kernel stores when an engine writes a value to an unsigned integer setting
 * (a catalogue entry gives its range: proc_dou8vec_minmax() with no extra range takes
 * 0..255, an int with extra1/extra2 0 and 1 takes 0..1). The
 * parse is do_proc_douintvec_w() -> proc_get_long() in kernel/sysctl.c:
 * leading whitespace (the kernel's isspace(), which includes \v, \f and the
 * Latin-1 no-break space byte A0) is skipped, the number must start with a
 * digit (no '+'; a '-' makes it negative, which an unsigned handler refuses),
 * and is read with base 0: "0x10" is 16, "010" is 8, "08" fails at the '8'. The
 * character after the number must be a space, tab or newline (or the end), so
 * "1.0" and "1\f" are refused while "1 junk" is 1. At most 21 characters of
 * number, and at most PAGE_SIZE - 1 bytes of the write, are looked at.
 *
 * Checked against the running kernel by test/system/kernel-value.spec.ts.
 */
export type KernelWrite =
  | { readonly accepted: true; readonly stored: number }
  | { readonly accepted: false; readonly refusal: KernelRefusal };

/** A key as the boot model predicts it: its name and the range the kernel takes. */
export type BootKey = Pick<SettingDefinition, 'key' | 'range'>;
export type KeyRange = BootKey['range'];
const TMPBUFLEN = 22;
const PAGE_SIZE = 4096;

function isKernelSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0;
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function digitValue(c: string): number {
  const lower = c.toLowerCase();
  if (lower >= '0' && lower <= '9') return lower.charCodeAt(0) - 48;
  if (lower >= 'a' && lower <= 'z') return lower.charCodeAt(0) - 87;
  return 99;
}

const refuse = (refusal: KernelRefusal): KernelWrite => ({ accepted: false, refusal });

/** The kernel's answer to writing `value` followed by the newline both engines add. */
export function kernelWrite(value: string, range: KeyRange): KernelWrite {
  const written = `${value}\n`.slice(0, PAGE_SIZE - 1);
  let p = 0;
  while (p < written.length && isKernelSpace(written.charCodeAt(p))) p += 1;
  if (p === written.length) return refuse({ code: 'empty' });
  // proc_get_long() copies at most TMPBUFLEN - 1 characters into a NUL-terminated buffer.
  const tmp = written.slice(p, p + TMPBUFLEN - 1);
  let q = 0;
  const negative = tmp[0] === '-' && written.length - p > 1;
  if (negative) q += 1;
  if (!isDigit(tmp[q])) return refuse({ code: 'not-a-number' });
  // _parse_integer_fixup_radix(): base 16 after "0x" and a hex digit, 8 after a leading 0.
  let base = 10;
  if (tmp[q] === '0') {
    base = tmp[q + 1]?.toLowerCase() === 'x' && /[0-9a-f]/i.test(tmp[q + 2] ?? '') ? 16 : 8;
    if (base === 16) q += 2;
  }
  let result = 0n;
  let overflow = false;
  while (q < tmp.length) {
    const d = digitValue(tmp[q] as string);
    if (d >= base) break;
    result = result * BigInt(base) + BigInt(d);
    if (result > 0xffff_ffff_ffff_ffffn) overflow = true;
    q += 1;
  }
  if (overflow) return refuse({ code: 'too-large' });
  if (q === TMPBUFLEN - 1) return refuse({ code: 'too-long' });
  const next = tmp[q];
  if (q < written.length - p && next !== ' ' && next !== '\t' && next !== '\n') {
    return refuse({ code: 'trailing', character: printable(next ?? '') });
  }
  if (negative) return refuse({ code: 'negative' });
  if (result < BigInt(range.min) || result > BigInt(range.max))
    return refuse({ code: 'out-of-range', min: range.min, max: range.max });
  return { accepted: true, stored: Number(result) };
}

function printable(c: string): string {
  const code = c.charCodeAt(0);
  if (code === 0x0c) return '\\f';
  if (code === 0x0b) return '\\v';
  if (code === 0x0d) return '\\r';
  if (code < 0x20 || code >= 0x7f) return `\\x${code.toString(16).padStart(2, '0')}`;
  return c;
}
