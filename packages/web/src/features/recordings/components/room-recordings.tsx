import { useState } from 'react';
import { PageHeading } from '@/components/page-heading';
import { Button } from '@/components/ui/button';
import { Link } from '@/components/ui/link';
import { Spinner } from '@/components/ui/spinner';
import { StatusScreen } from '@/components/status-screen';
import { paths } from '@/config/paths';
import type { Meeting, TranscriptSummary } from '@/lib/api/types';
import { useMeetingRecordings } from '../api/get-meeting-recordings';
import { useRoom } from '../api/get-room';
import { MEETINGS_PAGE_SIZE, useRoomMeetings } from '../api/get-room-meetings';
import { useRoomTranscripts } from '../api/get-room-transcripts';
import { RecordingItem } from './recording-item';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function MeetingRecordings({ meeting, transcripts }: { meeting: Meeting; transcripts: ReadonlyMap<string, TranscriptSummary> }) {
  const live = meeting.is_active && new Date(meeting.end_date) > new Date();
  const recordings = useMeetingRecordings(meeting.id, live);
  const title = `Meeting of ${dateTime.format(new Date(meeting.start_date))}`;
  return (
    <section className="meeting-recordings" data-meeting-id={meeting.id} aria-label={title}>
      <h2>
        {title}
        {live && <span className="tag tag-live">live</span>}
      </h2>
      {recordings.isPending && <Spinner label="Loading its recordings…" />}
      {recordings.isError && <p className="form-error">{recordings.error.message}</p>}
      {recordings.data &&
        (recordings.data.items.length === 0 ? (
          <p className="muted">No recordings.</p>
        ) : (
          <ul className="recordings">
            {recordings.data.items.map((recording) => (
              <RecordingItem key={recording.id} recording={recording} transcript={transcripts.get(recording.id)} />
            ))}
          </ul>
        ))}
    </section>
  );
}

/** A room's meetings, newest first, each with its recordings and their processing. */
export function RoomRecordings({ roomId }: { roomId: string }) {
  const [page, setPage] = useState(1);
  const room = useRoom(roomId);
  const meetings = useRoomMeetings(roomId, page);
  const transcripts = useRoomTranscripts(roomId);

  if (room.isPending || meetings.isPending) return <Spinner label="Loading the recordings…" />;
  if (room.isError || meetings.isError) {
    return (
      <StatusScreen
        kind="recordings-error"
        title="Could not load the recordings"
        tone="error"
        actions={<Button onPress={() => void Promise.all([room.refetch(), meetings.refetch()])}>Try again</Button>}
      >
        <p>{(room.error ?? meetings.error)?.message}</p>
      </StatusScreen>
    );
  }
  const byRecording = new Map((transcripts.data?.items ?? []).map((t) => [t.recording_id, t]));
  const pages = Math.max(1, Math.ceil(meetings.data.total / MEETINGS_PAGE_SIZE));
  return (
    <>
      <div className="page-title">
        <PageHeading>Recordings of {room.data.name}</PageHeading>
        <Link href={paths.room.href(room.data.name)} variant="secondary">
          Open room
        </Link>
      </div>
      {room.data.recording_type !== 'cloud' && (
        <p className="muted">This room does not record in the cloud now; what its meetings recorded before is listed here.</p>
      )}
      {transcripts.isError && <p className="form-error">Processing status unavailable: {transcripts.error.message}</p>}
      {meetings.data.items.length === 0 ? (
        <p className="empty">No meetings yet.</p>
      ) : (
        meetings.data.items.map((meeting) => <MeetingRecordings key={meeting.id} meeting={meeting} transcripts={byRecording} />)
      )}
      {pages > 1 && (
        <nav className="pager" aria-label="Pages">
          <Button isDisabled={page <= 1} onPress={() => setPage((p) => p - 1)}>
            Newer
          </Button>
          <span>
            Page {page} of {pages}
          </span>
          <Button isDisabled={page >= pages} onPress={() => setPage((p) => p + 1)}>
            Older
          </Button>
        </nav>
      )}
    </>
  );
}
