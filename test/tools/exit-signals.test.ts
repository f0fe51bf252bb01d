/**
 * Issue 11 item 12: `npm start` stopped with SIGTERM exits cleanly with its port freed. npm runs
 * the script through `sh -c`, forwards SIGTERM to that shell, and dash forks rather than exec'ing
 * the command, so the server must notice its parent going away. The stand-in server uses the same
 * stop logic as scripts/start.mjs (scripts/exit-signals.mjs); the real `npm start` is covered in
 * test/e2e/start.test.ts. No timing: every wait is for an event, bounded only by Jest's timeout.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { portOpen } from '../helpers/net';
import { join } from 'node:path';

const FIXTURE = join(__dirname, '..', 'fixtures', 'scripts', 'serve-until-stopped.mjs');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Resolves with the port once the server printed it; `out` collects everything it printed. */
function started(child: ChildProcess, out: { text: string }): Promise<number> {
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      out.text += d.toString();
      const m = /port (\d+)/u.exec(out.text);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`exited ${String(code)} before listening: ${out.text}`)));
  });
}

/** Polls (yielding to the event loop) until `f` holds; Jest's timeout bounds it, not a clock. */
async function until(f: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await f())) await new Promise((r) => setImmediate(r));
}

const posix = process.platform === 'win32' ? describe.skip : describe;

posix('stopping the dev server', () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const c of children) if (c.exitCode === null && c.pid) c.kill('SIGKILL');
  });

  it('SIGTERM to the shell npm runs it in (as npm forwards it) stops the server and frees the port', async () => {
    const out = { text: '' };
    const shell = spawn('sh', ['-c', `"${process.execPath}" "${FIXTURE}"`], { stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(shell);
    const port = await started(shell, out);
    expect(await portOpen(port)).toBe(true);
    shell.kill('SIGTERM');
    await until(async () => !(await portOpen(port)));
    await until(() => out.text.includes('stopped: parent exited'));
  });

  it('SIGTERM to the server itself stops it with exit code 0', async () => {
    const out = { text: '' };
    const child = spawn(process.execPath, [FIXTURE], { stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(child);
    const port = await started(child, out);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(out.text).toContain('stopped: SIGTERM');
    expect(await portOpen(port)).toBe(false);
    expect(alive(child.pid!)).toBe(false);
  });
});
