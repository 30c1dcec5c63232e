import { useEffect, useRef } from 'react';
import { Button } from 'react-aria-components';
import type { TranscriptSegment } from '@/lib/api/types';
import { describeTimestamp, formatTimestamp } from '../utils/time';

export interface SegmentListProps {
  segments: readonly TranscriptSegment[];
  /** The segment playing now, or -1. */
  current: number;
  /** Whether the audio is playing (the current segment is then kept in view). */
  following: boolean;
  /** Seeks the audio to `seconds` (absent: no audio, segments are not buttons). */
  onSeek?: ((seconds: number) => void) | undefined;
}

/**
 * Who said what, when. The segment playing is highlighted (`aria-current`); each segment is a
 * button that plays the audio from its start (Tab between them, Enter or Space to play).
 */
export function SegmentList({ segments, current, following, onSeek }: SegmentListProps) {
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (!following || current < 0) return;
    list.current?.children[current]?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [current, following]);

  if (segments.length === 0) return <p className="muted">Nobody said anything the transcription could hear.</p>;
  return (
    <ol className="segments" ref={list} aria-label="Transcript">
      {segments.map((segment, i) => {
        const body = (
          <>
            <span className="segment-meta">
              <time className="segment-time" dateTime={`PT${segment.start.toFixed(2)}S`}>
                {formatTimestamp(segment.start)}
              </time>
              <span className="segment-speaker">{segment.speaker}</span>
            </span>
            <span className="segment-text">{segment.text}</span>
          </>
        );
        return (
          <li key={`${segment.start}-${i}`} className="segment" aria-current={i === current ? 'true' : undefined}>
            {onSeek ? (
              <Button
                className="segment-button"
                onPress={() => onSeek(segment.start)}
                aria-label={`${segment.speaker} at ${describeTimestamp(segment.start)}: ${segment.text}`}
              >
                {body}
              </Button>
            ) : (
              <div className="segment-button">{body}</div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
