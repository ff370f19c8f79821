/**
 * One auditors' CLI subcommand: a pure function of its arguments and standard input, so every
 * command is tested without spawning a process. Only main.ts touches the process.
 */
export interface CommandOutput {
  readonly stdout: string;
  readonly exitCode: 0 | 1 | 2;
}

export interface CommandContext {
  readonly args: readonly string[];
  readonly stdin: () => string;
  /** Reads a file named on the command line; injected so commands stay free of I/O. */
  readonly readFile: (path: string) => string;
}

export type Command = (context: CommandContext) => CommandOutput;

/** Raised for bad arguments or input; main.ts prints the message to stderr and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
