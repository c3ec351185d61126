import { t } from '@lingui/core/macro';
import type { ContainerInNamespace, NamespaceEntry } from '../../../electron/contract';
import { formatList } from '../i18n/format';
import { unworded } from './unworded';

/** A namespace's name in words: its heading, and the same name in the middle of a sentence. */

/** A command, never translated. */
const ipNetns = 'ip netns';

const containerName = (c: ContainerInNamespace) => c.name?.pod?.name ?? c.name?.name ?? null;

/** What a namespace's title names: its kind and the name(s) or pid that go in the words. */
type TitleFacts =
  | { readonly kind: 'own' }
  | { readonly kind: 'kubernetes' | 'container'; readonly names: string }
  | { readonly kind: 'named'; readonly name: string }
  | { readonly kind: 'process-held'; readonly pid: number | undefined };

function titleFacts(ns: NamespaceEntry): TitleFacts {
  switch (ns.kind) {
    case 'own':
      return { kind: 'own' };
    case 'kubernetes':
    case 'container': {
      const isolated = ns.containers.filter((c) => !c.hostNetwork);
      const names = formatList(
        isolated.map((c) => containerName(c) ?? c.shortId),
        { type: 'unit', style: 'short' },
      );
      return { kind: ns.kind, names };
    }
    case 'named':
      return { kind: 'named', name: ns.names.find((n) => n.source === 'ip-netns')?.name ?? '' };
    case 'process-held':
      return { kind: 'process-held', pid: ns.samplePids[0] };
    default:
      return unworded(ns.kind);
  }
}

/** The heading of one namespace: what people call it. */
export function namespaceTitle(ns: NamespaceEntry): string {
  const facts = titleFacts(ns);
  switch (facts.kind) {
    case 'own':
      return t`This app’s network`;
    case 'kubernetes': {
      const names = facts.names;
      return t`Kubernetes ${names}`;
    }
    case 'container': {
      const names = facts.names;
      return t`Container ${names}`;
    }
    case 'named': {
      const name = facts.name;
      return t`Namespace “${name}” (${ipNetns})`;
    }
    case 'process-held': {
      const pid = facts.pid;
      return pid !== undefined
        ? t`A namespace held by process ${pid}`
        : t`A namespace no process is seen in`;
    }
    default:
      return unworded(facts);
  }
}

/**
 * The same name in the middle of a sentence ("In container web-lb (net:[…]), …"): its own
 * messages, since languages differ in how a name's first word is written there (German
 * keeps "Container" capitalised).
 */
export function namespaceTitleMidSentence(ns: NamespaceEntry): string {
  const facts = titleFacts(ns);
  switch (facts.kind) {
    case 'own':
      return t({ message: 'this app’s network', comment: 'a namespace named mid-sentence' });
    case 'kubernetes': {
      const names = facts.names;
      return t({ message: `Kubernetes ${names}`, comment: 'a namespace named mid-sentence' });
    }
    case 'container': {
      const names = facts.names;
      return t({ message: `container ${names}`, comment: 'a namespace named mid-sentence' });
    }
    case 'named': {
      const name = facts.name;
      return t({
        message: `namespace “${name}” (${ipNetns})`,
        comment: 'a namespace named mid-sentence',
      });
    }
    case 'process-held': {
      const pid = facts.pid;
      return pid !== undefined
        ? t({
            message: `a namespace held by process ${pid}`,
            comment: 'a namespace named mid-sentence',
          })
        : t({
            message: 'a namespace no process is seen in',
            comment: 'a namespace named mid-sentence',
          });
    }
    default:
      return unworded(facts);
  }
}
