/** Storage keys of a transcript's files. */

/** The mixed MP3 served by `GET /v1/transcripts/{id}/audio`. */
export function audioKeyOf(transcriptId: string): string {
  return `transcripts/${transcriptId}/audio.mp3`;
}

/** A placed track (16 kHz mono FLAC on the meeting timeline) kept between prepare and transcribe; deleted when the run ends. */
export function workKeyOf(transcriptId: string, run: number, index: number): string {
  return `transcripts/${transcriptId}/work/run-${run}/track-${index}.flac`;
}
