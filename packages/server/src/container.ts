import type { Clock, LoggerLike, PlatformCatalog } from '@meetbridge/platforms';
import type { AppConfig } from './config/index.js';
import type { Database } from './db/client.js';
import type { JobInspector, JobSender } from './jobs/types.js';
import type { S3Client } from '@aws-sdk/client-s3';
import { createFfmpeg, loadFfmpegConfig } from '@meetbridge/pipeline';
import { createS3Client, createStorage, type Storage } from './storage/index.js';
import { MeetingEvents } from './modules/meetings/events.js';
import { MeetingLifecycle } from './modules/meetings/lifecycle.js';
import { PresenceReconciler } from './modules/meetings/reconcile.js';
import { MeetingRepo } from './modules/meetings/repo.js';
import { ReservationRepo } from './modules/meetings/reservations.js';
import { MeetingService } from './modules/meetings/service.js';
import { ParticipantService } from './modules/participants/service.js';
import { RoomRepo } from './modules/rooms/repo.js';
import { RoomService } from './modules/rooms/service.js';
import type { RecordingJobHandlers } from './modules/recordings/jobs.js';
import { recordingWork } from './modules/recordings/handlers.js';
import { ConsentService } from './modules/recordings/consent.js';
import { RecordingDownloader } from './modules/recordings/download.js';
import { RecordingValidator } from './modules/recordings/validate.js';
import { RecordingUploads } from './modules/recordings/uploads.js';
import { SafeHttp } from './lib/safe-http.js';
import { RecordingEvents } from './modules/recordings/events.js';
import { RecordingStarter } from './modules/recordings/starter.js';
import { DownloadSweep } from './modules/recordings/sweep.js';
import { RecordingRepo } from './modules/recordings/repo.js';
import { RecordingService } from './modules/recordings/service.js';
import { PipelineBackends } from './modules/pipeline/backends.js';
import { DeliveryRepo } from './modules/pipeline/delivery-repo.js';
import { TranscriptFinisher } from './modules/pipeline/finisher.js';
import { OutboundWebhooks } from './modules/pipeline/outbound-webhooks.js';
import { pipelineConsentHooks, recordingsPort } from './modules/pipeline/recordings-port.js';
import { TranscriptRepo } from './modules/pipeline/repo.js';
import { TranscriptService } from './modules/pipeline/service.js';
import { PipelineStages } from './modules/pipeline/stages.js';
import { batchPreparers, createEventRouter, eventRoutes } from './modules/webhooks/dispatch.js';
import { InboxDrain } from './modules/webhooks/drain.js';
import { InboxRepo } from './modules/webhooks/repo.js';
import { createSqsClient, RecordingNoticeConsumer } from './modules/webhooks/notices.js';
import { RecordingPollRepo } from './modules/webhooks/poll-repo.js';
import { RecordingPoller } from './modules/webhooks/poller.js';
import { WebhookIntake } from './modules/webhooks/service.js';
import { WebhookAdmin } from './modules/webhook-health/admin.js';
import { WebhookHealthRepo } from './modules/webhook-health/repo.js';
import { WebhookHealth } from './modules/webhook-health/service.js';

/** Every service of one process, wired once; the HTTP app and the job handlers share it. */
export interface Container {
  config: AppConfig;
  database: Database;
  catalog: PlatformCatalog;
  clock: Clock;
  logger: LoggerLike;
  jobs: JobSender;
  /** Recordings and prepared audio (local disk or S3). */
  storage: Storage;
  rooms: RoomService;
  participants: ParticipantService;
  meetings: {
    service: MeetingService;
    lifecycle: MeetingLifecycle;
    reconciler: PresenceReconciler;
    events: MeetingEvents;
  };
  recordings: {
    service: RecordingService;
    starter: RecordingStarter;
    events: RecordingEvents;
    consent: ConsentService;
    uploads: RecordingUploads;
    downloader: RecordingDownloader;
    validator: RecordingValidator;
    /** What the `recording.*` jobs call. */
    handlers: RecordingJobHandlers;
  };
  pipeline: {
    transcripts: TranscriptService;
    stages: PipelineStages;
    webhooks: OutboundWebhooks;
    backends: PipelineBackends;
  };
  webhooks: {
    intake: WebhookIntake;
    drain: InboxDrain;
    inbox: InboxRepo;
    /** Lists the providers' recordings into the inbox (`recording.poll`). */
    poller: RecordingPoller;
    /** Consumes `AWS_PROCESS_RECORDING_QUEUE_URL` (started by the workers' process); `null` without it. */
    notices: RecordingNoticeConsumer | null;
  };
  webhookHealth: WebhookHealth;
}

