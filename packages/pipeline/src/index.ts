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
