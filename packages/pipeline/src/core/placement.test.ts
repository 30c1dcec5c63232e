import { describe, expect, it } from 'vitest';
import { planPlacement } from './placement.js';

const continuous = { firstSec: 0, endSec: 10, packets: 500, gaps: [] };
const muted = { firstSec: 0, endSec: 10, packets: 300, gaps: [{ startSec: 2, endSec: 6 }] };

describe('planPlacement', () => {
  it('puts a continuous track after its offset with generated silence', () => {
    const plan = planPlacement(continuous, 3.5, { sampleRate: 16000 });
    expect(plan.runs).toEqual([{ trimStartSec: null, trimEndSec: null, silenceSamples: 56000, timelineStartSec: 3.5 }]);
    expect([plan.startSec, plan.endSec]).toEqual([3.5, 13.5]);
    expect(plan.graph).toBe(
      '[0:a]aformat=channel_layouts=mono,aresample=16000[s0];' +
        '[s0]asetpts=PTS-STARTPTS,aresample=async=1[p0];' +
        'anullsrc=r=16000:cl=mono,atrim=end_sample=56000[z0];' +
        '[z0][p0]concat=n=2:v=0:a=1[out]',
    );
  });

  it('cuts at a hole and fills it with silence of exactly its length, cutting mid-hole', () => {
    const plan = planPlacement(muted, 1, { sampleRate: 16000 });
    expect(plan.runs).toEqual([
      { trimStartSec: null, trimEndSec: 4, silenceSamples: 16000, timelineStartSec: 1 },
      { trimStartSec: 4, trimEndSec: null, silenceSamples: 64000, timelineStartSec: 7 },
    ]);
    expect(plan.graph).toContain('asplit=2[s0][s1]');
    expect(plan.graph).toContain('[s1]atrim=start=4,asetpts=PTS-STARTPTS');
    expect(plan.graph).toContain('[z0][p0][z1][p1]concat=n=4');
    expect(plan.endSec).toBe(11);
  });

  it('drops what lies before the meeting start when the offset is negative', () => {
    const plan = planPlacement(muted, -3, { sampleRate: 8000 });
    expect(plan.runs).toEqual([{ trimStartSec: 4, trimEndSec: null, silenceSamples: 24000, timelineStartSec: 3 }]);
    const inside = planPlacement(muted, -1, { sampleRate: 8000 });
    expect(inside.runs[0]).toEqual({ trimStartSec: 1, trimEndSec: 4, silenceSamples: 0, timelineStartSec: 0 });
    expect(inside.graph).not.toContain('[z0]');
  });

  it('honours the stream start time (first packet after 0) and labels pads for shared graphs', () => {
    const plan = planPlacement({ firstSec: 0.25, endSec: 5, packets: 10, gaps: [] }, 0, { sampleRate: 16000, inputIndex: 2, label: 't2' });
    expect(plan.runs[0]!.silenceSamples).toBe(4000);
    expect(plan.graph.startsWith('[2:a]')).toBe(true);
    expect(plan.graph.endsWith('[outt2]')).toBe(true);
  });
});
