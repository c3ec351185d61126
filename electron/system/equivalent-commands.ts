import type { CommandBlock } from '../contract';
import type { StepPlan } from './privileged-step';
import { SETTINGS, type Catalogue } from './settings';

function heredocDelimiter(content: string): string {
  let delimiter = 'NONLOCAL_BIND_EOF';
  while (content.split(/\r?\n/).includes(delimiter)) delimiter += '_';
  return delimiter;
}

function singleQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Writes exactly `content` to `file` with sudo tee; a heredoc when it ends in a newline, printf otherwise. */
function teeCommand(file: string, content: string): string {
  if (content.endsWith('\n') && !content.includes('\r')) {
    const delimiter = heredocDelimiter(content);
    return `sudo tee ${file} > /dev/null <<'${delimiter}'\n${content}${delimiter}`;
  }
  return `printf '%s' ${singleQuote(content)} | sudo tee ${file} > /dev/null`;
}

/**
 * The commands that do what the privileged step does for `plan`, in the same
 * order: runtime values, then the file. Shown to users and support staff, and
 * given as the fallback when no polkit agent can ask for a password.
 */
function runtimeChanges(plan: StepPlan, catalogue: Catalogue) {
  return catalogue.flatMap((s) => {
    const value = plan.values[s.id];
    return value === undefined ? [] : [{ key: s.key, procPath: s.procPath, value }];
  });
}

/** The `key=value` pairs a plan sets at run time. */
export function wantedRuntimeValues(
  plan: StepPlan,
  catalogue: Catalogue = SETTINGS,
): { key: string; value: string }[] {
  return runtimeChanges(plan, catalogue).map(({ key, value }) => ({ key, value }));
}

/**
 * The whole change as complete alternatives, each one block to paste on its
 * own: with `sysctl`, or by writing /proc/sys directly; both then write the file.
 */
export function buildManualAlternatives(
  plan: StepPlan,
  catalogue: Catalogue = SETTINGS,
): CommandBlock[] {
  const blocks = buildEquivalentCommands(plan, catalogue);
  const runtime = runtimeChanges(plan, catalogue);
  const fileBlocks = blocks.slice(runtime.length > 0 ? 2 : 0);
  const fileCommands = fileBlocks.map((b) => b.commands);
  if (runtime.length === 0) {
    return [{ caption: { kind: 'whole' }, commands: fileCommands.join('\n') }];
  }
  return [
    {
      caption: { kind: 'whole-sysctl' },
      commands: [blocks[0]?.commands ?? '', ...fileCommands].join('\n'),
    },
    {
      caption: { kind: 'whole-proc' },
      commands: [blocks[1]?.commands ?? '', ...fileCommands].join('\n'),
    },
  ];
}

export function buildEquivalentCommands(
  plan: StepPlan,
  catalogue: Catalogue = SETTINGS,
): CommandBlock[] {
  const runtime = runtimeChanges(plan, catalogue);
  const blocks: CommandBlock[] = [];
  if (runtime.length > 0) {
    blocks.push({
      caption: { kind: 'runtime-sysctl' },
      commands: runtime.map((r) => `sudo sysctl -w ${r.key}=${r.value}`).join('\n'),
    });
    blocks.push({
      caption: { kind: 'runtime-proc' },
      commands: runtime
        .map((r) => `echo ${r.value} | sudo tee ${r.procPath} > /dev/null`)
        .join('\n'),
    });
  }
  if (plan.file.op === 'write' || plan.file.op === 'write-conf') {
    const file = plan.file.op === 'write' ? `/etc/sysctl.d/${plan.file.name}` : '/etc/sysctl.conf';
    const commands = teeCommand(file, plan.file.content);
    blocks.push({ caption: { kind: 'write-file', path: file }, commands });
    // After a removal there is nothing of ours left to load; loading would only re-apply
    // everyone else's keys.
    if (!plan.file.removed)
      blocks.push({ caption: { kind: 'load-file' }, commands: `sudo sysctl -p ${file}` });
  } else if (plan.file.op === 'delete') {
    blocks.push({
      caption: { kind: 'remove-file' },
      commands: `sudo rm /etc/sysctl.d/${plan.file.name}`,
    });
  }
  return blocks;
}
