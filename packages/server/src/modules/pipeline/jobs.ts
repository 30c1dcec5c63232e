import { z } from 'zod';
import { defineJob, type JobDefinition } from '../../jobs/define.js';
import type { OutboundWebhooks } from './outbound-webhooks.js';
import type { PipelineStages } from './stages.js';

const StagePayload = z.object({ transcriptId: z.uuid(), run: z.number().int().min(1) });
const DeliverPayload = z.object({ deliveryId: z.uuid() });
const ResumePayload = z.object({});

declare module '../../jobs/types.js' {
  interface JobPayloads {
    /** Places a recording's tracks on the meeting timeline and mixes the MP3 (one transcript run). */
    'pipeline.prepare': z.input<typeof StagePayload>;
    /** Transcribes the prepared tracks and attributes speakers. */
    'pipeline.transcribe': z.input<typeof StagePayload>;
    /** Summarizes a transcript (title, summary, topics, action items). */
    'pipeline.summarize': z.input<typeof StagePayload>;
    /** Periodic (and at boot): transcripts awaiting a backend continue when this process has one. */
    'pipeline.resume': z.input<typeof ResumePayload>;
    /** One attempt of an outbound webhook delivery; the next is scheduled by the handler. */
    'pipeline.deliver-webhook': z.input<typeof DeliverPayload>;
  }
}

/** The pipeline module's queues. */
export function pipelineJobs(deps: {
  stages: PipelineStages;
  webhooks: OutboundWebhooks;
  /** First retry delay of a failed stage (doubling after). */
  retryDelaySeconds: number;
  resumeEverySeconds?: number;
}): JobDefinition[] {
  // 5 retries, each after about twice the previous wait (pg-boss backoff with jitter): with the default
  // 10 s, 5 to 10 minutes in all before a stage gives up. `expireInSeconds`: a job active that long is
  // taken for lost (its worker died) and retried. An hour of audio is prepared in about a minute
  // (docs/benchmarks.md), but a self-hosted whisper on CPU may take longer than the meeting to transcribe it.
  const stage = (expireInSeconds: number) =>
    ({ policy: 'standard', retryLimit: 5, retryDelay: deps.retryDelaySeconds, retryBackoff: true, expireInSeconds }) as const;
  return [
    defineJob({ name: 'pipeline.prepare', schema: StagePayload, queue: stage(1800), handle: (p, job) => deps.stages.prepare(p, job) }),
    defineJob({
      name: 'pipeline.transcribe',
      schema: StagePayload,
      queue: stage(4 * 3600),
      handle: (p, job) => deps.stages.transcribe(p, job),
    }),
    defineJob({ name: 'pipeline.summarize', schema: StagePayload, queue: stage(1800), handle: (p, job) => deps.stages.summarize(p, job) }),
    defineJob({
      name: 'pipeline.resume',
      schema: ResumePayload,
      queue: { policy: 'stately', retryLimit: 0 },
      pollingIntervalSeconds: 1,
      everySeconds: deps.resumeEverySeconds ?? 300,
      atStart: true,
      handle: async () => {
        await deps.stages.resumeAwaiting();
      },
    }),
    defineJob({
      name: 'pipeline.deliver-webhook',
      schema: DeliverPayload,
      // Failed attempts are rescheduled by the handler (Standard Webhooks' schedule); these retries
      // are only for the handler itself failing (the database unreachable).
      queue: { policy: 'standard', retryLimit: 3, retryDelay: 5, retryBackoff: true, expireInSeconds: 120 },
      handle: (p) => deps.webhooks.attempt(p.deliveryId),
    }),
  ];
}
