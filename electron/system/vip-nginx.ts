import path from 'node:path';
import { splitHostPort, type ParseResult } from './vip-address';

/** Directives as `name args…;` with the line they start on; comments removed, quotes kept simple. */
function directives(text: string): { words: string[]; line: number }[] {
  const out: { words: string[]; line: number }[] = [];
  let current: string[] = [];
  let start = 1;
  let line = 1;
  let word = '';
  const flush = () => {
    if (word !== '') current.push(word);
    word = '';
  };
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i] as string;
    if (c === '#') {
      while (i < text.length && text[i] !== '\n') i += 1;
      i -= 1;
      continue;
    }
    if (c === '\n') line += 1;
    if (c === ';' || c === '{' || c === '}') {
      flush();
      if (current.length > 0) out.push({ words: current, line: start });
      current = [];
      continue;
    }
    if (/\s/.test(c)) {
      flush();
      continue;
    }
    if (current.length === 0 && word === '') start = line;
    word += c === '"' || c === "'" ? '' : c;
  }
  return out;
}

/**
 * Nginx `listen` directives (ngx_http_core_module, ngx_stream_core_module):
 * `listen address[:port] [options]`, `listen port`, `listen [v6]:port`, `listen unix:path`.
 * `include` targets are returned (relative ones resolved against /etc/nginx) for the caller.
 */
export function parseNginxConfig(text: string, file: string): ParseResult {
  const result: ParseResult = { addresses: [], skipped: [], includes: [] };
  for (const { words, line } of directives(text)) {
    if (words[0] === 'include' && words[1]) {
      result.includes.push(
        path.isAbsolute(words[1]) ? words[1] : path.posix.join('/etc/nginx', words[1]),
      );
      continue;
    }
    if (words[0] !== 'listen') continue;
    const target = words[1];
    if (!target) {
      result.skipped.push({ file, line, reason: 'listen without an address' });
      continue;
    }
    if (target.startsWith('unix:')) {
      result.skipped.push({ file, line, reason: `"${target}" is a UNIX socket` });
      continue;
    }
    const found = splitHostPort(target, file, line, {
      barePortIsPort: true,
      v6WithoutBrackets: false,
    });
    if ('problem' in found) result.skipped.push({ file, line, reason: found.problem });
    else result.addresses.push(found.port === null ? { ...found, port: 80 } : found);
  }
  return result;
}
