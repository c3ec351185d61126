import type { Channel, Envelope, ResultOf } from '../contract';

/** One function per channel; payloads arrive untyped because they come from outside. */
export type HandlerTable = {
  readonly [C in Channel]: (payload: unknown) => Promise<Envelope<ResultOf<C>>>;
};

/** A feature contributes handlers for some channels. */
export type FeatureHandlers<C extends Channel> = Pick<HandlerTable, C>;
