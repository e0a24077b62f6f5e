// Bounds how fast background work reads (fixity checks), so re-hashing terabytes never starves the server:
// a token bucket of bytes refilled at the configured rate, holding at most one second's worth.
export class RateLimiter {
  private tokens: number;
  private last: number;

  constructor(
    readonly bytesPerSecond: number,
    private readonly now: () => number = () => performance.now(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) =>
      new Promise((resolve) => setTimeout(resolve, ms)),
  ) {
    if (!(bytesPerSecond > 0)) throw new Error('the rate must be positive');
    this.tokens = bytesPerSecond;
    this.last = now();
  }

  /** Waits until `bytes` may be read. */
  async take(bytes: number): Promise<void> {
    this.refill();
    this.tokens -= bytes;
    if (this.tokens < 0) {
      await this.sleep((-this.tokens / this.bytesPerSecond) * 1000);
      this.refill();
    }
  }

  private refill(): void {
    const at = this.now();
    this.tokens = Math.min(
      this.bytesPerSecond,
      this.tokens + ((at - this.last) / 1000) * this.bytesPerSecond,
    );
    this.last = at;
  }
}
