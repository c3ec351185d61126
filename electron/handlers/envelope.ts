import type { ApiError, Envelope } from '../contract';

export function succeed<T>(value: T): Envelope<T> {
  return { ok: true, value };
}

export function fail<T>(error: ApiError): Envelope<T> {
  return { ok: false, error };
}

/** A payload that does not match the channel's request type. */
export function invalidPayload<T>(channel: string, problem: string): Envelope<T> {
  return fail({ code: 'invalid-payload', message: `Invalid request for ${channel}: ${problem}` });
}

/** Turns a thrown error into an envelope so no transport ever sees an exception. */
export async function guard<T>(run: () => Promise<Envelope<T>>): Promise<Envelope<T>> {
  try {
    return await run();
  } catch (error) {
    return fail({
      code: 'internal-error',
      message: 'Something unexpected went wrong while handling the request.',
      details: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
}
