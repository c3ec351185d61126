import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';

// Every elevation starts pkexec with an argument vector (electron/system/pkexec-run.ts). No
// bundle that ships may carry a way to hand root a shell string, as @vscode/sudo-prompt's
// `pkexec /bin/bash -c "…"` did: that bash read root's startup files unless patched, and
// parsed the command it was given.
for (const bundle of ['dist/electron/main.cjs', 'dist/preview/serve.js']) {
  test(`${bundle} hands root no shell string`, () => {
    const code = readFileSync(bundle, 'utf8');
    // The bundler may rewrite quotes, so the checks ignore the quote style.
    expect(code).not.toMatch(/\/bin\/bash (--noprofile --norc )?-c ["']echo/);
    expect(code).not.toContain('SUDOPROMPT');
    expect(code).not.toContain('base64 -d <<<');
    // The vector itself: pkexec, no agent of its own, /bin/sh reading the step from stdin.
    expect(code).toMatch(
      /["']--disable-internal-agent["'], ["']\/bin\/sh["'], ["']-s["'], ["']--["']/,
    );
  });
}
