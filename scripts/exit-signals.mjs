// Stop on SIGINT, SIGTERM or SIGHUP, or when the parent process goes away.
// Why the parent: npm runs `npm start` through `sh -c "node scripts/start.mjs"`, and dash (the sh
// of Debian/Ubuntu) forks instead of exec'ing the command. A SIGTERM sent to npm, as a process
// manager does, is forwarded to sh, which dies without passing it on: we would be orphaned with
// the port still open. Ctrl-C works either way (the terminal signals the whole process group).

/** Calls `stop(reason)` once, on the first of the signals or the parent's exit. */
export function stopOnExitSignals(stop, { pollMs = 200 } = {}) {
  let stopping = false;
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== parent) once('parent exited');
  }, pollMs);
  timer.unref();
  function once(reason) {
    if (stopping) return;
    stopping = true;
    clearInterval(timer);
    Promise.resolve(stop(reason)).catch((e) => {
      console.error(e);
      process.exit(1);
    });
  }
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => once(signal));
}
