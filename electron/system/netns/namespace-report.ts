import type { NamespaceListingAnswer, NetworkNamespaceInfo } from './netns-types';

/**
 * The diagnostics report's section on network namespaces: plain English on purpose (support
 * searches it), identifiers as the tools print them, no value claimed for a namespace the
 * app did not read inside.
 */

function namespaceLine(ns: NetworkNamespaceInfo): string[] {
  const names = ns.names.map(
    (n) => `${n.source === 'ip-netns' ? 'ip netns' : 'docker netns'} ${JSON.stringify(n.name)}`,
  );
  const head = [
    `net:[${ns.inode}]`,
    ns.own ? "this app's own" : null,
    ...names,
    `${ns.processCount} process(es)`,
    ns.samplePids.length > 0 ? `pids ${ns.samplePids.join(' ')}` : null,
  ].filter((part): part is string => part !== null);
  const lines = [`  ${head.join(', ')}`];
  for (const lb of ns.loadBalancers)
    lines.push(`    load balancer ${lb.program}: pids ${lb.pids.join(' ')}`);
  for (const c of ns.containers) {
    const name = c.name ? ` ${JSON.stringify(c.name.name)} (from ${c.name.source})` : '';
    const pod = c.kubernetes ? `, kubepods${c.podUid ? ` pod ${c.podUid}` : ''}` : '';
    const host = c.hostNetwork ? ', host network' : '';
    lines.push(
      `    container ${c.runtime} ${c.shortId}${name}${pod}${host}, ${c.processCount} process(es)`,
    );
  }
  if (!ns.own)
    lines.push('    ip_nonlocal_bind: not read (only readable from inside the namespace)');
  return lines;
}

export function namespaceReportLines(answer: NamespaceListingAnswer): string[] {
  if (!answer.ok)
    return ['Network namespaces', `  not listed: ${answer.error.code} (${answer.error.detail})`];
  const { unseen } = answer;
  const lines = [
    'Network namespaces',
    `  ${answer.namespaces.length} found among ${answer.scannedProcesses} processes in ${answer.elapsedMs.toFixed(1)} ms (on the ${answer.scannedOn} thread)`,
    ...answer.namespaces.flatMap(namespaceLine),
  ];
  const unseenParts = [
    ...Object.entries(unseen.processes).map(([code, n]) => `${n} process(es) ${code}`),
    ...(unseen.processesHidden ? ["/proc hides other users' processes (hidepid)"] : []),
    ...Object.entries(unseen.cgroups).map(([code, n]) => `${n} cgroup file(s) ${code}`),
    ...unseen.nameDirectories.map((d) => `${d.dir} ${d.code}`),
    ...unseen.namedEntries.map(
      (e) => `${JSON.stringify(e.entry.name)} ${e.reason}${e.code ? ` ${e.code}` : ''}`,
    ),
    ...answer.truncated.map((t) => `stopped: ${t.reason}`),
  ];
  if (unseenParts.length > 0) lines.push(`  not seen: ${unseenParts.join('; ')}`);
  return lines;
}
