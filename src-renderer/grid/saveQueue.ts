/**
 * Runs save jobs one after another, so each request is built from the versions
 * returned by the previous one (two quick edits to one row must not conflict).
 */
export class SaveQueue {
  private tail: Promise<void> = Promise.resolve();
  private pending = 0;

  constructor(private readonly onBusyChange: (pending: number) => void) {}

  push(job: () => Promise<void>): Promise<void> {
    this.setPending(this.pending + 1);
    const run = this.tail
      .then(job)
      .catch((error: unknown) => console.error('Grid save job failed', error))
      .finally(() => this.setPending(this.pending - 1));
    this.tail = run;
    return run;
  }

  private setPending(pending: number): void {
    this.pending = pending;
    this.onBusyChange(pending);
  }
}
