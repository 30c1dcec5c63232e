import { describe, expect, it } from 'vitest';
import { exportTranscript, formatTimestamp, toJson, toPlainText, toSrt, toWebVtt, type ExportableTranscript } from './exporters.js';

const transcript: ExportableTranscript = {
  title: 'Weekly sync',
  language: 'en',
  duration: 3725.5,
  segments: [
    { speaker: 'Ann', start: 0.5, end: 2.25, text: 'Hello <everyone> & welcome.', words: [{ word: 'Hello', start: 0.5, end: 0.9 }] },
    { speaker: 'Bob Smith', start: 3661.0004, end: 3661.0004, text: 'Two\nlines', words: [] },
  ],
  summary: { title: 'Weekly sync', summary: 'Short.', topics: [{ title: 'Intro', summary: 'Hi.' }], actionItems: ['Bob sends notes'] },
};

describe('formatTimestamp', () => {
  it('formats hours, minutes, seconds and milliseconds, rounding carries', () => {
    expect(formatTimestamp(0, '.')).toBe('00:00:00.000');
    expect(formatTimestamp(3661.5, ',')).toBe('01:01:01,500');
    expect(formatTimestamp(59.9996, '.')).toBe('00:01:00.000');
    expect(formatTimestamp(-1, '.')).toBe('00:00:00.000');
    expect(formatTimestamp(360000, '.')).toBe('100:00:00.000');
  });
});

describe('exporters', () => {
  it('writes WebVTT with voice spans, escaped text and end after start', () => {
    expect(toWebVtt(transcript)).toBe(
      'WEBVTT\n\n' +
        '1\n00:00:00.500 --> 00:00:02.250\n<v Ann>Hello &lt;everyone&gt; &amp; welcome.\n\n' +
        '2\n01:01:01.000 --> 01:01:01.001\n<v Bob Smith>Two lines\n',
    );
  });

  it('writes SRT with comma milliseconds and the speaker before the text', () => {
    expect(toSrt(transcript)).toBe(
      '1\n00:00:00,500 --> 00:00:02,250\nAnn: Hello <everyone> & welcome.\n\n2\n01:01:01,000 --> 01:01:01,001\nBob Smith: Two lines\n',
    );
  });

  it('writes plain text with the title and one line per segment', () => {
    expect(toPlainText(transcript)).toBe('Weekly sync\n\n[00:00:00] Ann: Hello <everyone> & welcome.\n[01:01:01] Bob Smith: Two lines\n');
  });

  it('writes JSON with snake_case summary keys and words', () => {
    const json = JSON.parse(toJson(transcript));
    expect(json.segments[0]).toEqual({
      speaker: 'Ann',
      start: 0.5,
      end: 2.25,
      text: 'Hello <everyone> & welcome.',
      words: [{ word: 'Hello', start: 0.5, end: 0.9 }],
    });
    expect(json.summary.action_items).toEqual(['Bob sends notes']);
    expect(json).toMatchObject({ title: 'Weekly sync', language: 'en', duration: 3725.5 });
  });

  it('dispatches by format', () => {
    expect(exportTranscript(transcript, 'vtt').startsWith('WEBVTT')).toBe(true);
    expect(exportTranscript({ segments: [] }, 'txt')).toBe('\n');
  });
});
