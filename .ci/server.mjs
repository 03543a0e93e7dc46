// A static server for the built site (target/site): gzip for text and wasm, correct MIME types, and
// the strict Content-Security-Policy the widget is built for. Every file may be read from other
// origins (Access-Control-Allow-Origin: *), as embeds on news sites and sandboxed iframes need.
// Usage: node .ci/server.mjs [--port 8000] [--host 127.0.0.1] [--root DIR] [--csp POLICY | --no-csp]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { extname, join, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const top = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const port = Number(opt('--port', '8000'));
const host = opt('--host', '127.0.0.1');
const root = opt('--root', join(top, 'target/site'));
/** The policy the page and widget must work under (see the README's security section). */
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; require-trusted-types-for 'script'";
const csp = args.includes('--no-csp') ? null : opt('--csp', STRICT_CSP);

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.wasm': 'application/wasm',
  '.png': 'image/png', '.csv': 'text/csv; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
};

const server = createServer(async (req, res) => {
  try {
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path === '/') path = '/index.html';
    path = normalize(path);
    if (path.includes('..')) { res.writeHead(404).end('not found'); return; }
    const file = join(root, path);
    if (!(await stat(file)).isFile()) throw new Error('not a file');
    let body = await readFile(file);
    const type = TYPES[extname(file)] || 'application/octet-stream';
    const headers = { 'content-type': type, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff',
      'access-control-allow-origin': '*' };
    // embed.html loads datasets from anywhere (?src=…): its policy also lets it fetch http(s) data.
    if (csp && type.startsWith('text/html')) headers['content-security-policy'] = path === '/embed.html' ? `${csp}; connect-src 'self' https: http:` : csp;
    if (/gzip/.test(req.headers['accept-encoding'] || '') && !type.startsWith('image/png')) {
      body = gzipSync(body, { level: 6 });
      headers['content-encoding'] = 'gzip';
    }
    headers['content-length'] = body.length;
    res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : body);
  } catch {
    res.writeHead(404, { 'access-control-allow-origin': '*', 'content-type': 'text/plain; charset=utf-8' }).end('not found');
  }
});
server.listen(port, host, () => console.log(`serving ${root} at http://${host}:${server.address().port}/`));
