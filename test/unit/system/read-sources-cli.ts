// Child entry: reads the sources below argv[2] as whatever user runs it.
import { readSysctlSources } from '../../../electron/system/sysctl-sources';
import { resolveForEngine } from '../../../electron/system/precedence';

const sources = await readSysctlSources({ fsRoot: process.argv[2] ?? '/', platform: 'linux' });
const v6 = resolveForEngine(sources, 'systemd', 'net.ipv6.ip_nonlocal_bind').winner?.path ?? null;
process.stdout.write(JSON.stringify({ problems: sources.problems, v6 }));
