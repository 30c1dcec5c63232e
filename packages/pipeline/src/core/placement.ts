import type { PacketTimeline, TimeSpan } from './probe.js';

/**
 * Builds the ffmpeg filter graph that puts one track on the meeting's timeline.
 *
 * Two things move audio in time: the track's start offset in the meeting, and holes in its packet
 * timestamps (a muted microphone sends nothing, and a plain decode closes the hole, shifting
 * everything after it earlier). `aresample=async=1` can fill holes, but it does so with one frame
 * as long as the hole (measured: ~100 KB per second of hole, 400 MB for 20 min), and `adelay`
 * buffers the whole delay. So the graph cuts the track at its holes instead and concatenates the
 * pieces with generated silence (`anullsrc`, produced 1024 samples at a time) of the exact length
 * of the offset and of each hole. ffmpeg reads the input only when the graph asks for it, so
 * memory does not grow with the length of the meeting, the offset or the holes. Within a piece,
 * `aresample=async=1` absorbs jitter below the gap threshold.
 */

/** One contiguous piece of the track and where it lands on the meeting timeline. */
export interface PlacedRun {
  /** Trim points in the file's time; null = from the start / to the end. */
  trimStartSec: number | null;
  trimEndSec: number | null;
  /** Silence inserted before this piece, in samples. */
  silenceSamples: number;
  /** Where the piece starts on the meeting timeline. */
  timelineStartSec: number;
}

/** The graph and what it will produce. */
export interface PlacementPlan {
  /** `-filter_complex` text reading input `inputIndex` and writing the label `[out<label>]`. */
  graph: string;
  runs: PlacedRun[];
  /** Where the track's audio begins and ends on the meeting timeline. */
  startSec: number;
  endSec: number;
}

const round = (n: number): string => String(Number(n.toFixed(6)));

/** The contiguous runs of packets, in file time. */
function runsOf(timeline: PacketTimeline): TimeSpan[] {
  const runs: TimeSpan[] = [];
  let start = Math.max(0, timeline.firstSec);
  for (const gap of timeline.gaps) {
    runs.push({ startSec: start, endSec: gap.startSec });
    start = gap.endSec;
  }
  runs.push({ startSec: start, endSec: timeline.endSec });
  return runs;
}

/**
 * Plans the placement of a track whose packets are `timeline`, with its time 0 at `offsetSec` on
 * the meeting timeline (negative: the file started before the meeting; that part is cut).
 * `sampleRate` is the output rate; `label` names the graph's pads so several plans can share one
 * graph. Pure: `placeTrack` runs it.
 */
export function planPlacement(
  timeline: PacketTimeline,
  offsetSec: number,
  options: { sampleRate: number; inputIndex?: number; label?: string },
): PlacementPlan {
  const { sampleRate, inputIndex = 0, label = '' } = options;
  const all = runsOf(timeline);
  const runs: PlacedRun[] = [];
  let cursor = 0;
  all.forEach((run, i) => {
    const next = all[i + 1];
    const prev = all[i - 1];
    // Cut in the middle of each hole, so no frame near a boundary is lost to rounding.
    let trimStartSec = prev ? (prev.endSec + run.startSec) / 2 : null;
    const trimEndSec = next ? (run.endSec + next.startSec) / 2 : null;
    let start = run.startSec;
    if (offsetSec + run.endSec <= 0) return;
    if (offsetSec + start < 0) {
      start = -offsetSec;
      trimStartSec = start;
    }
    const timelineStartSec = offsetSec + start;
    runs.push({ trimStartSec, trimEndSec, silenceSamples: Math.round((timelineStartSec - cursor) * sampleRate), timelineStartSec });
    cursor = offsetSec + run.endSec;
  });
  const pads = runs.map((_, i) => `${label}s${i}`);
  const head = `[${inputIndex}:a]aformat=channel_layouts=mono,aresample=${sampleRate}`;
  const parts = [
    runs.length > 1 ? `${head},asplit=${runs.length}${pads.map((p) => `[${p}]`).join('')}` : `${head}[${pads[0] ?? 'unused'}]`,
  ];
  const concatInputs: string[] = [];
  runs.forEach((run, i) => {
    const trim = [
      run.trimStartSec !== null ? `start=${round(run.trimStartSec)}` : '',
      run.trimEndSec !== null ? `end=${round(run.trimEndSec)}` : '',
    ]
      .filter(Boolean)
      .join(':');
    parts.push(`[${pads[i]}]${trim ? `atrim=${trim},` : ''}asetpts=PTS-STARTPTS,aresample=async=1[${label}p${i}]`);
    if (run.silenceSamples > 0) {
      parts.push(`anullsrc=r=${sampleRate}:cl=mono,atrim=end_sample=${run.silenceSamples}[${label}z${i}]`);
      concatInputs.push(`[${label}z${i}]`);
    }
    concatInputs.push(`[${label}p${i}]`);
  });
  parts.push(`${concatInputs.join('')}concat=n=${concatInputs.length}:v=0:a=1[out${label}]`);
  const first = runs[0];
  return { graph: parts.join(';'), runs, startSec: first ? first.timelineStartSec : 0, endSec: Math.max(0, cursor) };
}
