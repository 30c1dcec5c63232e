import { useCallback, useRef, useState } from 'react';
import type { TranscriptSegment } from '@/lib/api/types';
import { Spinner } from '@/components/ui/spinner';
import { segmentAt } from '../utils/time';
import { SegmentList } from './segment-list';

export interface TranscriptPlayerProps {
  segments: readonly TranscriptSegment[];
  /** The mixed audio (a Range-capable URL), null when there is none (deleted or not made), undefined while it loads. */
  audioUrl: string | null | undefined;
  /** Why there is no audio. */
  noAudioReason?: string | undefined;
  /** The transcript as WebVTT, for the player's captions. */
  captionsUrl: string;
}

/**
 * The audio player and the transcript, following each other: playing highlights the segment being
 * said; pressing a segment plays from its start.
 */
export function TranscriptPlayer({ segments, audioUrl, noAudioReason, captionsUrl }: TranscriptPlayerProps) {
  const audio = useRef<HTMLAudioElement>(null);
  const [time, setTime] = useState(0);
  const [playing, setPlaying] = useState(false);
  const current = segmentAt(segments, time);
  const seek = useCallback((seconds: number) => {
    const el = audio.current;
    if (!el) return;
    el.currentTime = seconds;
    setTime(seconds);
    void el.play().catch(() => undefined);
  }, []);

  return (
    <>
      <section className="player" aria-labelledby="player-title">
        <h2 id="player-title">Audio</h2>
        {audioUrl === undefined ? (
          <Spinner label="Loading the audio…" />
        ) : audioUrl ? (
          <audio
            ref={audio}
            controls
            preload="metadata"
            src={audioUrl}
            className="player-audio"
            onTimeUpdate={(e) => setTime(e.currentTarget.currentTime)}
            onSeeked={(e) => setTime(e.currentTarget.currentTime)}
            onPlay={() => setPlaying(true)}
            onPause={() => setPlaying(false)}
            onEnded={() => setPlaying(false)}
          >
            <track kind="captions" src={captionsUrl} srcLang="en" label="Transcript" />
          </audio>
        ) : (
          <p className="muted">{noAudioReason ?? 'There is no audio for this transcript.'}</p>
        )}
      </section>
      <section aria-labelledby="segments-title">
        <h2 id="segments-title">Transcript</h2>
        <SegmentList segments={segments} current={current} following={playing} onSeek={audioUrl ? seek : undefined} />
      </section>
    </>
  );
}
