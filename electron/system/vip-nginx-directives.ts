/** One nginx directive as far as discovery needs it: its name and first argument. */
export interface NginxDirective {
  readonly name: string;
  readonly argument: string | undefined;
  /** The line the directive starts on. */
  readonly line: number;
  /** False for a directive the file ends inside of (no `;`, `{` or `}` after it). */
  readonly ended: boolean;
  /** The name or the argument was longer than MAX_WORD_CHARS and was cut. */
  readonly overlong: boolean;
}

/** Far beyond any address or path (PATH_MAX is 4096); a longer word is reported, not read. */
export const MAX_WORD_CHARS = 8 * 1024;

// Everything `/\s/` matches: nginx only splits on ASCII blanks, but the reader always split
// on these, and changing what counts as a word is not this module's business.
const OTHER_SPACES = new Set([
  0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff, 0x2000, 0x2001, 0x2002, 0x2003,
  0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a,
]);

function isSpace(code: number): boolean {
  return (code >= 9 && code <= 13) || code === 32 || (code >= 0xa0 && OTHER_SPACES.has(code));
}

const HASH = 0x23;
const NEWLINE = 0x0a;
const SEMICOLON = 0x3b;
const OPEN = 0x7b;
const CLOSE = 0x7d;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;

/**
 * Splits nginx configuration into directives, fed in pieces of any size: words separated by
 * blanks, ended by `;`, `{` or `}`, `#` comments to the end of the line, quote characters
 * dropped. Only the first two words of a directive are kept, each at most MAX_WORD_CHARS
 * long, so that neither a huge word nor a directive with a million words is ever held.
 */
export function createDirectiveSplitter(emit: (directive: NginxDirective) => void): {
  push(text: string): void;
  end(): void;
} {
  let line = 1;
  let start = 1;
  let inComment = false;
  let count = 0;
  let name = '';
  let argument: string | undefined;
  let overlong = false;
  let word = '';
  let wordOverlong = false;

  const append = (piece: string) => {
    if (wordOverlong || piece === '') return;
    if (word.length + piece.length > MAX_WORD_CHARS) {
      wordOverlong = true;
      word = (word + piece).slice(0, MAX_WORD_CHARS);
    } else word += piece;
  };
  const flushWord = () => {
    if (word === '') return;
    count += 1;
    if (count <= 2) overlong ||= wordOverlong;
    if (count === 1) name = word;
    else if (count === 2) argument = word;
    word = '';
    wordOverlong = false;
  };
  const endDirective = (ended: boolean) => {
    if (count > 0) emit({ name, argument, line: start, ended, overlong });
    count = 0;
    name = '';
    argument = undefined;
    overlong = false;
  };

  return {
    push(text) {
      // The start of the current piece of a word in `text`, or -1 between words.
      let piece = -1;
      const closePiece = (at: number) => {
        if (piece !== -1) append(text.slice(piece, at));
        piece = -1;
      };
      let i = 0;
      while (i < text.length) {
        if (inComment) {
          const newline = text.indexOf('\n', i);
          if (newline === -1) break;
          inComment = false;
          i = newline;
        }
        const code = text.charCodeAt(i);
        if (code === HASH) {
          // Like the reader always did: a comment ends the word without ending it as a word.
          closePiece(i);
          inComment = true;
        } else if (code === SEMICOLON || code === OPEN || code === CLOSE) {
          closePiece(i);
          flushWord();
          endDirective(true);
        } else if (isSpace(code)) {
          if (code === NEWLINE) line += 1;
          closePiece(i);
          flushWord();
        } else {
          if (count === 0 && word === '' && piece === -1) start = line;
          if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) closePiece(i);
          else if (piece === -1) piece = i;
        }
        i += 1;
      }
      closePiece(text.length);
    },
    end() {
      flushWord();
      // A file cut off before its `;`: nginx rejects it, so the caller reports it.
      endDirective(false);
    },
  };
}
