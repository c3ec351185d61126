import type { ApplyRequest, CommandBlock, FleetChange } from '../../contract';
import { validateFileName } from '../file-name';
import { SETTINGS, type Catalogue } from '../settings';

function checked(
  change: FleetChange,
  catalogue: Catalogue,
): { path: string; entries: { key: string; value: 0 | 1 }[] } {
  const name = validateFileName(change.fileName);
  if (!name.ok) throw new Error(`refused file name (${name.error.code})`);
  const entries = catalogue.flatMap((s) => {
    const v = change.values[s.id];
    return v === 0 || v === 1 ? [{ key: s.key, value: v }] : [];
  });
  if (entries.length === 0) throw new Error('There is no pending change to export.');
  return { path: `/etc/sysctl.d/${change.fileName}`, entries };
}

/**
 * An Ansible task list doing what the app's Apply does: the same key and value in
 * the same file, set in the running kernel now (sysctl_set) and reloaded from that
 * file (reload), so boot and runtime agree as after the app's own Apply.
 */
export function renderAnsibleTasks(change: FleetChange, catalogue: Catalogue = SETTINGS): string {
  const { path, entries } = checked(change, catalogue);
  const tasks = entries.map(
    (e) => `- name: Set ${e.key} to ${e.value} now and at boot (as Nonlocal Bind would)
  ansible.posix.sysctl:
    name: ${e.key}
    value: '${e.value}'
    sysctl_file: ${path}
    sysctl_set: true
    reload: true
    state: present
  become: true
`,
  );
  return `# Nonlocal Bind: the pending change as an Ansible task list (ansible.posix collection).\n${tasks.join('')}`;
}

/** The same change for new machines: cloud-init writes the file and applies it on first boot. */
export function renderCloudInit(change: FleetChange, catalogue: Catalogue = SETTINGS): string {
  const { path, entries } = checked(change, catalogue);
  const content = entries.map((e) => `      ${e.key} = ${e.value}\n`).join('');
  return `#cloud-config
# Nonlocal Bind: the pending change as a cloud-init snippet.
write_files:
  - path: ${path}
    owner: root:root
    permissions: '0644'
    content: |
${content}runcmd:
  - [sysctl, -p, ${path}]
`;
}

/** Both exports as copyable blocks, with captions for the Copy buttons. */
export function fleetBlocks(change: FleetChange, catalogue: Catalogue = SETTINGS): CommandBlock[] {
  return [
    {
      caption: { kind: 'ansible' },
      commands: renderAnsibleTasks(change, catalogue),
    },
    { caption: { kind: 'cloud-init' }, commands: renderCloudInit(change, catalogue) },
  ];
}

/** The export of a pending Apply: only a change kept in a file in /etc/sysctl.d has one. */
export function fleetBlocksFor(
  request: ApplyRequest,
  catalogue: Catalogue = SETTINGS,
): CommandBlock[] {
  if (request.persistence.kind !== 'persist') return [];
  const values = request.values;
  if (Object.keys(values).length === 0) return [];
  if (!validateFileName(request.persistence.fileName).ok) return [];
  return fleetBlocks({ fileName: request.persistence.fileName, values }, catalogue);
}
