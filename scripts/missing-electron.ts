/**
 * The one paragraph `npm start` prints when no Electron binary can be had:
 * why, how to point Electron at a mirror or a local copy, and the safe way to
 * look around without it.
 */
export function describeMissingElectron(reason: string): string {
  return (
    [
      `Nonlocal Bind cannot start: no Electron binary (${reason}).`,
      'Electron downloads its binary from outside the npm registry on first run.',
      'Point it at a mirror with ELECTRON_MIRROR=https://your-mirror/electron/ npm start,',
      'or at an unpacked Electron you already have with ELECTRON_OVERRIDE_DIST_PATH=/path/to/electron npm start.',
      'To look around without Electron, run npm run preview -- --demo fresh and open the address it prints:',
      'the same app on a simulated system, where nothing on this computer is read or changed.',
    ].join('\n') + '\n'
  );
}
