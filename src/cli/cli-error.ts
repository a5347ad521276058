/** A user-facing CLI failure: its message is printed as one line, without a stack trace. */
export class CliError extends Error {
  override name = 'CliError';
}
