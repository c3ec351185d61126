/** The app's version; the build writes package.json's version in (scripts/build-node.mjs). */
export const APP_VERSION: string = process.env.NONLOCAL_BIND_VERSION ?? '0.0.0-dev';
