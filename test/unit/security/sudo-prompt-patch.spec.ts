import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';

// The patch (patches/@vscode+sudo-prompt+*.patch, applied by `npm install` through
// patch-package) must be in what ships: the app and the preview bundle sudo-prompt.
for (const bundle of ['dist/electron/main.cjs', 'dist/preview/serve.js']) {
  test(`${bundle} carries the patched sudo-prompt (no root startup files, no cwd in the shell string, exec, sync stats)`, () => {
    const code = readFileSync(bundle, 'utf8');
    // The bundler may rewrite quotes, so the checks ignore the quote style.
    expect(code).toContain('/bin/bash --noprofile --norc -c "echo');
    expect(code).not.toContain('/bin/bash -c "echo');
    expect(code).not.toMatch(/command\.push\(["']cd /);
    expect(code).toContain('</dev/null');
    // The shell becomes the elevation binary rather than waiting for it.
    expect(code).toMatch(/command\.push\(["']exec "["'] \+/);
    // kdesudo and pkexec are looked for without a thread pool round trip each.
    expect(code).toMatch(/fs\.statSync\(path\d*\)/);
  });
}
