// Child entry: reads the sources below argv[2] as whatever user runs it.
import { readSysctlSources } from '../../../electron/system/sysctl-sources';
import { predictBoot } from '../../../electron/system/engines/boot-model';
import { bootKeys } from '../../harness/boot-keys';
import { describeSourceProblems } from '../../../electron/system/engines/source-problems';

const sources = await readSysctlSources({ fsRoot: process.argv[2] ?? '/', platform: 'linux' });
const key = 'net.ipv6.ip_nonlocal_bind';
const outcome = predictBoot(sources, bootKeys(key)).systemd.get(key);
const v6 = outcome?.winner?.origin.path ?? null;
const unpredictable = outcome?.unpredictable ?? null;
process.stdout.write(
  JSON.stringify({ problems: describeSourceProblems(sources), v6, unpredictable }),
);
