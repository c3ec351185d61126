/**
 * Why the kernel refuses a value an engine writes, as data (the renderer words it in the
 * user's language; kernel-value.ts follows do_proc_douintvec_w() to find it).
 */
export type KernelRefusal =
  /** Nothing but whitespace. */
  | { readonly code: 'empty' }
  /** It does not start with a digit. */
  | { readonly code: 'not-a-number' }
  /** More than 64 bits. */
  | { readonly code: 'too-large' }
  /** More digits than the kernel's buffer holds. */
  | { readonly code: 'too-long' }
  /** A character other than a space, tab or newline follows the number (escaped when unprintable). */
  | { readonly code: 'trailing'; readonly character: string }
  /** A leading "-". */
  | { readonly code: 'negative' }
  /** Outside the range the setting takes. */
  | { readonly code: 'out-of-range'; readonly min: number; readonly max: number };
