/** Finds `--demo NAME` / `--demo=NAME` among Electron's argv, which also carries Chromium switches. */
export function readDemoArgument(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--demo') return argv[i + 1] ?? '';
    if (arg.startsWith('--demo=')) return arg.slice('--demo='.length);
  }
  return null;
}
