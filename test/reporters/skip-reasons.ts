import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/**
 * Says why tests were skipped (the list reporter only counts them), once per reason, e.g.
 * "3 skipped: Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD): desktop test skipped".
 */
export default class SkipReasonsReporter implements Reporter {
  private readonly reasons = new Map<string, number>();

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    const reason = test.annotations.find((annotation) => annotation.type === 'skip')?.description ?? 'no reason given';
    this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1);
  }

  onEnd(): void {
    for (const [reason, count] of this.reasons) process.stdout.write(`  ${count} skipped: ${reason}\n`);
  }

  printsToStdio(): boolean {
    return true;
  }
}
