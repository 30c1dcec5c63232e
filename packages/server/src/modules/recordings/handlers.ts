import { PermanentJobError } from '../../jobs/define.js';
import type { RecordingJobHandlers } from './jobs.js';

/** Placeholder handlers while the recordings module is being built (replaced commit by commit). */
export function pendingHandlers(): RecordingJobHandlers {
  const notYet = (what: string) => async () => {
    throw new PermanentJobError(`${what} is not implemented yet`);
  };
  return {
    start: notYet('recording.start'),
    download: notYet('recording.download'),
    validate: notYet('recording.validate'),
    purge: notYet('recording.purge'),
  };
}
