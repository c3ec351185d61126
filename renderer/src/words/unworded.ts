/**
 * The default branch of a switch that words every kind of some data (`what` names the kind,
 * e.g. boot-note). The type checker makes it unreachable: a kind added without words fails
 * the build there. At run time, data from a backend of another version fails loudly.
 */
export function unworded(value: never, what?: string): never {
  throw new Error(`no words for ${what ? `${what} ` : ''}${JSON.stringify(value)}`);
}