export interface ContainerArgs {
  config: AppConfig;
  database: Database;
  catalog: PlatformCatalog;
  clock: Clock;
  logger: LoggerLike;
  /** Where services enqueue follow-up work (the job queue), and ask which jobs may still run. */
  jobs: JobSender & JobInspector;
  /** Overrides the configured storage (tests). */
  storage?: Storage;
  /** The transcription and summary backends' fetch (tests); default the global one. */
  fetch?: typeof fetch;
}

/** Wires the services. Nothing here touches the database or a provider: construction only. */
export function createContainer(args: ContainerArgs): Container {
  const { config, database, catalog, clock, logger, jobs } = args;
  const db = database.db;
  const storage = args.storage ?? createStorage(config.storage, config.aws.s3);
  const participants = new ParticipantService(db);

  const meetingRepo = new MeetingRepo(db);
  const reservations = new ReservationRepo();
  const lifecycle = new MeetingLifecycle({ repo: meetingRepo, reservations, participants, catalog, clock, logger, jobs });
  const reconciler = new PresenceReconciler({ repo: meetingRepo, reservations, participants, lifecycle, catalog, clock, logger });
  const rooms = new RoomService(new RoomRepo(db), catalog, lifecycle);
  const meetings = {
    service: new MeetingService({
      repo: meetingRepo,
      reservations,
      rooms,
      participants,
      lifecycle,
      catalog,
      clock,
      logger,
      meetingDurationHours: config.meetingDurationHours,
    }),
    lifecycle,
    reconciler,
    events: new MeetingEvents({ repo: meetingRepo, reservations, participants, clock }),
  };

  const recordingRepo = new RecordingRepo(db);
  const recordingService = new RecordingService({ repo: recordingRepo, meetings: meetings.service, jobs, clock, logger });
  const starter = new RecordingStarter({ repo: recordingRepo, meetings: meetings.service, participants, catalog, clock, logger });
  const bucketClient = bucketClients(config);
  const consent = new ConsentService({
    repo: recordingRepo,
    meetings: meetings.service,
    catalog,
    storage,
    bucketClient,
    defaultRegion: config.aws.region,
    jobs,
    clock,
    logger,
  });
  const downloader = new RecordingDownloader({
    repo: recordingRepo,
    participants,
    catalog,
    storage,
    bucketClient,
    defaultRegion: config.aws.region,
    http: new SafeHttp({ allowPrivate: config.recordings.allowPrivate, allowHosts: config.recordings.allowHosts }),
    maxBytes: config.recordings.maxBytes,
    clock,
    logger,
  });
  const ffmpeg = createFfmpeg({ ...loadFfmpegConfig(config.providerEnv), ffprobePath: config.recordings.ffprobePath });
  const validator = new RecordingValidator({
    repo: recordingRepo,
    storage,
    ffmpeg,
    clock,
    logger,
    // The pipeline is built below (it depends on recordings); this runs only once everything is wired.
    onStored: (tx, row) => pipeline.transcripts.recordingStored(tx, row).then(() => undefined),
  });
  const recordings = {
    service: recordingService,
    starter,
    events: new RecordingEvents({ repo: recordingRepo, service: recordingService, meetings: meetings.service, clock, logger }),
    consent,
    uploads: new RecordingUploads({
      repo: recordingRepo,
      service: recordingService,
      meetings: meetings.service,
      storage,
      jobs,
      maxBytes: config.recordings.maxBytes,
      clock,
      logger,
    }),
    downloader,
    validator,
    handlers: recordingWork({
      starter,
      downloader,
      validator,
      sweep: new DownloadSweep({ repo: recordingRepo, jobs, processed: (id) => consent.afterProcessing(id), clock, logger }),
      gaveUp: async (id, reason) => {
        if (await recordingRepo.failInProgress(id, reason, clock.now()))
          logger.warn({ recordingId: id, reason }, 'recording download gave up');
      },
      processed: (id) => consent.afterProcessing(id),
      purge: (id) => consent.purge(id),
    }),
  };
  const pipeline = createPipeline({ ...args, storage, rooms, participants, recordings: recordings.service, consent });
  consent.hooks = pipelineConsentHooks(pipeline.transcripts);

  const inbox = new InboxRepo(db);
  const router = createEventRouter(
    eventRoutes({ meetings: meetings.events, recordings: recordings.events, recordingStarter: recordings.starter }),
    batchPreparers({ meetings: meetings.events }),
  );
  const webhooks = {
    intake: new WebhookIntake({ inbox, catalog, clock, logger, jobs }),
    drain: new InboxDrain({ db, inbox, router, catalog, clock, logger, jobs }),
    inbox,
    poller: new RecordingPoller({ db, inbox, repo: new RecordingPollRepo(db), catalog, clock, logger, jobs }),
    notices: config.aws.processRecordingQueueUrl
      ? new RecordingNoticeConsumer({
          sqs: createSqsClient(config.aws),
          queueUrl: config.aws.processRecordingQueueUrl,
          db,
          inbox,
          catalog,
          jobs,
          logger,
        })
      : null,
  };
  const webhookHealth = new WebhookHealth({
    admin: new WebhookAdmin(catalog, config.baseUrl),
    repo: new WebhookHealthRepo(db),
    clock,
    logger,
  });
  return {
    config,
    database,
    catalog,
    clock,
    logger,
    jobs,
    storage,
    rooms,
    participants,
    meetings,
    recordings,
    pipeline,
    webhooks,
    webhookHealth,
  };
}

