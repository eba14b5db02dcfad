/** A report that cannot be turned into chunks; the message names the file. */
export class ReportError extends Error {
  constructor(
    readonly source: string,
    reason: string,
  ) {
    super(`${source}: ${reason}`);
    this.name = 'ReportError';
  }
}
