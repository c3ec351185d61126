import type { ApiError } from '../contract';

/**
 * A failed Apply as the diagnostics report's "Last Apply" shows it. The message often
 * ends with "one of these:", so the blocks it refers to follow it, indented, as the
 * person reading the report would see them in the app.
 */
export function describeFailureForLog(error: ApiError): string {
  const blocks = (error.alternatives ?? []).flatMap((b) => [
    `    ${b.title}:`,
    ...b.commands.split('\n').map((line) => `      ${line}`),
  ]);
  return [`not applied (${error.code}): ${error.message}`, ...blocks].join('\n');
}
