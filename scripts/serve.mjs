#!/usr/bin/env node
// A static file server for the page, with no dependencies.
//
//   node scripts/serve.mjs [--root DIR] [--port N] [--host ADDR]
//
// Defaults: --root www (of this repository), --port $PORT or 8080, --host 127.0.0.1. --port 0 picks
// a free port; the first line printed gives the address either way, so tests
// can read it. Every response allows any origin, so a page on another port
// (an embedding host page) can load the module, the worker and the wasm.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    root: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
  },
});

const repo = fileURLToPath(new URL('..', import.meta.url));
const port = Number(args.port ?? process.env.PORT ?? 8080);
const host = args.host ?? process.env.HOST ?? '127.0.0.1';
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`serve: not a port number: ${args.port ?? process.env.PORT}`);
  process.exit(2);
}

let root;
try {
  // realpath once, so the containment check below compares like with like.
  root = await realpath(args.root ? resolve(args.root) : join(repo, 'www'));
} catch {
  console.error(`serve: no such folder: ${args.root ?? 'www'}`);
  process.exit(2);
}

// Browsers refuse to compile wasm streamed with another type, and refuse
// module scripts that are not served as JavaScript.
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

const COMMON = {
  'Access-Control-Allow-Origin': '*',
  'Cross-Origin-Resource-Policy': 'cross-origin',
  // Always revalidate: a rebuilt www/pkg must never meet a cached old glue
  // file. Each file has a validator (ETag: its size and time), so an
  // unchanged one is answered 304 and a return visit downloads only headers.
  'Cache-Control': 'no-cache',
  'X-Content-Type-Options': 'nosniff',
};

function send(res, status, message, extra = {}) {
  res.writeHead(status, { ...COMMON, 'Content-Type': 'text/plain; charset=utf-8', ...extra });
  res.end(`${status} ${message}\n`);
}

// Maps a URL path to a file inside root, or null when it would leave root.
async function locate(urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  let file = resolve(root, '.' + path);
  if (file !== root && !file.startsWith(root + sep)) return null;
  let info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    file = join(file, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info?.isFile()) return { file: null };
  // A symbolic link inside root could still point outside it.
  const real = await realpath(file);
  if (!real.startsWith(root + sep)) return null;
  return { file: real, size: info.size, etag: `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`, modified: info.mtime.toUTCString() };
}

const server = createServer(async (req, res) => {
  if (req.method === 'OPTIONS') {
    res.writeHead(204, { ...COMMON, 'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS' });
    return res.end();
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return send(res, 405, 'Method Not Allowed', { Allow: 'GET, HEAD, OPTIONS' });
  }
  const { pathname } = new URL(req.url, 'http://localhost');
  const found = await locate(pathname);
  if (found === null) return send(res, 403, 'Forbidden');
  if (found.file === null) return send(res, 404, 'Not Found');
  const validators = { ETag: found.etag, 'Last-Modified': found.modified };
  const tags = (req.headers['if-none-match'] ?? '').split(',').map((t) => t.trim());
  if (tags.includes(found.etag) || tags.includes('*')) {
    res.writeHead(304, { ...COMMON, ...validators });
    return res.end();
  }
  res.writeHead(200, {
    ...COMMON,
    ...validators,
    'Content-Type': TYPES[extname(found.file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': found.size,
  });
  if (req.method === 'HEAD') return res.end();
  createReadStream(found.file)
    .on('error', () => res.destroy())
    .pipe(res);
});

server.on('error', (err) => {
  console.error(`serve: ${err.message}`);
  process.exit(1);
});

server.listen(port, host, () => {
  const shown = host === '127.0.0.1' || host === '::1' ? 'localhost' : host;
  console.log(`Serving ${root} at http://${shown}:${server.address().port}/`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close();
    server.closeAllConnections?.();
    process.exit(0);
  });
}
