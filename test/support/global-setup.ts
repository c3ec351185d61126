import { startPolkit, stopPolkit } from './polkit';

/** Playwright global setup: the real polkit chain for the whole run, torn down afterwards. */
export default async function globalSetup(): Promise<() => void> {
  await startPolkit();
  return stopPolkit;
}
