import { useState, type MouseEvent } from 'react';
import { ProcessingStatus } from '@/components/processing-status';
import type { Transcript } from '@/lib/api/types';
import { downloadWithToken } from '../api/use-media-url';
import { formatTimestamp } from '../utils/time';
import { TranscriptPlayer } from './transcript-player';

export const DOWNLOAD_FORMATS = [
  { format: 'vtt', label: 'WebVTT (.vtt)' },
  { format: 'srt', label: 'SubRip (.srt)' },
  { format: 'txt', label: 'Text (.txt)' },
  { format: 'json', label: 'JSON (.json)' },
] as const;
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number]['format'];

export interface TranscriptViewProps {
  transcript: Transcript;
  /** What the player opens: a URL, null when there is none, undefined while it is being fetched. */
  audioUrl: string | null | undefined;
  downloadUrl: (format: DownloadFormat) => string;
  /** Signed in: links cannot carry the bearer token, so downloads are fetched with it. */
  signedIn: boolean;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function noAudioReason(transcript: Transcript): string {
  if (transcript.audio_deleted) return 'The audio was deleted because a participant did not consent to the recording; the text stays.';
  return 'The audio is not available.';
}

/** A transcript: what it is about, the audio following the text, and its downloads. */
export function TranscriptView({ transcript, audioUrl, downloadUrl, signedIn }: TranscriptViewProps) {
  const done = transcript.status === 'done';
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const download = (event: MouseEvent<HTMLAnchorElement>, format: DownloadFormat) => {
    if (!signedIn) return;
    event.preventDefault();
    setDownloadError(null);
    downloadWithToken(downloadUrl(format), `transcript-${transcript.id}.${format}`).catch((e: unknown) =>
      setDownloadError(e instanceof Error ? e.message : 'The download failed.'),
    );
  };
  const speakers = [...new Set(transcript.segments.map((s) => s.speaker))];
  return (
    <article className="transcript" data-transcript={transcript.id} aria-labelledby="transcript-title">
      <header className="transcript-header">
        <h1 id="transcript-title" tabIndex={-1}>
          {transcript.title ?? 'Transcript'}
        </h1>
        <p className="muted">
          {dateTime.format(new Date(transcript.created_at))}
          {transcript.duration !== null && ` · ${formatTimestamp(transcript.duration)}`}
          {speakers.length > 0 && ` · ${speakers.join(', ')}`}
        </p>
        {!done && (
          <ProcessingStatus status={transcript.status} stage={transcript.stage} progress={transcript.progress} error={transcript.error} />
        )}
      </header>

      {(transcript.summary ?? transcript.summary_error) && (
        <section aria-labelledby="summary-title" className="transcript-summary">
          <h2 id="summary-title">Summary</h2>
          {transcript.summary ? <p>{transcript.summary}</p> : <p className="muted">No summary: {transcript.summary_error}</p>}
        </section>
      )}
      {transcript.topics.length > 0 && (
        <section aria-labelledby="topics-title">
          <h2 id="topics-title">Topics</h2>
          <ul className="topics">
            {transcript.topics.map((topic) => (
              <li key={topic.title}>
                <strong>{topic.title}</strong> {topic.summary}
              </li>
            ))}
          </ul>
        </section>
      )}
      {transcript.action_items.length > 0 && (
        <section aria-labelledby="actions-title">
          <h2 id="actions-title">Action items</h2>
          <ul className="action-items">
            {transcript.action_items.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </section>
      )}

      {done && (
        <>
          <nav className="downloads" aria-label="Downloads">
            <h2 id="downloads-title">Download</h2>
            <ul>
              {DOWNLOAD_FORMATS.map(({ format, label }) => (
                <li key={format}>
                  <a
                    className="link"
                    href={downloadUrl(format)}
                    download={`transcript-${transcript.id}.${format}`}
                    onClick={(e) => download(e, format)}
                  >
                    {label}
                  </a>
                </li>
              ))}
            </ul>
            {downloadError && (
              <p className="form-error" role="alert">
                {downloadError}
              </p>
            )}
          </nav>
          <TranscriptPlayer
            segments={transcript.segments}
            audioUrl={transcript.audio_available ? audioUrl : null}
            noAudioReason={noAudioReason(transcript)}
            captionsUrl={downloadUrl('vtt')}
          />
        </>
      )}
    </article>
  );
}
