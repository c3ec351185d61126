import { predictBoot } from '../../electron/system/engines/boot-model';
import { bootKeys } from '../harness/boot-keys';

/** What both engines leave for `key` when `text` (UTF-8) is the only sysctl file: [systemd, procps]. */
export function valuesAlone(text: string, key: string): [number | null, number | null] {
  const p = predictBoot(
    {
      directories: [
        {
          dir: '/etc/sysctl.d',
          entries: [
            { name: 'only.conf', kind: 'file', content: Buffer.from(text), linkTarget: null },
          ],
        },
      ],
      sysctlConf: null,
      problems: [],
    },
    bootKeys(key),
  );
  return [p.systemd.get(key)?.stored ?? null, p.procps.get(key)?.stored ?? null];
}
