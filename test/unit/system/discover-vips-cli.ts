// Child entry: prints discoverVips for a root directory given as argv[2] (no local addresses).
import { discoverVips } from '../../../electron/system/vip-discovery';

const root = process.argv[2] ?? '/';
const found = await discoverVips({ fsRoot: root, platform: 'linux' }, new Set());
process.stdout.write(JSON.stringify(found));
