/**
 * `npm run bench:pipeline`: the audio work the server does for a two-participant meeting,
 * excluding backend time, through `@meetbridge/pipeline` exactly as the server's stages call it
 * (`packages/server/src/modules/pipeline/stages.ts`):
 *
 * - prepare (`pipeline.prepare`): `prepareAudio(ffmpeg, tracks, { workDir, format: 'flac' })`: both
 *   raw tracks placed on the meeting timeline as 16 kHz mono FLAC (2a), then the mixed MP3 (2c);
 * - transcribe (`pipeline.transcribe`): `transcribeFile` per placed track, one track after the other:
 *   silences found and the track cut into upload chunks for the backend's limit (2b), each chunk
 *   handed to the transcriber. The transcriber is the server's default backend (`openai`, built by
 *   `loadTranscriber` with its default 25 MB FLAC uploads) with an injected `fetch` that answers an
 *   empty transcript at once: no network, no model, no backend time.
 *
 * Not measured: the storage copies around the stages (the mix and the placed tracks put into
 * storage, read back by the next stage) and the job queue between them.
 *
 * Goal (issue 11): one hour in ≤ 60 s (1/60 of real time) with peak RSS ≤ 300 MB for the whole
 * process tree (this Node process and every ffmpeg/ffprobe child), on this 2-core machine.
 *
 * Input, generated once and cached under the OS temp folder (not timed): two WebM/Opus tracks like
 * Daily's raw tracks. Ann speaks from 0 s in 10 s turns; Bob joins 2 minutes in, answers in the
 * other 10 s turns, and his microphone is muted (no packets at all) from 1/3 to 1/2 of his track.
 *
 * RSS is sampled every 50 ms from /proc (Linux): the sum of VmRSS over the tree, and each child's
 * own high-water mark (VmHWM). Options (environment): BENCH_MINUTES (default 60),
 * BENCH_CONCURRENCY (ffmpeg processes at once in the prepare stage, default 2 like the server),
 * BENCH_KEEP=1 keeps the outputs.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  createFfmpeg,
  loadFfmpegConfig,
  loadTranscriber,
  mergeTrackSegments,
  prepareAudio,
  transcribeFile,
  type FileTranscript,
  type SpawnLike,
  type Transcriber,
} from '@meetbridge/pipeline';

const MINUTES = Number(process.env.BENCH_MINUTES ?? 60);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 2);
const SECONDS = MINUTES * 60;
/** Bob joins 2 minutes in (a tenth of the meeting for runs shorter than 20 minutes). */
const BOB_OFFSET_SEC = Math.min(120, SECONDS / 10);
const GOAL_SECONDS = 60 * (MINUTES / 60);
const GOAL_RSS_MB = 300;

const { ffmpegPath, ffprobePath } = loadFfmpegConfig(process.env);

type Stage = 'prepare' | 'transcribe';
/** One ffmpeg/ffprobe run seen through the injected spawn: its stage, what it did and how long it took. */
interface Run {
  stage: Stage;
  kind: string;
  ms: number;
  /** CPU seconds of the children reaped since the previous run closed: this run's own, as runs rarely end together. */
  cpuSec: number;
}
const runs: Run[] = [];
/** The stage under way, for the runs it spawns. */
let stage: Stage = 'prepare';

function kindOf(command: string, args: readonly string[]): string {
  const text = args.join(' ');
  if (command.includes('ffprobe')) return text.includes('packet=') ? 'scan packets (ffprobe)' : 'probe (ffprobe)';
  if (text.includes('libmp3lame')) return 'mix to MP3';
  if (text.includes('silencedetect')) return 'find silences';
  if (text.includes('concat=')) return 'place track';
  if (text.includes('atrim=start') && text.includes('[c0]')) return 'cut upload chunks';
  return 'other';
}

/** `childrenCpuSeconds()` when the last run closed. */
let lastChildrenCpu = 0;

/** The real spawn, timing each child. */
const timedSpawn: SpawnLike = (command, args, options) => {
  const started = performance.now();
  const during = stage;
  const child = spawn(command, [...args], options);
  child.once('close', () => {
    const cpu = childrenCpuSeconds();
    runs.push({ stage: during, kind: kindOf(command, args), ms: performance.now() - started, cpuSec: cpu - lastChildrenCpu });
    lastChildrenCpu = cpu;
  });
  return child;
};

