import {
  createFfmpeg,
  loadFfmpegConfig,
  loadSummarizer,
  loadTranscriber,
  type EnvRecord,
  type Ffmpeg,
  type LoadedBackend,
  type LoggerLike,
  type Summarizer,
  type Transcriber,
} from '@meetbridge/pipeline';

/**
 * The pipeline's tools in this process: the ffmpeg runner and the transcription and summary
 * backends chosen by the environment (read by the library's own loaders, validated at boot by
 * `config/env.ts`). A backend that is not configured is reported with the variables to set.
 */
export class PipelineBackends {
  readonly ffmpeg: Ffmpeg;
  private transcriberResult: LoadedBackend<Transcriber> | undefined;
  private summarizerResult: LoadedBackend<Summarizer> | undefined;

  constructor(
    private readonly env: EnvRecord,
    private readonly deps: { logger: LoggerLike; fetch?: typeof fetch },
  ) {
    this.ffmpeg = createFfmpeg({ ...loadFfmpegConfig(env), logger: deps.logger });
  }

  /** The transcription backend, or the message naming what to set. */
  transcriber(): LoadedBackend<Transcriber> {
    this.transcriberResult ??= loadTranscriber(this.env, { logger: this.deps.logger, fetch: this.deps.fetch });
    return this.transcriberResult;
  }

  /** The summary backend, or why there is none (summaries are then skipped). */
  summarizer(): LoadedBackend<Summarizer> {
    this.summarizerResult ??= loadSummarizer(this.env, { logger: this.deps.logger, fetch: this.deps.fetch });
    return this.summarizerResult;
  }
}
