import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ffmpegPath = (createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string }).path;

/** Runs ffmpeg with `args` writing `out.<ext>` in a temp dir and returns its bytes. */
async function render(ext: string, args: string[]): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'meetbridge-media-'));
  const out = join(dir, `out.${ext}`);
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(ffmpegPath, ['-hide_banner', '-loglevel', 'error', '-y', ...args, out], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg exited ${code}: ${stderr}`))));
    });
    return await readFile(out);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A tone of `seconds` as WebM/Opus (what Daily raw tracks and MediaRecorder produce). */
export function webmAudio(seconds = 1, frequency = 440): Promise<Buffer> {
  return render('webm', ['-f', 'lavfi', '-i', `sine=frequency=${frequency}:duration=${seconds}`, '-c:a', 'libopus', '-b:a', '32k']);
}

/** A tone of `seconds` as MP4/AAC (a composite recording). */
export function mp4Audio(seconds = 1): Promise<Buffer> {
  return render('mp4', ['-f', 'lavfi', '-i', `sine=frequency=330:duration=${seconds}`, '-c:a', 'aac', '-b:a', '64k']);
}

/** Video without any audio stream (a recording that is not usable for transcripts). */
export function mp4VideoOnly(seconds = 1): Promise<Buffer> {
  return render('mp4', ['-f', 'lavfi', '-i', `testsrc=size=64x48:rate=5:duration=${seconds}`, '-c:v', 'mpeg4', '-an']);
}
