import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const ffmpeg = (createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string }).path;

/**
 * Writes a WAV (or any extension ffmpeg knows) with a tone during `speech` spans and digital
 * silence elsewhere. 5 ms frames so the edges are where the spans say.
 */
export async function writeTone(
  out: string,
  durationSec: number,
  speech: readonly [number, number][],
  sampleRate = 16000,
): Promise<string> {
  const on = speech.map(([a, b]) => `between(t,${a},${b})`).join('+') || '0';
  const args = [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=440:sample_rate=${sampleRate}:duration=${durationSec}:samples_per_frame=${sampleRate / 200}`,
  ];
  args.push('-af', `volume=volume=0:enable='not(${on})'`, out);
  const child = spawn(ffmpeg, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  if (code !== 0) throw new Error(`ffmpeg failed: ${stderr}`);
  return out;
}
