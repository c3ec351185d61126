import type { ApiError } from '../contract';

/**
 * A failed Apply as the diagnostics report's "Last Apply" shows it: a report for support,
 * not the app's words, so the code and its data are written plainly, then the blocks the
 * app offered instead, indented, as the person reading the report would see them.
 */
export function describeFailureForLog(error: ApiError): string {
  const blocks = (error.alternatives ?? []).flatMap((b) => [
    `    ${b.title}:`,
    ...b.commands.split('\n').map((line) => `      ${line}`),
  ]);
  const data = error.data ? ` ${JSON.stringify(error.data)}` : '';
  return [`not applied (${error.code})${data}`, ...blocks].join('\n');
}
