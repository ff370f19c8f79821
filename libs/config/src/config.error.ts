/** A variable is missing or malformed: the process must not start, and the message names it. */
export class ConfigError extends Error {
  readonly variables: readonly string[];

  constructor(problems: readonly { variable: string; reason: string }[]) {
    super(
      [
        '配置无效，进程未启动 / invalid configuration, the process did not start:',
        ...problems.map((p) => `  ${p.variable}: ${p.reason}`),
      ].join('\n'),
    );
    this.name = 'ConfigError';
    this.variables = problems.map((p) => p.variable);
  }
}
