import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json',
};

/**
 * Resolves a URL path inside the built renderer directory, refusing anything
 * that would escape it (`..`, encoded slashes, NUL).
 */
export function resolveStaticPath(rootDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const resolved = path.resolve(rootDir, relative);
  if (resolved !== rootDir && !resolved.startsWith(rootDir + path.sep)) return null;
  return resolved;
}

export interface StaticFileLimits {
  /** A larger file is not served (the built renderer's largest is about 200 KB). */
  readonly maxFileBytes: number;
  /** All cached bodies together; the oldest go first beyond this. */
  readonly maxCachedBytes: number;
}

export type StaticFileResult =
  { ok: true; body: Buffer; contentType: string } | { ok: false; error: 'not-found' | 'too-large' };

export interface StaticFiles {
  read(urlPath: string): Promise<StaticFileResult>;
}

interface CachedBody {
  /** Which version of the file the body is: it is read again once this changes. */
  readonly stamp: string;
  readonly size: number;
  readonly body: Promise<Buffer | null>;
}

/** The whole file, or null when it is not a regular file any more or changed size meanwhile. */
async function readWhole(file: string, size: number): Promise<Buffer | null> {
  let handle;
  try {
    // O_NONBLOCK: a FIFO put in place after the stat must not hang the server.
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = await handle.stat();
    if (!info.isFile() || info.size !== size) return null;
    const body = Buffer.alloc(size);
    const { bytesRead } = await handle.read(body, 0, size, 0);
    return bytesRead === size ? body : null;
  } catch {
    return null;
  } finally {
    await handle?.close();
  }
}

/**
 * The built renderer's files, each read once into one Buffer that every response shares.
 * Any local program may ask for the same 200 KB script thousands of times over pipelined
 * connections it never reads; a fresh copy per response made the preview grow by
 * gigabytes. A changed file (new build) is noticed by its stat and read again.
 */
export function staticFiles(rootDir: string, limits: StaticFileLimits): StaticFiles {
  const cache = new Map<string, CachedBody>();
  let cachedBytes = 0;

  const remember = (file: string, entry: CachedBody): void => {
    const old = cache.get(file);
    if (old !== undefined) cachedBytes -= old.size;
    cache.delete(file);
    cache.set(file, entry);
    cachedBytes += entry.size;
    for (const [key, value] of cache) {
      if (cachedBytes <= limits.maxCachedBytes || key === file) break;
      cache.delete(key);
      cachedBytes -= value.size;
    }
  };

  return {
    async read(urlPath) {
      const file = resolveStaticPath(rootDir, urlPath);
      if (file === null) return { ok: false, error: 'not-found' };
      let info;
      try {
        info = await stat(file);
      } catch {
        return { ok: false, error: 'not-found' };
      }
      if (!info.isFile()) return { ok: false, error: 'not-found' };
      if (info.size > limits.maxFileBytes) return { ok: false, error: 'too-large' };
      const stamp = `${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}:${info.ctimeMs}`;
      let entry = cache.get(file);
      if (entry?.stamp !== stamp) {
        entry = { stamp, size: info.size, body: readWhole(file, info.size) };
        remember(file, entry);
      }
      const body = await entry.body;
      if (body === null) {
        if (cache.get(file) === entry) {
          cache.delete(file);
          cachedBytes -= entry.size;
        }
        return { ok: false, error: 'not-found' };
      }
      const contentType = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
      return { ok: true, body, contentType };
    },
  };
}
