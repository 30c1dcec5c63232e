import { lazy, Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { Spinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';

// Every route is its own chunk: the room page never downloads the rooms admin, and the reverse.
const RoomsRoute = lazy(() => import('./routes/rooms'));
const NewRoomRoute = lazy(() => import('./routes/new-room'));
const EditRoomRoute = lazy(() => import('./routes/edit-room'));
const RoomRecordingsRoute = lazy(() => import('./routes/room-recordings'));
const TranscriptRoute = lazy(() => import('./routes/transcript'));
const AuthCallbackRoute = lazy(() => import('./routes/auth-callback'));
const RoomRoute = lazy(() => import('./routes/room'));
const NotFoundRoute = lazy(() => import('./routes/not-found'));

export function AppRouter() {
  return (
    <Suspense fallback={<Spinner label="Loading…" />}>
      <Switch>
        <Route path={paths.rooms.pattern} component={RoomsRoute} />
        <Route path={paths.newRoom.pattern} component={NewRoomRoute} />
        <Route path={paths.editRoom.pattern} component={EditRoomRoute} />
        <Route path={paths.roomRecordings.pattern} component={RoomRecordingsRoute} />
        <Route path={paths.transcript.pattern} component={TranscriptRoute} />
        <Route path={paths.authCallback.pattern} component={AuthCallbackRoute} />
        <Route path={paths.room.pattern} component={RoomRoute} />
        <Route component={NotFoundRoute} />
      </Switch>
    </Suspense>
  );
}
