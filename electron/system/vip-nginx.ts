import {
  classifyHost,
  parsePort,
  splitHostPort,
  WILDCARD_REASON,
  type VipParseResult,
} from './vip-types';

export interface NginxInclude {
  readonly pattern: string;
  readonly line: number;
}

export interface NginxParseResult extends VipParseResult {
  readonly includes: NginxInclude[];
}

interface Statement {
  readonly words: string[];
  readonly line: number;
  /** False for the last statement of a file that stops before its `;`. */
  readonly ended: boolean;
}

/** `listen` addresses and `include` patterns of one Nginx file (includes are followed by the reader). */
export function parseNginxConfig(text: string, file: string): NginxParseResult {
  const result: NginxParseResult = { addresses: [], skipped: [], includes: [] };
  for (const { words, line, ended } of splitStatements(text)) {
    const [name, first] = words;
    if (!ended) {
      result.skipped.push({ file, line, reason: 'file ends inside a statement (missing ;)' });
      continue;
    }
    if (name === 'include' && first !== undefined) result.includes.push({ pattern: first, line });
    if (name !== 'listen') continue;
    if (first === undefined)
      result.skipped.push({ file, line, reason: 'listen without an address' });
    else parseListen(first, file, line, result);
  }
  return result;
}

function parseListen(arg: string, file: string, line: number, result: VipParseResult): void {
  const skip = (reason: string) => result.skipped.push({ file, line, reason });
  if (arg.startsWith('unix:')) return void skip(`not an IP socket: ${arg.slice(0, 80)}`);
  // `listen 8080;` is a port alone: every address.
  if (/^\d+$/.test(arg)) return void skip(WILDCARD_REASON);
  const split = splitHostPort(arg, false);
  if (split === null) return void skip(`not understood: ${arg.slice(0, 80)}`);
  const port = parsePort(split.port);
  if (port === undefined) return void skip(`port not understood: ${arg.slice(0, 80)}`);
  const host = classifyHost(split.host);
  if (host.kind === 'skip') return void skip(host.reason);
  // Nginx listens on port 80 when only an address is given.
  result.addresses.push({
    address: host.address,
    port: port ?? 80,
    family: host.family,
    file,
    line,
    program: 'nginx',
  });
}

/** Splits Nginx text into statements at `;`, `{` and `}`, honouring quotes and `#` comments. */
function splitStatements(text: string): Statement[] {
  const statements: Statement[] = [];
  let words: string[] = [];
  let word = '';
  let wordLine = 1;
  let startLine = 1;
  let line = 1;
  let quote: string | null = null;
  let inComment = false;
  const endWord = () => {
    if (word !== '') {
      if (words.length === 0) startLine = wordLine;
      words.push(word);
    }
    word = '';
  };
  const endStatement = (ended: boolean) => {
    endWord();
    if (words.length > 0) statements.push({ words, line: startLine, ended });
    words = [];
  };
  for (const ch of text) {
    if (ch === '\n') line += 1;
    if (inComment) {
      if (ch === '\n') inComment = false;
      continue;
    }
    if (quote !== null) {
      if (ch === quote) quote = null;
      else word += ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      if (word === '') wordLine = line;
      quote = ch;
    } else if (ch === '#' && word === '') {
      endWord();
      inComment = true;
    } else if (ch === ';' || ch === '{' || ch === '}') {
      endStatement(true);
    } else if (/\s/.test(ch)) {
      endWord();
    } else {
      if (word === '') wordLine = line;
      word += ch;
    }
  }
  endStatement(false);
  return statements;
}
