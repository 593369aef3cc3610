import { Agent, request } from 'node:http';
import { z } from 'zod';
import { signPayload } from '../../server/whatsapp/signature.js';
import { inboundText, TEST_APP_SECRET, type Customer } from '../helpers/webhooks.js';

/*
 * The load of the inbound section, in a process of its own (started by inbound-bench.ts with an
 * IPC channel) so that sending does not take the CPU from the relay it measures: K closed-loop
 * senders, one customer each, post signed one-message webhooks over kept-alive connections and
 * send the next as soon as the previous was answered. It reports when the warm-up ends and, at the
 * end, every sender's count of messages answered 200 and the measured latencies.
 */

const JobSchema = z.object({
  url: z.url(),
  customers: z.array(z.object({ waId: z.string(), name: z.string() })),
  warmupMs: z.number(),
  seconds: z.number(),
});
export type SenderJob = z.infer<typeof JobSchema>;

export type SenderReport =
  { type: 'measuring' } | { type: 'done'; accepted: number[]; latencies: number[]; failed: number; elapsedS: number };

function post(agent: Agent, url: URL, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'x-hub-signature-256': signPayload(TEST_APP_SECRET, body),
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function run(job: SenderJob): Promise<SenderReport> {
  const url = new URL('/webhooks/whatsapp', job.url);
  const agent = new Agent({ keepAlive: true, maxSockets: job.customers.length });
  const accepted = job.customers.map(() => 0);
  const latencies: number[] = [];
  let failed = 0;
  const measuredFrom = performance.now() + job.warmupMs;
  const until = measuredFrom + job.seconds * 1000;
  const warm = setTimeout(() => process.send?.({ type: 'measuring' } satisfies SenderReport), job.warmupMs);
  const sender = async (customer: Customer, k: number): Promise<void> => {
    while (performance.now() < until) {
      const text = `Bench inbound ${(accepted[k] ?? 0) + 1} from ${customer.name}: is it still in stock?`;
      const body = JSON.stringify(inboundText(customer, text));
      const t = performance.now();
      const status = await post(agent, url, body);
      if (status !== 200) {
        failed += 1;
        continue;
      }
      accepted[k] = (accepted[k] ?? 0) + 1;
      if (t >= measuredFrom) latencies.push(performance.now() - t);
    }
  };
  await Promise.all(job.customers.map(sender));
  clearTimeout(warm);
  const elapsedS = (performance.now() - measuredFrom) / 1000;
  agent.destroy();
  return { type: 'done', accepted, latencies, failed, elapsedS };
}

process.once('message', (message: unknown) => {
  run(JobSchema.parse(message)).then(
    (report) => process.send?.(report, () => process.exit(0)),
    (error: unknown) => {
      process.stderr.write(`inbound sender: ${String(error)}\n`);
      process.exit(1);
    },
  );
});
