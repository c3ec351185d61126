import type {
  LoadBalancerInNamespace,
  NamespaceLasting,
  NamespaceListingAnswer,
  NetworkNamespaceInfo,
} from './netns-types';

/**
 * The diagnostics report's section on network namespaces: plain English on purpose (support
 * searches it), identifiers as the tools print them, no value claimed for a namespace the
 * app did not read inside.
 */

/** Its VIPs as read from its own configuration inside its root, or why they were not. */
function loadBalancerDetail(lb: LoadBalancerInNamespace): string[] {
  const lines: string[] = [];
  if (lb.configFiles && lb.configFiles.length > 0)
    lines.push(`      configuration: ${lb.configFiles.map((f) => JSON.stringify(f)).join(' ')}`);
  if (lb.configProblem) {
    const { code, file, reason } = lb.configProblem;
    const where = file === null ? '' : ` ${JSON.stringify(file)}`;
    lines.push(`      configuration not used: ${code}${reason ? ` (${reason})` : ''}${where}`);
  }
  for (const vip of lb.vips ?? []) {
    const port = vip.port === null ? '' : ` port ${vip.port}`;
    // Needing no setting while not held there: the any-address or loopback, always bindable.
    const held = vip.assignedThere
      ? 'held there, needs no setting'
      : vip.needs === null
        ? 'needs no setting'
        : `not held there, needs ${vip.needs}`;
    lines.push(
      `      binds ${vip.address}${port} (${JSON.stringify(vip.file)} line ${vip.line}): ${held}`,
    );
  }
  return lines;
}

function lastingText(lasting: NamespaceLasting): string {
  if (lasting.kind === 'unknown') return "unknown (the container's configuration was not readable)";
  if (lasting.kind === 'resets-on-restart') return 'no, a runtime change resets on restart';
  const keys = Object.entries(lasting.keys).map(([k, v]) => `${k}=${v}`);
  return `the container's configuration sets ${keys.length > 0 ? keys.join(' ') : 'no sysctl'}`;
}

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
  for (const lb of ns.loadBalancers) {
    lines.push(`    load balancer ${lb.program}: pids ${lb.pids.join(' ')}`);
    lines.push(...loadBalancerDetail(lb));
  }
  for (const c of ns.containers) {
    const name = c.name ? ` ${JSON.stringify(c.name.name)} (from ${c.name.source})` : '';
    const pod = c.kubernetes ? `, kubepods${c.podUid ? ` pod ${c.podUid}` : ''}` : '';
    const host = c.hostNetwork ? ', host network' : '';
    lines.push(
      `    container ${c.runtime} ${c.shortId}${name}${pod}${host}, ${c.processCount} process(es)`,
    );
  }
  if (ns.lasting) lines.push(`    survives a restart: ${lastingText(ns.lasting)}`);
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
