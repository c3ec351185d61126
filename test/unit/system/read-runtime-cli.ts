// Child entry: prints the reader's result for a root directory given as argv[2].
import { readRuntimeValues } from '../../../electron/system/runtime';

const root = process.argv[2] ?? '/';
const states = await readRuntimeValues({ fsRoot: root, platform: 'linux' });
process.stdout.write(JSON.stringify(states.map((s) => s.runtime)));
