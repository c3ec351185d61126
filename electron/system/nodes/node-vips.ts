import type { VipDiscovery } from '../../contract';
import { createDiscoveryBudget, DEFAULT_VIP_BUDGET, type VipBudgetLimits } from '../vip-budget';
import { createFindings, findingsResult } from '../vip-findings';
import { VIP_PROGRAMS } from '../vip-programs';
import type { NodeExtras } from './parse-read-answer';

/**
 * What one node's VIP list may hold in the pair view. Tighter than this computer's own
 * discovery: the view carries every node at once, and a node's 30 files of 64 KiB of
 * `listen` lines would otherwise become ~90,000 entries and a ~20 MB response. A thousand
 * addresses is more than any real pair of load balancers names, and the list says when
 * it was cut.
 */
export const NODE_VIP_BUDGET: VipBudgetLimits = {
  ...DEFAULT_VIP_BUDGET,
  entries: 1000,
  skipped: 200,
};

/** Whose file the read script sent: a program's own, or one of nginx's includes. */
const programOf = (file: string) =>
  Object.values(VIP_PROGRAMS).find(
    (p) => file === p.config || (p === VIP_PROGRAMS.nginx && file.startsWith('/etc/nginx/')),
  );

/** Where Debian and RHEL packages include from, which the read script already sends. */
const READ_INCLUDES = /^\/etc\/nginx\/(conf\.d\/\*\.conf|sites-enabled\/\*)$/;
/** An include pattern is the node's text: quoted in a reason only this far. */
const PATTERN_SHOWN = 120;

/**
 * A node's VIPs from the configuration its read answer carried, with the same
 * parsers as this computer, within one budget per node (NODE_VIP_BUDGET). "On the
 * node" is judged from the node's own interfaces.
 */
export function vipsFromNode(
  extras: NodeExtras,
  limits: VipBudgetLimits = NODE_VIP_BUDGET,
): VipDiscovery {
  const budget = createDiscoveryBudget(limits);
  const found = createFindings(budget, extras.addresses ?? []);
  for (const vipFile of extras.vipFiles) {
    if (budget.exhausted !== null) break;
    if (vipFile.kind === 'skipped') {
      found.files.push({ path: vipFile.path, status: 'unreadable', detail: vipFile.reason });
      continue;
    }
    found.files.push({ path: vipFile.path, status: 'read', detail: null });
    const program = programOf(vipFile.path);
    if (!program) continue;
    if (!budget.spend('bytes', vipFile.text.length, { file: vipFile.path, line: null })) break;
    const notRead = (pattern: string, line: number) => {
      if (READ_INCLUDES.test(pattern)) return;
      found.skip({
        file: vipFile.path,
        line,
        reason: `include ${pattern.slice(0, PATTERN_SHOWN)}: not read on a node (the app reads nginx.conf, conf.d/*.conf and sites-enabled/* there)`,
      });
    };
    const parser = program.parser(vipFile.path, found.sink(program.name, notRead));
    parser.push(vipFile.text);
    parser.end();
  }
  if (extras.addresses === null) {
    found.skip({
      file: '(node)',
      line: 0,
      reason: 'the node has no ip command, so the app cannot tell which addresses it holds',
    });
  }
  return findingsResult(found, budget);
}
