/**
 * The contract every summary backend implements: transcript lines in, a structured summary out.
 */

/** One line of the transcript as the summarizer sees it. */
export interface SummaryInputLine {
  speaker: string;
  /** Seconds from the meeting start. */
  start: number;
  text: string;
}

/** A topic discussed in the meeting. */
export interface SummaryTopic {
  title: string;
  summary: string;
}

/** The structured summary of a meeting. */
export interface Summary {
  /** A short title for the meeting (a few words). */
  title: string;
  /** A short summary (a few sentences). */
  summary: string;
  topics: SummaryTopic[];
  /** Things someone agreed to do, one sentence each. */
  actionItems: string[];
}

/** What a summary backend offers. */
export interface SummarizerCapabilities {
  /**
   * Longest transcript text (in characters) sent in one request. Longer transcripts are summarized
   * in parts and the parts combined.
   */
  maxInputChars: number;
}

/** One transcript to summarize. */
export interface SummarizeRequest {
  lines: readonly SummaryInputLine[];
  /** ISO-639-1 code of the language to write in; default: the transcript's language. */
  language?: string | null;
  signal?: AbortSignal;
}

/** A summary backend. Failures throw `PipelineError`. */
export interface Summarizer {
  /** The backend's registry name (`openai-chat`). */
  readonly backend: string;
  readonly capabilities: SummarizerCapabilities;
  summarize(request: SummarizeRequest): Promise<Summary>;
}
