/**
 * The step without its comment lines, indentation and blank lines, for the one path that
 * carries it inside a command line: sudo-prompt's `/bin/sh <(gzip -dc <(base64 -d <<< …))`.
 * Every byte of that line passes through a shell, pkexec, polkitd's authorization details
 * and bash before the step starts, and each stage's cost grows with it (about 0.2 ms per KiB
 * on this machine's polkit chain). The packaged helper and nodes keep the commented text.
 *
 * Only lines that begin outside every quote, and do not continue a line ending in a
 * backslash, are touched: there a leading `#` starts a comment and leading blanks mean
 * nothing to sh. Quoted programs (awk, perl, python) are left exactly as they are.
 * `test/unit/system/step-compact.spec.ts` checks that bash parses both texts the same.
 */
export function compactScript(script: string): string {
  const kept: string[] = [];
  const lexer = createLexer();
  let continued = false;
  for (const line of script.split('\n')) {
    if (!lexer.quoted() && !continued) {
      const bare = line.replace(/^[ \t]+/, '');
      if (bare !== '' && !bare.startsWith('#')) {
        kept.push(bare);
        continued = lexer.scan(bare);
      }
      continue;
    }
    kept.push(line);
    continued = lexer.scan(line);
  }
  return `${kept.join('\n')}\n`;
}

type Context = { kind: 'single' } | { kind: 'double' } | { kind: 'code'; depth: number };

/**
 * Follows sh's quoting across lines: single and double quotes, backslashes, `$(…)` (whose
 * inside is code again, even within double quotes) and comments to the end of a line.
 */
function createLexer() {
  // The bottom context is the script itself, which no parenthesis closes.
  const stack: Context[] = [{ kind: 'code', depth: -1 }];
  const top = (): Context => stack[stack.length - 1] as Context;
  const wordStart = (prev: string | undefined) => prev === undefined || /[ \t;&|()]/.test(prev);
  return {
    quoted: () => stack.length > 1,
    /** Reads one line; returns whether it ends in a backslash that joins the next line. */
    scan(line: string): boolean {
      for (let i = 0; i < line.length; i += 1) {
        const c = line[i];
        const context = top();
        if (context.kind === 'single') {
          if (c === "'") stack.pop();
          continue;
        }
        if (c === '\\') {
          if (i === line.length - 1) return true;
          i += 1;
          continue;
        }
        if (c === '$' && line[i + 1] === '(') {
          stack.push({ kind: 'code', depth: 0 });
          i += 1;
          continue;
        }
        if (context.kind === 'double') {
          if (c === '"') stack.pop();
          continue;
        }
        if (c === "'") stack.push({ kind: 'single' });
        else if (c === '"') stack.push({ kind: 'double' });
        else if (c === '#' && wordStart(line[i - 1])) break;
        else if (c === '(' && context.depth >= 0) context.depth += 1;
        else if (c === ')' && context.depth > 0) context.depth -= 1;
        else if (c === ')' && context.depth === 0) stack.pop();
      }
      return false;
    },
  };
}
