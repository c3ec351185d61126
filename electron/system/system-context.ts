import path from 'node:path';

/**
 * Where the core looks for the system.
 *
 * Production uses `/`. Tests and demo scenarios point `fsRoot` at a
 * directory laid out like a real root (proc/sys/..., etc/sysctl.d, ...), so
 * the same code runs against real files without touching the host.
 */
export interface SystemContext {
  readonly fsRoot: string;
  readonly platform: NodeJS.Platform;
}

export function createHostContext(): SystemContext {
  return { fsRoot: '/', platform: process.platform };
}

/** Maps an absolute system path (e.g. `/etc/sysctl.d`) below the context's root. */
export function resolveSystemPath(ctx: SystemContext, systemPath: string): string {
  return path.join(ctx.fsRoot, systemPath);
}
