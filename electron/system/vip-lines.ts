import type { ConfigParser } from './vip-address';

/**
 * The longest line a line-based configuration (HAProxy, Keepalived) may have before it is
 * reported instead of read. HAProxy and Keepalived themselves refuse lines far shorter; a
 * longer one is an attack on the reader, whose split and regular expressions would otherwise
 * run over megabytes in one go and stall the event loop.
 */
export const MAX_LINE_CHARS = 16 * 1024;

/**
 * Cuts text arriving in pieces into lines as `text.split(/\r?\n/)` would cut the whole
 * (a `\r` is dropped only before `\n`), numbering them from 1. A line over MAX_LINE_CHARS is
 * not kept: `onOverlong` gets its number instead of `onLine` getting its text.
 */
export function createLineFeeder(
  onLine: (raw: string, line: number) => void,
  onOverlong: (line: number) => void,
): ConfigParser {
  let carry = '';
  let overlong = false;
  let line = 0;
  const finish = (raw: string) => {
    line += 1;
    if (overlong) onOverlong(line);
    else onLine(raw, line);
    carry = '';
    overlong = false;
  };
  const keep = (piece: string) => {
    if (overlong) return;
    if (carry.length + piece.length > MAX_LINE_CHARS) {
      overlong = true;
      carry = '';
    } else carry += piece;
  };
  return {
    push(text) {
      let from = 0;
      for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', from)) {
        keep(text.slice(from, newline));
        finish(carry.endsWith('\r') ? carry.slice(0, -1) : carry);
        from = newline + 1;
      }
      keep(text.slice(from));
    },
    end() {
      finish(carry);
    },
  };
}
