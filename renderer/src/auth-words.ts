import { t } from '@lingui/core/macro';
import type { AppState } from '../../electron/contract';

/** Names of programs, never translated: placeholders in the sentences. */
const pkexec = 'pkexec';
const polkit = 'polkit';

/**
 * The hint beside "Apply…": what will happen about a password before the click. It never
 * promises a dialog the app knows cannot appear (the diagnostics list the same facts).
 */
export function describeAuth(system: AppState, applying: boolean): string {
  const prompt = system.passwordPrompt;
  if (applying) {
    if (system.otherApplyRunning)
      return t`Waiting for the other Apply to finish (the step takes its turn), then applying…`;
    return prompt === 'asks' ? t`Waiting for your password in the system dialog…` : t`Applying…`;
  }
  switch (prompt) {
    case 'asks':
      return t`Asks for your password once. Ctrl+Enter applies.`;
    case 'root':
      return t`Running as administrator: no password is asked. Ctrl+Enter applies.`;
    case 'no-pkexec':
      return t`${pkexec} is not installed: Apply cannot ask for a password; the commands to run instead appear here.`;
    case 'no-agent':
      return t`No ${polkit} authentication agent was found (for example over SSH): Apply probably cannot ask for a password; if so, the commands to run instead appear here.`;
  }
}
