import { terminalSafe } from '../data/table';

/** What a command may touch: output streams and the environment (so tests run it in-process). */
export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  /** stderr is a terminal (progress bars); absent = no. */
  stderrIsTTY?: boolean;
  /** The terminal's width when stdout is one; absent = not a terminal (COLUMNS still applies). */
  stdoutColumns?: number;
}

/** Columns to fit human output to: the terminal's, else COLUMNS; none when neither says (a pipe). */
export function outputWidth(io: CliIo): number | null {
  const n = io.stdoutColumns ?? Number(io.env.COLUMNS);
  return Number.isInteger(n) && n >= 20 ? n : null;
}

/**
 * A reader that stops early (`adplan check x.csv | head`) closes the pipe: the rest of the output
 * has nowhere to go, which is not an error of the command. Node reports it as an 'error' event on
 * the stream; unhandled, that event is an uncaught exception with a stack trace. Any other stream
 * error is rethrown.
 */
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  if (stream.listenerCount('error') > 0) return;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

export function processIo(): CliIo {
  quietOnClosedPipe(process.stdout);
  quietOnClosedPipe(process.stderr);
  return {
    // File names and cells reach the output: no terminal escape code gets through.
    stdout: (s) => void process.stdout.write(terminalSafe(s)),
    stderr: (s) => void process.stderr.write(terminalSafe(s)),
    env: process.env,
    stderrIsTTY: process.stderr.isTTY === true,
    ...(process.stdout.isTTY && process.stdout.columns > 0 ? { stdoutColumns: process.stdout.columns } : {}),
  };
}
