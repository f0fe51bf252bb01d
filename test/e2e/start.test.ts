/**
 * `npm start` (scripts/start.mjs): serves the add-in over https on localhost:3000 only, prints
 * the preview URL first and the sideload steps, and Ctrl-C (SIGINT) or SIGTERM to npm stops it with
 * nothing left.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { portOpen } from '../helpers/net';
import { request } from 'node:https';
import { ROOT } from '../helpers/build';

function get(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: 'localhost', port: 3000, path, rejectUnauthorized: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('npm start', () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  it('serves taskpane.html over https, prints where to go, and stops cleanly on Ctrl-C', async () => {
    expect(await portOpen(3000)).toBe(false);
    child = spawn(process.execPath, ['scripts/start.mjs'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    const deadline = Date.now() + 240_000;
    while (!out.includes('dev server is running') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
    expect(out).toContain('dev server is running');
    expect(await get('/taskpane.html')).toBe(200);
    expect(await get('/preview.html')).toBe(200);
    expect(await get('/manifest.xml')).toBe(200);
    expect(await get('/functions.json')).toBe(200);
    const text = out.slice(out.indexOf('dev server is running'));
    expect(text.indexOf('https://localhost:3000/preview.html')).toBeLessThan(text.indexOf('Upload My Add-in'));
    expect(text).toContain('Upload My Add-in');
    const exited = new Promise<number | null>((resolve) => child!.on('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(await portOpen(3000)).toBe(false);
  });

  it('stops cleanly when npm itself gets SIGTERM (as a process manager sends it), port freed', async () => {
    expect(await portOpen(3000)).toBe(false);
    // npm forwards SIGTERM to the `sh -c` it runs the script in; the server must not outlive it.
    const npm = spawn(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['start'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child = npm;
    let out = '';
    npm.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    npm.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    const deadline = Date.now() + 240_000;
    while (!out.includes('dev server is running') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
    expect(out).toContain('dev server is running');
    expect(await get('/taskpane.html')).toBe(200);
    const exited = new Promise<void>((resolve) => npm.on('exit', () => resolve()));
    npm.kill('SIGTERM');
    await exited;
    // The port closes once the server has stopped: wait for that event, not for a clock.
    while (await portOpen(3000)) await new Promise((r) => setTimeout(r, 200));
    expect(await portOpen(3000)).toBe(false);
  });
});
