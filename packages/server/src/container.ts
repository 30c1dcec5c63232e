import type { Clock, LoggerLike, PlatformCatalog } from '@meetbridge/platforms';
import type { AppConfig } from './config/index.js';
import type { Database } from './db/client.js';
import { MeetingLifecycle } from './modules/meetings/lifecycle.js';
import { MeetingRepo } from './modules/meetings/repo.js';
import { MeetingService } from './modules/meetings/service.js';
import { ParticipantRepo } from './modules/participants/repo.js';
import { ParticipantService } from './modules/participants/service.js';
import { RoomRepo } from './modules/rooms/repo.js';
import { RoomService } from './modules/rooms/service.js';
import { InboxRepo } from './modules/webhooks/repo.js';
import { WebhookService } from './modules/webhooks/service.js';

/** Hooks from the services to the job queue (no-ops until a queue is attached). */
export interface JobHooks {
  webhookStored(): void;
  reconcile(meetingIds: string[]): Promise<void>;
}

/** Every service of one process, wired once; the HTTP app and the workers share it. */
export interface Container {
  config: AppConfig;
  database: Database;
  catalog: PlatformCatalog;
  clock: Clock;
  logger: LoggerLike;
  rooms: RoomService;
  meetings: MeetingService;
  participants: ParticipantService;
  participantRepo: ParticipantRepo;
  lifecycle: MeetingLifecycle;
  inbox: InboxRepo;
  webhooks: WebhookService;
  hooks: JobHooks;
}

export function createContainer(args: {
  config: AppConfig;
  database: Database;
  catalog: PlatformCatalog;
  clock: Clock;
  logger: LoggerLike;
}): Container {
  const { config, database, catalog, clock, logger } = args;
  const db = database.db;
  const hooks: JobHooks = { webhookStored: () => {}, reconcile: async () => {} };
  const participantRepo = new ParticipantRepo();
  const lifecycle = new MeetingLifecycle({ db, participants: participantRepo, catalog, clock, logger });
  const rooms = new RoomService(new RoomRepo(db), catalog, lifecycle);
  const meetings = new MeetingService({
    repo: new MeetingRepo(db),
    rooms,
    catalog,
    clock,
    logger,
    lifecycle,
    participants: participantRepo,
    db,
    meetingDurationHours: config.meetingDurationHours,
  });
  const participants = new ParticipantService({ db, repo: participantRepo, lifecycle, catalog, clock, logger });
  const inbox = new InboxRepo(db);
  const webhooks = new WebhookService({
    db,
    inbox,
    participants,
    participantRepo,
    lifecycle,
    catalog,
    clock,
    logger,
    onStored: () => hooks.webhookStored(),
    onReconcile: (ids) => hooks.reconcile(ids),
  });
  return { config, database, catalog, clock, logger, rooms, meetings, participants, participantRepo, lifecycle, inbox, webhooks, hooks };
}
