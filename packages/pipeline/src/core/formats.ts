/** Audio container/codec of prepared files. Both are lossless 16-bit PCM. */
export type PreparedFormat = 'flac' | 'wav';

/** Default sample rate of prepared audio: 16 kHz, what Whisper-family recognizers work at. */
export const DEFAULT_SAMPLE_RATE = 16000;
