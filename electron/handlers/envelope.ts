import type { ApiError, Channel, Envelope, ResultOf } from '../contract';
import { ROOT, type Check } from './payload-checks';

export function succeed<T>(value: T): Envelope<T> {
  return { ok: true, value };
}

export function fail<T>(error: ApiError): Envelope<T> {
  return { ok: false, error };
}

/** A payload that does not match the channel's request type: which channel, and what is wrong. */
function invalidPayload<T>(channel: string, problem: string): Envelope<T> {
  return fail({ code: 'invalid-payload', details: `${channel}: ${problem}` });
}

/** Turns a thrown error into an envelope so no transport ever sees an exception. */
export async function guard<T>(run: () => Promise<Envelope<T>>): Promise<Envelope<T>> {
  try {
    return await run();
  } catch (error) {
    return fail({
      code: 'internal-error',
      details: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
}

/**
 * One channel's handler: the payload is checked against `check` first, so `run` only ever
 * sees a typed request, and whatever `run` throws becomes an internal-error envelope.
 */
export function handle<C extends Channel, T>(
  channel: C,
  check: Check<T>,
  run: (request: T) => Promise<Envelope<ResultOf<C>>>,
): (payload: unknown) => Promise<Envelope<ResultOf<C>>> {
  return (payload) =>
    guard(async () => {
      const checked = check(payload, ROOT);
      return checked.ok ? run(checked.value) : invalidPayload(channel, checked.error);
    });
}
