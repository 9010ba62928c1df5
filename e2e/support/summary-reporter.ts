import type { FullResult, Reporter, TestCase, TestResult } from "@playwright/test/reporter";

/** Ends the run with one plain line that any CI can read: "e2e: N passed, N failed". */
export default class SummaryReporter implements Reporter {
  private passed = 0;
  private failed = 0;

  onTestEnd(test: TestCase, result: TestResult) {
    if (result.status === "skipped") return;
    if (result.retry < test.retries && result.status !== "passed") return;
    if (test.outcome() === "expected" || test.outcome() === "flaky") this.passed++;
    else this.failed++;
  }

  onEnd(_result: FullResult) {
    console.log(`e2e: ${this.passed} passed, ${this.failed} failed`);
  }

  printsToStdio() {
    return false;
  }
}
