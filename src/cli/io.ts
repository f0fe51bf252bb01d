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
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    env: process.env,
    stderrIsTTY: process.stderr.isTTY === true,
  };
}
