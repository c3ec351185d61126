import type { AppState } from '../../electron/contract';

/**
 * The hint beside "Apply…": what will happen about a password before the click. It never
 * promises a dialog the app knows cannot appear (the diagnostics list the same facts).
 */
export function describeAuth(system: AppState, applying: boolean): string {
  const prompt = system.passwordPrompt;
  if (applying) {
    if (system.otherApplyRunning)
      return 'Waiting for the other Apply to finish (the step takes its turn), then applying…';
    return prompt === 'asks' ? 'Waiting for your password in the system dialog…' : 'Applying…';
  }
  switch (prompt) {
    case 'asks':
      return 'Asks for your password once. Ctrl+Enter applies.';
    case 'root':
      return 'Running as administrator: no password is asked. Ctrl+Enter applies.';
    case 'no-pkexec':
      return 'pkexec is not installed: Apply cannot ask for a password; the commands to run instead appear here.';
    case 'no-agent':
      return 'No polkit authentication agent was found (for example over SSH): Apply probably cannot ask for a password; if so, the commands to run instead appear here.';
  }
}
