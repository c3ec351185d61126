import { stepIn, type Mutation } from './mutation';

/** The step's namespace operations (issue 18): the checks that keep them to the namespace asked. */
const NS = 'electron/system/step/script-namespaces.ts';
const PROGRAMS = 'electron/system/step/script-namespace-programs.ts';
const READ = 'test/system/netns-step-read.spec.ts';
const SET = 'test/system/netns-step-set.spec.ts';
const HOSTILE = 'test/system/step-namespace-hostile.spec.ts';

const ns = stepIn(NS);
const programs = stepIn(PROGRAMS);

export const STEP_NAMESPACES: readonly Mutation[] = [
  ns(
    'ns-inode',
    'a namespace opened is the inode asked for (ns-set, ns-bind, the nsenter way)',
    [READ],
    ['= "$3" ] || { ns_state=changed; return 1; }', '= "$3" ] || :'],
  ),
  programs(
    'ns-perl-inode',
    'a namespace opened is the inode asked for (the perl way)',
    [READ],
    ['$st[0] == $own[0] && $st[1] eq $ino) {', '$st[0] == $own[0]) {'],
  ),
  ns(
    'ns-name-link',
    'a /run/netns entry that is a link is never opened',
    [READ],
    ['    if [ -L "$ns_path" ]; then return 1; fi\n', ''],
  ),
  ns(
    'ns-name-dot',
    'a namespace name never starts with a dot',
    [READ],
    [String.raw`''|.*|*[!A-Za-z0-9_.-]*) return 1;;`, String.raw`''|*[!A-Za-z0-9_.-]*) return 1;;`],
  ),
  ns(
    'ns-address-part',
    'an IPv4 part is at most 255',
    [READ],
    ['[ "$p" -le 255 ] || return 1', ':'],
  ),
  ns(
    'ns-set-own',
    "ns-set refuses the step's own namespace",
    [SET],
    ['[ "$ns_own" = no ] || { ns_line 1 own;', '[ "$ns_own" = "$ns_own" ] || { ns_line 1 own;'],
  ),
  ns(
    'ns-cwd',
    "the programs run from /, not the caller's working directory (python3 -c imports from it)",
    [HOSTILE],
    ['cd / || fail 69 "cannot change to /"', ':'],
  ),
  ns(
    'ns-address-groups',
    'an IPv6 ADDRESS without :: has eight groups (else it is looked up as a host name)',
    [HOSTILE],
    ['ns_groups "$a" yes && [ "$g" -eq 8 ] || return 1', 'ns_groups "$a" yes || return 1'],
  ),
  ns(
    'ns-perl-environment',
    "perl's environment cannot load code into the step's perl",
    [READ],
    ['unset PERL5OPT PERL5LIB PERLLIB PERL5DB PERLIO PERL_UNICODE', ':'],
  ),
];
