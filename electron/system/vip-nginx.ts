import path from 'node:path';
import { quote, splitHostPort, type ConfigParser, type ParseSink } from './vip-address';
import {
  createDirectiveSplitter,
  MAX_WORD_CHARS,
  type NginxDirective,
} from './vip-nginx-directives';

function readDirective(directive: NginxDirective, file: string, sink: ParseSink): void {
  const { name, argument: target, line, ended, overlong } = directive;
  if (!ended) {
    sink.skipped({ file, line, reason: 'the file ends inside a directive (missing ";")' });
    return;
  }
  if (name !== 'include' && name !== 'listen') return;
  if (overlong) {
    sink.skipped({
      file,
      line,
      reason: `${name}: a word longer than ${MAX_WORD_CHARS} characters`,
    });
    return;
  }
  if (name === 'include') {
    if (target)
      sink.include(path.isAbsolute(target) ? target : path.posix.join('/etc/nginx', target), line);
    return;
  }
  if (!target) {
    sink.skipped({ file, line, reason: 'listen without an address' });
    return;
  }
  if (target.startsWith('unix:')) {
    sink.skipped({ file, line, reason: `${quote(target)} is a UNIX socket` });
    return;
  }
  const found = splitHostPort(target, file, line, {
    barePortIsPort: true,
    v6WithoutBrackets: false,
  });
  if ('problem' in found) sink.skipped({ file, line, reason: found.problem });
  else sink.address(found.port === null ? { ...found, port: 80 } : found);
}

/**
 * Nginx `listen` directives (ngx_http_core_module, ngx_stream_core_module):
 * `listen address[:port] [options]`, `listen port`, `listen [v6]:port`, `listen unix:path`.
 * `include` targets go to the sink (relative ones resolved against /etc/nginx) for the
 * caller to follow. Fed in pieces, so that a large file is read without holding it.
 */
export function createNginxParser(file: string, sink: ParseSink): ConfigParser {
  return createDirectiveSplitter((directive) => readDirective(directive, file, sink));
}