/** The pipeline module's services. */
function createPipeline(
  args: ContainerArgs & {
    storage: Storage;
    rooms: RoomService;
    participants: ParticipantService;
    recordings: RecordingService;
    consent: ConsentService;
  },
): Container['pipeline'] {
  const { config, database, clock, logger, jobs, storage, rooms, participants } = args;
  const repo = new TranscriptRepo(database.db);
  const recordings = recordingsPort(args.recordings, args.consent);
  const backends = new PipelineBackends(config.providerEnv, { logger, fetch: args.fetch });
  const http = new SafeHttp({
    allowPrivate: config.outboundWebhooks.allowPrivateTargets,
    maxRedirects: 0,
    headersTimeoutMs: 15_000,
    idleTimeoutMs: 15_000,
  });
  const webhooks = new OutboundWebhooks({ repo: new DeliveryRepo(database.db), rooms, jobs, http, clock, logger });
  const finisher = new TranscriptFinisher({ repo, recordings, webhooks, storage, clock, logger, baseUrl: config.baseUrl });
  return {
    transcripts: new TranscriptService({ repo, rooms, recordings, storage, jobs }),
    stages: new PipelineStages({ repo, recordings, participants, storage, backends, finisher, jobs, clock, logger }),
    webhooks,
    backends,
  };
}

/** S3 clients for the buckets providers deliver recordings to, one per region, with our own credentials. */
function bucketClients(config: AppConfig): (region: string) => S3Client {
  const clients = new Map<string, S3Client>();
  return (region) => {
    let client = clients.get(region);
    if (!client) {
      client = createS3Client({ ...config.aws.s3, region });
      clients.set(region, client);
    }
    return client;
  };
}
