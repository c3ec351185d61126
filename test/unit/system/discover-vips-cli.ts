// Child entry: discovery below argv[2], as whatever user runs it.
import { discoverVips } from '../../../electron/system/vip-discovery';

process.stdout.write(
  JSON.stringify(discoverVips({ fsRoot: process.argv[2] ?? '/', platform: 'linux' })),
);
