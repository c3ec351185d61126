import { stat } from 'node:fs/promises';
import { readAppState, type StateSource } from './app-state';
import { buildDiagnosticsReport } from './diagnostics';
import type { UiLocaleSource } from './diagnostics-locale';
import {
  findExecutable,
  findPolkitAgent,
  readDistribution,
  readKernelRelease,
} from './environment-facts';
import type { NamespaceListingAnswer } from './netns/netns-types';
import { checkInstalledHelper } from './step-helper';

export interface DiagnosticsSource extends StateSource {
  readonly appVersion: string;
  readonly applyLog: { readonly last: { readonly at: string; readonly summary: string } | null };
  readonly listNamespaces: () => Promise<NamespaceListingAnswer>;
  /** The window's language, from the transport; absent where none is shown (tests, CLIs). */
  readonly uiLocale?: UiLocaleSource;
}

/**
 * Who must own the helper: root on the real system; in the demo, whoever laid out its
 * temporary root (this process), so the same check tells a scenario's helper apart.
 */
async function helperOwner(source: DiagnosticsSource): Promise<number> {
  return source.demo === null ? 0 : (await stat(source.target.ctx.fsRoot)).uid;
}

/** Reads every fact the report lists, now, and writes the report. */
export async function gatherDiagnostics(source: DiagnosticsSource): Promise<string> {
  const ctx = source.target.ctx;
  return buildDiagnosticsReport({
    appVersion: source.appVersion,
    generatedAt: new Date().toISOString(),
    kernelRelease: await readKernelRelease(ctx),
    distribution: await readDistribution(ctx),
    locale: source.uiLocale?.() ?? null,
    state: await readAppState(source),
    tools: {
      pkexec: findExecutable(ctx, 'pkexec'),
      sysctl: findExecutable(ctx, 'sysctl'),
      polkitAgent: await findPolkitAgent(ctx),
      namedAction: checkInstalledHelper({
        fsRoot: ctx.fsRoot,
        ownerUid: await helperOwner(source),
      }),
    },
    lastApply: source.applyLog.last,
    namespaces: await source.listNamespaces(),
  });
}
