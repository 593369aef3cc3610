import type { CDPSession, Page } from '@playwright/test';

/*
 * Where the time goes during a round: how long each page's main thread was busy (Chromium's own
 * Performance metrics over CDP: the wall time of its tasks, so it grows when the page has to wait
 * for a CPU, not only with the work itself) and the CPU time of this Node process (the relay or
 * the baseline server runs in it, beside the sender). Divided by the messages of the round.
 */

export interface CpuTotals {
  /** Main-thread busy time (wall time of tasks), summed over pages (ms). */
  pageTask: number;
  pageScript: number;
  pageLayout: number;
  pageStyle: number;
  /** This Node process's CPU, user + system (ms). */
  node: number;
}

const zero = (): CpuTotals => ({ pageTask: 0, pageScript: 0, pageLayout: 0, pageStyle: 0, node: 0 });

async function metricsOf(session: CDPSession): Promise<Map<string, number>> {
  const { metrics } = await session.send('Performance.getMetrics');
  return new Map(metrics.map((m) => [m.name, m.value]));
}

export class CpuMeter {
  private constructor(private readonly sessions: CDPSession[]) {}

  static async attach(pages: Page[]): Promise<CpuMeter> {
    const sessions = await Promise.all(pages.map((page) => page.context().newCDPSession(page)));
    await Promise.all(sessions.map((s) => s.send('Performance.enable')));
    return new CpuMeter(sessions);
  }

  /** Runs `work` and returns the CPU it cost (pages summed). */
  async measure(work: () => Promise<void>): Promise<CpuTotals> {
    const before = await Promise.all(this.sessions.map(metricsOf));
    const nodeBefore = process.cpuUsage();
    await work();
    const node = process.cpuUsage(nodeBefore);
    const after = await Promise.all(this.sessions.map(metricsOf));
    const total = zero();
    total.node = (node.user + node.system) / 1000;
    after.forEach((metrics, i) => {
      const delta = (name: string) => ((metrics.get(name) ?? 0) - (before[i]?.get(name) ?? 0)) * 1000;
      total.pageTask += delta('TaskDuration');
      total.pageScript += delta('ScriptDuration');
      total.pageLayout += delta('LayoutDuration');
      total.pageStyle += delta('RecalcStyleDuration');
    });
    return total;
  }
}

export function addCpu(a: CpuTotals, b: CpuTotals): CpuTotals {
  return {
    pageTask: a.pageTask + b.pageTask,
    pageScript: a.pageScript + b.pageScript,
    pageLayout: a.pageLayout + b.pageLayout,
    pageStyle: a.pageStyle + b.pageStyle,
    node: a.node + b.node,
  };
}

export { zero as noCpu };
