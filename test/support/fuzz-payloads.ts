import fc from 'fast-check';

/**
 * Arbitrary JSON plus near-misses of every real payload shape, so the fuzzer
 * gets past "not an object" into the deeper checks, and now and then sends a
 * request that is valid (which must then be handled normally).
 */
export const fuzzPayload: fc.Arbitrary<unknown> = fc.oneof(
  // Well-formed Apply requests: prove the recorders see the one legitimate elevation.
  fc.record({
    values: fc.constantFrom({ ipv4: 1 }, { ipv6: 1 }, { ipv4: 1, ipv6: 1 }),
    persistence: fc.constantFrom(
      { kind: 'runtime' },
      { kind: 'persist', fileName: '90-nonlocal-bind.conf', expectedSha256: null },
    ),
  }),
  fc.record(
    {
      values: fc.oneof(
        fc.jsonValue(),
        fc.record(
          {
            ipv4: fc.oneof(fc.constantFrom(0, 1), fc.jsonValue()),
            ipv6: fc.oneof(fc.constantFrom(0, 1), fc.jsonValue()),
          },
          { requiredKeys: [] },
        ),
      ),
      persistence: fc.oneof(
        fc.jsonValue(),
        fc.record(
          {
            kind: fc.oneof(
              fc.constantFrom(
                'runtime',
                'persist',
                'unpersist',
                'persist-sysctl-conf',
                'unpersist-sysctl-conf',
              ),
              fc.string(),
            ),
            fileName: fc.oneof(
              fc.constantFrom('90-nonlocal-bind.conf', '../passwd', 'a b.conf', '$(id).conf'),
              fc.string(),
              fc.jsonValue(),
            ),
            expectedSha256: fc.oneof(fc.constant(null), fc.string(), fc.jsonValue()),
            resetRuntime: fc.oneof(fc.boolean(), fc.jsonValue()),
            extra: fc.jsonValue(),
          },
          { requiredKeys: ['kind'] },
        ),
      ),
    },
    { requiredKeys: [] },
  ),
  fc.record({ text: fc.oneof(fc.string(), fc.jsonValue()) }, { requiredKeys: [] }),
  fc.record(
    {
      // Documentation ranges and loopback only: even a valid bind test never leaves the host.
      address: fc.oneof(
        fc.constantFrom('192.0.2.10', '2001:db8::1', '127.0.0.1', '::1', '300.1.1.1', ''),
        fc.string(),
        fc.jsonValue(),
      ),
      port: fc.oneof(fc.constantFrom(0, '', '8080', 65536, -1, '1e3'), fc.jsonValue()),
    },
    { requiredKeys: [] },
  ),
  fc.jsonValue(),
);

/** A specific complaint (the error's details): names the channel and what is wrong in a few words. */
export function describesProblem(channel: string, details = ''): boolean {
  const prefix = `${channel}: `;
  return details.startsWith(prefix) && details.length - prefix.length >= 8;
}
