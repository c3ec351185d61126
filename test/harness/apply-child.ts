import type { ApplyRequest } from '../../electron/contract';
import type { ApplyResult } from '../../electron/system/change/run';
import { bundleForChild } from './bundle';
import { asUserArgv, type Sandbox } from './sandbox';

let bundled: Promise<string> | null = null;

/** The apply CLI bundled once per worker, readable by any user. */
export function applyCli(): Promise<string> {
  bundled ??= bundleForChild('test/system/fixtures/apply-cli.ts');
  return bundled;
}

export type ChildApplyResult = ApplyResult & { readonly ms: number };

/** Runs one Apply inside the sandbox, as root or (with `user`) as that user through setpriv. */
export async function applyInSandbox(
  sandbox: Sandbox,
  request: ApplyRequest,
  user?: string,
): Promise<ChildApplyResult> {
  const cli = await applyCli();
  const argv = [process.execPath, cli, JSON.stringify(request)];
  const [command, ...args] = user ? [...asUserArgv(user), ...argv] : argv;
  const result = sandbox.run(command as string, args, {
    allowFailure: true,
    timeoutMs: 60_000,
    cwd: '/',
  });
  if (result.status !== 0)
    throw new Error(`apply child failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout) as ChildApplyResult;
}