/** Children of `pid`, from /proc/<pid>/task/<tid>/children (cheap: no scan of all of /proc). */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const list = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
      if (list) children.push(...list.split(' ').map(Number));
    }
  } catch {
    // The process ended while we looked.
  }
  return children;
}

/** `root` and all its descendants. */
function processTree(root: number): Set<number> {
  const tree = new Set([root]);
  const queue = [root];
  for (let pid = queue.pop(); pid !== undefined; pid = queue.pop()) {
    for (const child of childrenOf(pid)) {
      if (tree.has(child)) continue;
      tree.add(child);
      queue.push(child);
    }
  }
  return tree;
}

/** RSS of the process tree rooted at this process, from /proc. */
class TreeSampler {
  peakTreeBytes = 0;
  peakSelfBytes = 0;
  peakChildHwmBytes = 0;
  private timer: NodeJS.Timeout | undefined;

  start(): void {
    this.timer = setInterval(() => this.sample(), 50);
  }

  stop(): void {
    clearInterval(this.timer);
    this.sample();
  }

  private sample(): void {
    const tree = processTree(process.pid);
    let total = 0;
    for (const pid of tree) {
      try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        const rss = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
        total += rss;
        if (pid === process.pid) this.peakSelfBytes = Math.max(this.peakSelfBytes, rss);
        else this.peakChildHwmBytes = Math.max(this.peakChildHwmBytes, Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024);
      } catch {
        // Gone.
      }
    }
    this.peakTreeBytes = Math.max(this.peakTreeBytes, total);
  }
}

