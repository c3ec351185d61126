import { test, expect } from '@playwright/test';
import type {
  ApiError,
  ApiErrorData,
  BindTestResult,
  DestinationProblem,
  CandidateProblem,
  NodeFailureCode,
  NodeFailureData,
} from '../../../electron/contract';
import { errorWords } from '../../../renderer/src/error-words';
import { bindTestWords } from '../../../renderer/src/words/bind-test-words';
import { nodeErrorWords } from '../../../renderer/src/words/node-error-words';

/** One sample of each node failure; a Record, so the compiler insists on every code. */
const SAMPLES: Record<NodeFailureCode, Omit<NodeFailureData, 'from' | 'code' | 'node'>> = {
  dns: {},
  unreachable: { detail: 'Connection refused' },
  'host-key-unknown': {},
  'host-key-changed': {},
  auth: {},
  timeout: { limit: 30, stage: 'read' },
  'too-large': { limit: 16 },
  dropped: { detail: 'Broken pipe' },
  other: { detail: 'kex error' },
  'not-linux': { detail: 'FreeBSD' },
  'no-sysctl': {},
  'no-base64': {},
  malformed: { detail: 'line 3: unknown record' },
  'no-sudo': {},
  requiretty: { user: 'deploy' },
  'account-locked': { user: 'deploy' },
  'not-installed': {},
  'wrong-password': {},
  'password-needed': {},
  'no-askpass': {},
  'node-busy': { limit: 5 },
  'unsafe-argument': {},
  'step-failed': { exit: 3, detail: 'verify failed' },
};

test('every node failure has its own words, naming the node first', () => {
  const seen = new Set<string>();
  for (const [code, more] of Object.entries(SAMPLES) as [NodeFailureCode, object][]) {
    const error: ApiError = { code, data: { from: 'node', code, node: 'lb-2', ...more } };
    const words = errorWords(error);
    expect(words, code).toMatch(/^lb-2: \S/);
    expect(words.length, code).toBeGreaterThan(20);
    seen.add(words);
  }
  expect(seen.size).toBe(Object.keys(SAMPLES).length);
});

test('node failures keep the words the tests on real nodes look for', () => {
  const words = (code: NodeFailureCode, more: object = {}) =>
    nodeErrorWords({ from: 'node', code, node: 'n', ...more });
  expect(words('auth')).toContain('ssh-agent');
  expect(words('host-key-changed')).toContain('CHANGED');
  expect(words('requiretty', { user: 'deploy' })).toContain('Defaults:deploy !requiretty');
  expect(words('account-locked', { user: 'deploy' })).toContain('faillock --user deploy --reset');
  expect(words('no-askpass')).toContain('noexec');
  expect(words('node-busy', { limit: 5 })).toContain('waiting for another Apply on the node');
  expect(words('dropped', { stage: 'apply', detail: 'during the Apply' })).toContain(
    'read the node again',
  );
  expect(words('timeout', { stage: 'host-key', limit: 1.5 })).toContain('within 1.5 s');
  expect(words('too-large', { stage: 'view', size: 1.2, limit: 1 })).toContain('not shown');
  expect(words('malformed', { stage: 'bind-test' })).toBe(
    'n: the bind test gave an answer the app does not understand.',
  );
  expect(words('dns', { node: 'local' })).toMatch(/^this computer: /);
});

test('every reason a machine cannot be made alike is worded, with the paths it names', () => {
  const problems: CandidateProblem[] = [
    {
      path: '/etc/sysctl.d/a b.conf',
      code: 'name-refused',
      refusal: { code: 'bad-character', character: ' ' },
    },
    { path: '/etc/sysctl.d/x.conf', code: 'would-hide', hidden: '/usr/lib/sysctl.d/x.conf' },
    { path: '/etc/sysctl.d/m.conf', code: 'masked' },
    { path: '/etc/sysctl.d/r.conf', code: 'not-readable' },
    { path: '/etc/sysctl.d/l.conf', code: 'link' },
    { path: '/etc/sysctl.d/u.conf', code: 'not-utf8' },
    { path: '/etc/sysctl.d/10-early.conf', code: 'loses-at-boot' },
    {
      path: '/etc/sysctl.d/c.conf',
      code: 'content-refused',
      error: { code: 'content-value-out-of-range', line: 4 },
    },
    {
      path: null,
      code: 'step-refuses',
      error: { code: 'content-too-large', bytes: 5000, limit: 4096 },
    },
  ];
  const words = errorWords({
    code: 'cannot-persist',
    data: { from: 'machine', code: 'cannot-persist', name: 'lb-2', problems },
  });
  expect(words).toMatch(/^lb-2: no file the app may write makes the value stick/);
  for (const fragment of [
    'a b.conf: its name contains a space',
    'x.conf would hide /usr/lib/sysctl.d/x.conf',
    'm.conf is masked',
    'r.conf is not a readable file',
    'l.conf is a link',
    'u.conf is not UTF-8 text',
    '10-early.conf would lose to a file read after it',
    'c.conf: line 4 would set a value outside 0 to 255',
    'the change would be 5000 bytes',
  ])
    expect(words).toContain(fragment);
  for (const code of ['unknown-node', 'plan-failed'] as const)
    expect(errorWords({ code, data: { from: 'machine', code, name: 'lb-2' } })).toContain('lb-2');
});

