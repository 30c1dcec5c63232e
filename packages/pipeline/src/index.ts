/**
 * @meetbridge/pipeline: recordings in, transcripts out. ffmpeg audio preparation, pluggable
 * transcription and summary backends, speaker attribution and exporters. No database and no HTTP
 * server here: the server injects the ffmpeg runner, fetch, logger and configuration.
 */
export * from './core/errors.js';
export { silentLogger, type LoggerLike } from './core/logger.js';
export {
  Ffmpeg,
  createFfmpeg,
  type ChildProcessLike,
  type FfmpegOptions,
  type RunOptions,
  type RunResult,
  type SpawnLike,
} from './core/ffmpeg.js';
export { loadFfmpegConfig, ffmpegEnvVars, type EnvRecord, type ConfigResult, type FfmpegConfig } from './core/config.js';
export {
  probeAudio,
  scanAudioPackets,
  DEFAULT_GAP_THRESHOLD_SEC,
  type AudioProbe,
  type PacketTimeline,
  type TimeSpan,
} from './core/probe.js';
export {
  placeTrack,
  mixTracks,
  prepareAudio,
  runLimited,
  type TrackInput,
  type PlaceTrackOptions,
  type PlacedTrack,
  type MixOptions,
  type MixedAudio,
  type PrepareAudioOptions,
  type PreparedAudio,
} from './core/audio.js';
export { DEFAULT_SAMPLE_RATE, type PreparedFormat } from './core/formats.js';
export { planPlacement, type PlacementPlan, type PlacedRun } from './core/placement.js';
export {
  planChunks,
  speechSpans,
  maxChunkSeconds,
  DEFAULT_PADDING_SEC,
  DEFAULT_MAX_INNER_SILENCE_SEC,
  type ChunkPlanOptions,
} from './core/chunks.js';
export {
  detectSilences,
  splitForUpload,
  DEFAULT_NOISE_DB,
  DEFAULT_MIN_SILENCE_SEC,
  type SilenceOptions,
  type SplitOptions,
  type AudioChunk,
} from './core/split.js';
export type * from './core/transcript.js';
export { shiftSegment, sortSegments } from './core/transcript.js';
export type * from './core/transcriber.js';
export type * from './core/summarizer.js';
export { transcribeFile, transcribeChunks, uploadFormat, type TranscribeFileOptions, type FileTranscript } from './core/transcribe.js';
export { speakerName, mergeTrackSegments, attributeComposite, type TrackTranscript, type CompositeOptions } from './core/attribution.js';
export {
  toWebVtt,
  toSrt,
  toPlainText,
  toJson,
  exportTranscript,
  formatTimestamp,
  EXPORT_CONTENT_TYPES,
  type ExportFormat,
  type ExportableTranscript,
} from './core/exporters.js';
export { callBackend, parseRetryAfter, DEFAULT_RETRY_POLICY, type BackendDeps, type BackendCall, type RetryPolicy } from './core/http.js';
export type { BackendModule, TranscriptionBackendModule, SummaryBackendModule } from './core/backend.js';
export {
  transcriptionBackends,
  summaryBackends,
  loadTranscriber,
  loadSummarizer,
  type TranscriptionBackendName,
  type SummaryBackendName,
  type LoadedBackend,
} from './registry.js';
export {
  openAiTranscriptionBackend,
  OpenAiTranscriber,
  openAiTranscriptionCapabilities,
  loadOpenAiTranscriptionConfig,
  openAiTranscriptionEnvVars,
  type OpenAiTranscriptionConfig,
} from './backends/openai/index.js';
export {
  openAiChatBackend,
  OpenAiChatSummarizer,
  readSummary,
  loadOpenAiChatConfig,
  openAiChatEnvVars,
  type OpenAiChatConfig,
} from './backends/openai-chat/index.js';