/** Writes a bench track once: a tone in 10 s turns (`phase` 0: first turn on), silence otherwise. */
async function generateTrack(out: string, seconds: number, phase: 0 | 1, frequency: number, muted?: [number, number]): Promise<void> {
  if (existsSync(out)) return;
  const on = phase === 0 ? 'lt(mod(t,20),10)' : 'gte(mod(t,20),10)';
  const filters = [`volume=volume=0:enable='not(${on})'`];
  if (muted) filters.push(`aselect='not(between(t,${muted[0]},${muted[1]}))'`);
  const args = [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=${frequency}:sample_rate=48000:duration=${seconds}:samples_per_frame=960`,
  ];
  args.push(
    '-af',
    filters.join(','),
    '-c:a',
    'libopus',
    '-b:a',
    '32k',
    '-application',
    'voip',
    '-compression_level',
    '0',
    `${out}.part.webm`,
  );
  const ff = createFfmpeg({ ffmpegPath, ffprobePath });
  await ff.ffmpeg(args, { what: `generating ${out}` });
  await new Promise<void>((resolve, reject) =>
    spawn('mv', [`${out}.part.webm`, out]).once('close', (code) => (code === 0 ? resolve() : reject(new Error('mv failed')))),
  );
}

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0);

/**
 * CPU seconds used by this process's finished children (cutime + cstime in /proc/self/stat, clock
 * ticks of 1/100 s): the ffmpeg work itself, which other load on the machine does not inflate much.
 */
function childrenCpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

/**
 * The server's transcriber (`loadTranscriber`, default backend and settings) with a `fetch` that
 * answers every upload at once with an empty transcript, without reading the file: backend time is
 * excluded, the client's own work (multipart form, reply parsing) is kept. Counts the requests.
 */
function instantTranscriber(): { transcriber: Transcriber; requests: () => number } {
  let requests = 0;
  const instantFetch: typeof fetch = () => {
    requests++;
    const body = JSON.stringify({ text: '', language: 'en', duration: 0, segments: [], words: [] });
    return Promise.resolve(new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }));
  };
  const loaded = loadTranscriber(
    { TRANSCRIPTION_URL: 'http://transcription.invalid', TRANSCRIPTION_MODEL: 'bench' },
    { fetch: instantFetch },
  );
  if (!loaded.ok) throw new Error(loaded.message);
  return { transcriber: loaded.backend, requests: () => requests };
}

async function main(): Promise<void> {
  if (!(MINUTES > 0)) throw new Error(`BENCH_MINUTES must be a positive number, e.g. 60; got "${process.env.BENCH_MINUTES}".`);
  const cache = join(tmpdir(), 'meetbridge-bench-pipeline', `${MINUTES}m-v1`);
  await mkdir(cache, { recursive: true });
  const ann = join(cache, 'ann.webm');
  const bob = join(cache, 'bob.webm');
  const bobSeconds = SECONDS - BOB_OFFSET_SEC;
  console.log(`Generating (or reusing) ${MINUTES} min of two-track WebM/Opus in ${cache} ...`);
  const generateStart = performance.now();
  await Promise.all([
    generateTrack(ann, SECONDS, 0, 300),
    generateTrack(bob, bobSeconds, 1, 700, [Math.round(bobSeconds / 3), Math.round(bobSeconds / 2)]),
  ]);
  console.log(`  ready after ${((performance.now() - generateStart) / 1000).toFixed(1)} s (not timed)`);

  const workDir = join(tmpdir(), `meetbridge-bench-pipeline-out-${process.pid}`);
  const ff = createFfmpeg({ ffmpegPath, ffprobePath, spawn: timedSpawn });
  const { transcriber, requests } = instantTranscriber();
  const loadBefore = loadavg()[0] ?? 0;
  const cpuBefore = childrenCpuSeconds();
  lastChildrenCpu = cpuBefore;
  const nodeCpuBefore = process.cpuUsage();
  const sampler = new TreeSampler();
  sampler.start();
  const t0 = performance.now();
  // pipeline.prepare: the server's call (its concurrency is the library's default, 2).
  stage = 'prepare';
  const prepared = await prepareAudio(
    ff,
    [
      { file: ann, offsetMs: 0 },
      { file: bob, offsetMs: BOB_OFFSET_SEC * 1000 },
    ],
    { workDir: join(workDir, 'prepare'), format: 'flac', concurrency: CONCURRENCY },
  );
  const prepareSec = (performance.now() - t0) / 1000;
  // pipeline.transcribe: each placed track in turn, split for the backend and sent (instant answers).
  stage = 'transcribe';
  const t1 = performance.now();
  const transcripts: FileTranscript[] = [];
  for (const [i, track] of prepared.tracks.entries()) {
    transcripts.push(await transcribeFile(ff, transcriber, track.file, { workDir: join(workDir, 'transcribe', `track-${i}`) }));
  }
  mergeTrackSegments(transcripts.map((t, i) => ({ speaker: i === 0 ? 'Ann' : 'Bob', segments: t.segments })));
  const transcribeSec = (performance.now() - t1) / 1000;
  const wallSec = (performance.now() - t0) / 1000;
  sampler.stop();
  const childCpuSec = childrenCpuSeconds() - cpuBefore;
  const nodeCpu = process.cpuUsage(nodeCpuBefore);
  const nodeCpuSec = (nodeCpu.user + nodeCpu.system) / 1e6;

  const chunks = transcripts.map((t) => t.chunks);
  const sizes = await Promise.all([...prepared.tracks.map((t) => t.file), prepared.mix.file].map(async (f) => (await stat(f)).size));
  const byStep = new Map<string, { stage: Stage; kind: string; count: number; ms: number; cpuSec: number }>();
  for (const run of runs) {
    const key = `${run.stage} ${run.kind}`;
    const entry = byStep.get(key) ?? { stage: run.stage, kind: run.kind, count: 0, ms: 0, cpuSec: 0 };
    byStep.set(key, { ...entry, count: entry.count + 1, ms: entry.ms + run.ms, cpuSec: entry.cpuSec + run.cpuSec });
  }

  console.log(
    `\nMachine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}, Node ${process.version}, ${process.platform}/${process.arch}`,
  );
  console.log(`Meeting: ${MINUTES} min, 2 tracks (Bob joins at ${BOB_OFFSET_SEC} s, muted hole of ${Math.round(bobSeconds / 6)} s)`);
  console.log(`Concurrency: ${CONCURRENCY} ffmpeg processes in the prepare stage; the transcribe stage takes one track at a time`);
  // Other work on the machine slows every step; the 1-minute load average says how busy it was.
  console.log(`Load average (1 min): ${loadBefore.toFixed(2)} before, ${(loadavg()[0] ?? 0).toFixed(2)} after\n`);
  console.log('| stage | step (ffmpeg/ffprobe runs) | runs | summed seconds | CPU seconds |');
  console.log('| --- | --- | ---: | ---: | ---: |');
  for (const { stage: s, kind, count, ms, cpuSec } of byStep.values())
    console.log(`| ${s} | ${kind} | ${count} | ${(ms / 1000).toFixed(1)} | ${cpuSec.toFixed(1)} |`);
  console.log('');
  console.log(
    `Placed tracks: ${prepared.tracks.map((t) => `${t.startSec.toFixed(1)}–${t.endSec.toFixed(1)} s, ${t.gaps.length} hole(s)`).join('; ')}`,
  );
  console.log(
    `Upload chunks (${transcriber.capabilities.maxUploadBytes / 1e6} MB ${transcriber.capabilities.formats.join('/')}): ${chunks.map((c) => `${c.length} (largest ${mb(Math.max(0, ...c.map((x) => x.bytes)))} MB)`).join(', ')}; ${requests()} backend requests, answered at once`,
  );
  console.log(`Output sizes: placed tracks ${sizes.slice(0, -1).map(mb).join(' + ')} MB (FLAC), mix MP3 ${mb(sizes.at(-1) ?? 0)} MB`);
  console.log('');
  const ratio = wallSec / SECONDS;
  const timeOk = wallSec <= GOAL_SECONDS;
  const rssOk = sampler.peakTreeBytes <= GOAL_RSS_MB * 1024 * 1024;
  console.log(`Prepare stage:      ${prepareSec.toFixed(1)} s`);
  console.log(`Transcribe stage:   ${transcribeSec.toFixed(1)} s (without backend time)`);
  console.log(
    `Wall time:          ${wallSec.toFixed(1)} s  (${(ratio * 100).toFixed(2)} % of real time, ${(1 / ratio).toFixed(0)}× faster)  goal ≤ ${GOAL_SECONDS} s: ${timeOk ? 'met' : 'NOT MET'}`,
  );
  console.log(
    `Peak RSS, tree:     ${mb(sampler.peakTreeBytes)} MB (sum of VmRSS, sampled every 50 ms)  goal ≤ ${GOAL_RSS_MB} MB: ${rssOk ? 'met' : 'NOT MET'}`,
  );
  const idleWall = (childCpuSec + nodeCpuSec) / cpus().length;
  console.log(
    `CPU time:           ${childCpuSec.toFixed(1)} s in ffmpeg/ffprobe + ${nodeCpuSec.toFixed(1)} s in Node (≥ ${idleWall.toFixed(1)} s wall on idle cores)`,
  );
  console.log(`Peak RSS, Node:     ${mb(sampler.peakSelfBytes)} MB`);
  console.log(`Largest child HWM:  ${mb(sampler.peakChildHwmBytes)} MB (one ffmpeg's own peak)`);
  console.log(
    `\nJSON ${JSON.stringify({ minutes: MINUTES, wallSec: Number(wallSec.toFixed(2)), prepareSec: Number(prepareSec.toFixed(2)), transcribeSec: Number(transcribeSec.toFixed(2)), ratio: Number(ratio.toFixed(5)), peakTreeMB: Number(mb(sampler.peakTreeBytes)), peakNodeMB: Number(mb(sampler.peakSelfBytes)), largestChildMB: Number(mb(sampler.peakChildHwmBytes)), childCpuSec: Number(childCpuSec.toFixed(1)), nodeCpuSec: Number(nodeCpuSec.toFixed(1)), loadBefore: Number(loadBefore.toFixed(2)), loadAfter: Number((loadavg()[0] ?? 0).toFixed(2)) })}`,
  );
  if (!process.env.BENCH_KEEP) await rm(workDir, { recursive: true, force: true });
  else console.log(`Outputs kept in ${workDir}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