test('the pair view’s bind test words each outcome and how it tested', () => {
  const on = (address: string, outcome: BindTestResult['outcome'], detail = '') =>
    ({
      address,
      port: 0,
      family: address.includes(':') ? 'IPv6' : 'IPv4',
      outcome,
      detail,
      via: 'python3',
      assignedLocally: null,
      anyAddress: false,
    }) as const;
  const results = [
    on('192.0.2.10', 'works'),
    on('2001:db8::10', 'not-local'),
    on('192.0.2.11', 'error', 'Permission denied'),
  ];
  const tested = ' (tested with python3, binding only (port 0), nothing listens or connects)';
  expect(results.map((r) => bindTestWords(r, 'lb-2'))).toEqual([
    `binding works on lb-2${tested}`,
    `fails: lb-2 does not hold this address, and IPv6 non-local bind is off; turn it on to let services listen here${tested}`,
    `fails: Permission denied${tested}`,
  ]);
  expect(bindTestWords({ ...on('192.0.2.10', 'no-program'), via: null }, 'lb-2')).toContain(
    'lb-2 has neither python3 nor perl',
  );
  const refused = (problem: 'none' | 'too-many' | 'not-ip') =>
    errorWords({
      code: 'invalid-address',
      data: { from: 'addresses', code: 'invalid-address', problem, value: 'x', limit: 64 },
    });
  expect(refused('none')).toBe('There are no addresses to test.');
  expect(refused('too-many')).toBe('At most 64 addresses can be tested at once.');
  expect(refused('not-ip')).toBe('"x" is not an IPv4 or IPv6 address.');
});

test('every refused bind test address and every outcome of this computer’s bind test is worded', () => {
  type Problem = Extract<ApiErrorData, { from: 'addresses' }>['problem'];
  const problems: Record<Problem, string> = {
    none: 'There are no addresses to test.',
    'too-many': 'At most 64 addresses can be tested at once.',
    'not-ip': '"x" is not an IPv4 or IPv6 address.',
    empty: 'Enter an IP address, for example 192.0.2.10 or 2001:db8::10.',
    'host-name': '"x" looks like a host name. Enter an IP address: the test never looks names up.',
    'no-zone': 'Link-local IPv6 addresses need a zone (the interface), for example fe80::1%eth0.',
    'bad-port': 'The port must be a whole number from 0 to 65535 (0 picks any free port).',
  };
  for (const [problem, words] of Object.entries(problems) as [Problem, string][]) {
    const data = {
      from: 'addresses',
      code: 'invalid-address',
      problem,
      value: 'x',
      limit: 64,
    } as const;
    expect(errorWords({ code: 'invalid-address', data }), problem).toBe(words);
  }
  const base = {
    address: '192.0.2.10',
    port: 0,
    family: 'IPv4',
    assignedLocally: false,
    anyAddress: false,
    detail: '',
    via: 'listen',
  } as const;
  const outcomes: Record<BindTestResult['outcome'], string> = {
    works:
      'works: this computer does not hold the address yet, and IPv4 non-local bind lets services listen on it anyway',
    'not-local':
      'fails: this computer does not hold this address, and IPv4 non-local bind is off; turn it on to let services listen here',
    'port-in-use': 'port in use: another program already listens there',
    'needs-root': "ports below 1024 need root; the test can't check them",
    error: 'fails: EPERM nope',
    'no-program':
      'this computer has neither python3 nor perl, so nothing could bind a test socket. Install python3 (Debian/Ubuntu: apt install python3-minimal; RHEL: dnf install python3) and test again',
  };
  for (const [outcome, words] of Object.entries(outcomes) as [BindTestResult['outcome'], string][])
    expect(bindTestWords({ ...base, outcome, detail: 'EPERM nope' }), outcome).toBe(words);
  expect(bindTestWords({ ...base, outcome: 'works', via: 'simulated' })).toMatch(
    / \(simulated in the demo\)$/,
  );
});

test('every refused SSH destination and every unusable node list has its words', () => {
  const problems: Record<DestinationProblem, RegExp> = {
    empty: /^Type an SSH destination/,
    'too-long': /longer than 300 characters/,
    'bad-character': /^"x" contains a character no SSH destination has/,
    'bad-user': /^"x" is not a valid user name/,
    'bad-ipv6': /^"x" is not an IPv6 address\.$/,
    'bad-port': /^"x" is not a port number\.$/,
    'unbracketed-ipv6': /in brackets/,
    'bad-host': /^"x" is not a host name, address or ~\/\.ssh\/config alias\.$/,
    'port-range': /^Port x is outside 1-65535\.$/,
  };
  for (const [problem, words] of Object.entries(problems) as [DestinationProblem, RegExp][]) {
    const data = { from: 'destination', code: 'invalid-destination', problem, value: 'x' } as const;
    expect(errorWords({ code: 'invalid-destination', data }), problem).toMatch(words);
  }
  const list = (problem: 'unreadable' | 'not-json' | 'no-nodes') =>
    errorWords({
      code: 'node-list-unreadable',
      data: {
        from: 'node-list',
        code: 'node-list-unreadable',
        problem,
        path: '/n.json',
        reason: 'a FIFO',
      },
    });
  expect(list('unreadable')).toBe(
    'The node list /n.json cannot be read: a FIFO. Fix or remove it.',
  );
  expect(list('not-json')).toBe('The node list /n.json is not valid JSON; fix or remove it.');
  expect(list('no-nodes')).toBe('The node list /n.json has no "nodes" array.');
});
