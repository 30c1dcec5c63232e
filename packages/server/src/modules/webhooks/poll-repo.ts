import { eq, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { recordingPoll, type RecordingPollRow, type RecordingPollScan } from '../../db/schema/index.js';

/** Where each platform's recordings poller stands (`recording_poll`). */
export class RecordingPollRepo {
  constructor(private readonly db: Db) {}

  async get(platform: string, tx: Executor = this.db): Promise<RecordingPollRow | undefined> {
    const [row] = await tx.select().from(recordingPoll).where(eq(recordingPoll.platform, platform));
    return row;
  }

  /** Writes the poller's position (creating the row on first use). */
  async save(
    values: { platform: string; watermark: Date | null; scan: RecordingPollScan | null; polledAt: Date; error: string | null },
    tx: Executor = this.db,
  ): Promise<void> {
    await tx
      .insert(recordingPoll)
      .values(values)
      .onConflictDoUpdate({
        target: recordingPoll.platform,
        set: { watermark: values.watermark, scan: sql`excluded.scan`, polledAt: values.polledAt, error: values.error },
      });
  }

  /** Records a failed poll, keeping the position. */
  async failed(platform: string, error: string, at: Date): Promise<void> {
    await this.db
      .insert(recordingPoll)
      .values({ platform, polledAt: at, error })
      .onConflictDoUpdate({ target: recordingPoll.platform, set: { polledAt: at, error } });
  }
}
