// Child entry: discovery below argv[2], as whatever user runs it.
import { discoverVips } from '../../../electron/system/vip-discovery';

const found = await discoverVips({ fsRoot: process.argv[2] ?? '/', platform: 'linux' });
process.stdout.write(JSON.stringify(found));
