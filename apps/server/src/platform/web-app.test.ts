import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWebApp } from './web-app.ts';

const script = 'console.log("the workspace");'.repeat(50);
let dist: string;
let app: FastifyInstance;

beforeAll(async () => {
  dist = await mkdtemp(path.join(tmpdir(), 'frontline-web-dist-'));
  await mkdir(path.join(dist, 'assets'));
  await writeFile(path.join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
  await writeFile(path.join(dist, 'assets/index-1a2b3c.js'), script);
  await writeFile(path.join(dist, 'assets/index-1a2b3c.js.br'), brotliCompressSync(script));
  await writeFile(path.join(dist, 'assets/index-1a2b3c.js.gz'), gzipSync(script));
  app = Fastify();
  await registerWebApp(app, { webDist: dist });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await rm(dist, { recursive: true, force: true });
});

describe('the web app on the same origin', () => {
  it('sends the brotli copy of a script to a browser that accepts it, cached for good', async () => {
    const response = await app.inject({
      url: '/assets/index-1a2b3c.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toContain('javascript');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(response.rawPayload).toString()).toBe(script);
  });

  it('sends the plain script to a client that accepts no compression', async () => {
    const response = await app.inject({ url: '/assets/index-1a2b3c.js' });
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body).toBe(script);
  });

  it('has the browser check index.html on every visit, also for an address of the app', async () => {
    for (const url of ['/', '/inbox/mine']) {
      const response = await app.inject({ url, headers: { 'accept-encoding': 'br' } });
      expect(response.statusCode).toBe(200);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.body).toContain('<div id="root">');
    }
  });

  it('leaves unknown API paths to the API', async () => {
    expect((await app.inject({ url: '/api/v1/nothing-here' })).statusCode).toBe(404);
  });
});
