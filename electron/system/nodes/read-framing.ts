import { randomBytes } from 'node:crypto';

/** A fresh nonce for one read: 128 random bits as hex, the script's $1. */
export function newReadNonce(): string {
  return randomBytes(16).toString('hex');
}

export type FramedBody =
  | { readonly ok: true; readonly lines: readonly string[] }
  | { readonly ok: false; readonly kind: 'no-base64' | 'malformed'; readonly problem: string };

/**
 * The read script's records, cut out of whatever the session printed: the frame is
 * `NLB-READ 2 NONCE` ... `NLB-END NONCE`, each on a line of its own, with this read's
 * nonce. What a login shell prints around it (a chatty ~/.bashrc, a motd) is ignored; a
 * node cannot make its noise pass for the frame without running the script's own words.
 * The text is latin1 (one character per byte): every record field is base64.
 */
export function framedBody(text: string, nonce: string): FramedBody {
  if (text.includes(`NLB-ERROR ${nonce} no-base64\n`))
    return { ok: false, kind: 'no-base64', problem: 'no base64 command' };
  const begin = `NLB-READ 2 ${nonce}\n`;
  const at = text.indexOf(begin);
  if (at < 0)
    return {
      ok: false,
      kind: 'malformed',
      problem: 'it does not start with the read script header',
    };
  const start = at + begin.length;
  // The end marker is a line of its own after the last record; what follows it is noise again.
  // No record line starts with it: records start with their tag, fields are base64.
  const endMarker = `\nNLB-END ${nonce}`;
  let end = -1;
  for (let from = start - 1; end < 0;) {
    const found = text.indexOf(endMarker, from);
    if (found < 0)
      return { ok: false, kind: 'malformed', problem: 'it ends early, without the end marker' };
    const after = text[found + endMarker.length];
    if (after === undefined || after === '\n') end = found + 1;
    else from = found + endMarker.length;
  }
  const body = text.slice(start, end);
  const lines = body === '' ? [] : body.slice(0, -1).split('\n');
  return { ok: true, lines };
}
