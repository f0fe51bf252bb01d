import { terminalSafe } from '../data/excerpt';

/** What a command may touch: output streams and the environment (so tests run it in-process). */
export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  /** stderr is a terminal (progress bars); absent = no. */
  stderrIsTTY?: boolean;
}

export function processIo(): CliIo {
  return {
    // File names and cells reach the output: no terminal escape code gets through.
    stdout: (s) => void process.stdout.write(terminalSafe(s)),
    stderr: (s) => void process.stderr.write(terminalSafe(s)),
    env: process.env,
    stderrIsTTY: process.stderr.isTTY === true,
  };
}
