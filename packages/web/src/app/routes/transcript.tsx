import type { RouteComponentProps } from 'wouter';
import { AppLayout } from '@/components/layout/app-layout';
import { SignInGate } from '@/components/sign-in-gate';
import { TranscriptPage } from '@/features/transcripts/components/transcript-page';

export default function TranscriptRoute({ params }: RouteComponentProps<{ transcriptId: string }>) {
  return (
    <AppLayout wide>
      <SignInGate>
        <TranscriptPage transcriptId={decodeURIComponent(params.transcriptId)} />
      </SignInGate>
    </AppLayout>
  );
}
