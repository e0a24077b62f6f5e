// The composition root: the one place that builds repositories, then services, then routes. Each
// service's constructor lists exactly what it uses.
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { pino, type Logger } from 'pino';
import type { Settings } from './config.js';
import { JOBS, type Jobs } from './jobs.js';
import { systemClock, type Clock } from './platform/clock.js';
import { SecretBox } from './platform/crypto/secret-box.js';
import { openDatabase } from './platform/db/connection.js';
import type { Database } from './platform/db/database.js';
import { migrate, migrationsApplied } from './platform/db/migrate.js';
import { Transactions } from './platform/db/transactions.js';
import { buildHttpApp } from './platform/http/app.js';
import { createMetricsRegistry } from './platform/http/metrics.js';
import { JobQueue } from './platform/jobs/job-queue.js';
import { projectRoot, webDistDir } from './platform/project-root.js';
import { AuditRecorder } from './modules/audit/audit-recorder.js';
import { AuditIntegrator } from './modules/audit/integrator.js';
import { AuditRepository } from './modules/audit/repository.js';
import { auditRoutes } from './modules/audit/routes.js';
import { AuditService } from './modules/audit/service.js';
import { loadOrCreateSigner, type CheckpointSigner } from './modules/audit/signing-key-store.js';
import { authRoutes } from './modules/identity/auth-routes.js';
import { AuthService } from './modules/identity/auth-service.js';
import { authHook } from './modules/identity/http-auth.js';
import { OrgDirectory } from './modules/identity/org-directory.js';
import { AvailabilityService } from './modules/booking/availability-service.js';
import { BookingCalendarService } from './modules/booking/booking-calendar-service.js';
import { BookingNotices } from './modules/booking/booking-notices.js';
import { BookingReminders } from './modules/booking/booking-reminders.js';
import { CalendarFeedRepository } from './modules/booking/calendar-feed-repository.js';
import { calendarFeedRoutes } from './modules/booking/calendar-feed-routes.js';
import { CalendarFeedService } from './modules/booking/calendar-feed-service.js';
import type { NoticeDirectory } from './modules/booking/notice-directory.js';
import { ReminderRepository } from './modules/booking/reminder-repository.js';
import { BookingEvents } from './modules/booking/booking-events.js';
import { BookingParties } from './modules/booking/booking-party.js';
import { BookingService } from './modules/booking/booking-service.js';
import { HoldSweeper } from './modules/booking/hold-sweeper.js';
import { CentreConfigService } from './modules/booking/centre-config-service.js';
import { DaySheetService } from './modules/booking/day-sheet-service.js';
import { AttendanceService } from './modules/booking/attendance-service.js';
import { CentreCancellationService } from './modules/booking/centre-cancellation-service.js';
import { CentreOpsRepository } from './modules/booking/centre-ops-repository.js';
import { centreOpsRoutes } from './modules/booking/centre-ops-routes.js';
import { BookingRepository } from './modules/booking/repository.js';
import { RosterAdminService } from './modules/booking/roster-admin-service.js';
import { RosterService } from './modules/booking/roster-service.js';
import { bookingRoutes } from './modules/booking/routes.js';
import { WaitlistCloser } from './modules/booking/waitlist-closer.js';
import { WaitlistOffers } from './modules/booking/waitlist-offers.js';
import { WaitlistRepository } from './modules/booking/waitlist-repository.js';
import { waitlistRoutes } from './modules/booking/waitlist-routes.js';
import { WaitlistService } from './modules/booking/waitlist-service.js';
import { StandingInTransaction } from './modules/lawyers/standing-in-transaction.js';
import { BookingDocuments } from './modules/booking/booking-documents.js';
import { ClientDocumentRepository } from './modules/booking/client-document-repository.js';
import { ClientDocumentService } from './modules/booking/client-document-service.js';
import { documentRoutes } from './modules/booking/document-routes.js';
import { PermissionQueueRepository } from './modules/booking/permission-queue-repository.js';
import { PermissionService } from './modules/booking/permission-service.js';
import { HolidayYearRepository, storedYearsOf } from './modules/booking/holiday-year-repository.js';
import { holidayYearRoutes } from './modules/booking/holiday-year-routes.js';
import { HolidayYearService } from './modules/booking/holiday-year-service.js';
import { CalendarProvider } from './platform/calendar/calendar-provider.js';
import { IdentityRepository } from './modules/identity/repository.js';
import { SecondFactorService } from './modules/identity/second-factor-service.js';
import { UserAdminService } from './modules/identity/user-admin-service.js';
import { userRoutes } from './modules/identity/user-routes.js';
import { AccountService } from './modules/lawyers/account-service.js';
import { AssistantService } from './modules/lawyers/assistant-service.js';
import { IdentityPort } from './modules/lawyers/identity-port.js';
import { DatabaseDocumentStore } from './modules/lawyers/licence-document-store.js';
import { RegistrationService } from './modules/lawyers/registration-service.js';
import { LawyerRepository } from './modules/lawyers/repository.js';
import { ReviewService } from './modules/lawyers/review-service.js';
import { lawyerRoutes } from './modules/lawyers/routes.js';
import { StandingService } from './modules/lawyers/standing-service.js';
import { VerificationService } from './modules/lawyers/verification-service.js';
import { NotifyAdminService } from './modules/notify/notify-admin-service.js';
import { NotifyService } from './modules/notify/notify-service.js';
import { buildChannelProviders } from './modules/notify/providers/channel-providers.js';
import { NotifyRepository } from './modules/notify/repository.js';
import { notifyRoutes } from './modules/notify/routes.js';
import { ActivityService } from './modules/cases/activity-service.js';
import { CaseService } from './modules/cases/case-service.js';
import { CasesIdentityPort } from './modules/cases/identity-port.js';
import { CaseRepository } from './modules/cases/repository.js';
import { caseRoutes } from './modules/cases/routes.js';
import { TranscriptRepository } from './modules/transcripts/repository.js';
import { transcriptRoutes } from './modules/transcripts/routes.js';
import { TranscriptService } from './modules/transcripts/transcript-service.js';
import { openLocalEvidenceStores } from './platform/blobs/evidence-stores.js';
import { FixityService } from './modules/recordings/fixity-service.js';
import { IngestService } from './modules/recordings/ingest-service.js';
import { DerivativeMaker } from './modules/recordings/derivative-maker.js';
import { MediaProbe } from './modules/recordings/media-probe.js';
import { PlaybackService } from './modules/recordings/playback-service.js';
import { RecordingRepository } from './modules/recordings/repository.js';
import { RecordingService } from './modules/recordings/recording-service.js';
import { recordingRoutes } from './modules/recordings/routes.js';
import { Sealer } from './modules/recordings/sealer.js';
import { tusRoutes } from './modules/recordings/tus/tus-routes.js';
import { UploadHashes } from './modules/recordings/upload-hashes.js';
import { UploadLocks } from './modules/recordings/upload-locks.js';
import { UploadStaging } from './modules/recordings/upload-staging.js';
import { UploadSweeper } from './modules/recordings/upload-sweeper.js';

export interface CustosOptions {
  settings: Settings;
  clock?: Clock;
  logger?: Logger;
  /** The signer to use instead of the key file (tests). */
  signer?: CheckpointSigner;
}

export type Custos = Awaited<ReturnType<typeof createCustos>>;

const version = (
  JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string }
).version;

/** Opens the database, migrates it and wires every service. HTTP and the worker start separately. */
export async function createCustos(options: CustosOptions) {
  const { settings } = options;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? pino({ level: settings.logLevel });
  const database: Database = await openDatabase(settings.database, (error) =>
    logger.warn({ err: error }, 'an idle database connection failed; it will be replaced'),
  );
  try {
    if (settings.migrateOnStart) {
      await migrate(database);
    } else if (!(await migrationsApplied(database))) {
      throw new Error(
        'The database lacks migrations this version needs, and CUSTOS_MIGRATE_ON_START is false: run `custos migrate` as the owning role first.',
      );
    }
  } catch (error) {
    await database.close();
    throw error;
  }
  const db = database.db;
  const tx = new Transactions(db, (error) => logger.error({ err: error }, 'after-commit effect failed'));

  const secrets = SecretBox.load(settings.secretKey, settings.secretKeyFile);
  const signer = options.signer ?? loadOrCreateSigner(settings.audit);

  const identityRepo = new IdentityRepository();
  const auditRepo = new AuditRepository();
  await auditRepo.recordSigningKey(db, {
    keyId: signer.keyIdHex,
    algorithm: signer.key.algorithm,
    verifierKey: signer.verifierKey,
    publicKeyPem: signer.publicKeyPem,
  });

  const audit = new AuditRecorder(clock);
  const auth = new AuthService(db, tx, identityRepo, audit, clock, settings);
  const secondFactor = new SecondFactorService(tx, identityRepo, auth, audit, clock, secrets, 'Custos');
  const users = new UserAdminService(db, tx, identityRepo, audit, clock);
  const org = new OrgDirectory(db, identityRepo);
  const auditService = new AuditService(db, auditRepo, signer, org);
  const integrator = new AuditIntegrator(tx, auditRepo, signer, clock);
  const jobs = new JobQueue<Jobs>(database, JOBS, logger);

  const notifyRepo = new NotifyRepository();
  const notify = new NotifyService(
    db,
    notifyRepo,
    buildChannelProviders(settings.notify, {
      db,
      repo: notifyRepo,
      clock,
      warn: (obj, msg) => logger.warn(obj, msg),
    }),
    // Read through the caller's transaction: a message may concern a user created in it.
    { unitIdOfUser: async (ex, userId) => (await identityRepo.userById(ex, userId))?.unitId },
    clock,
    { maxAttempts: settings.notify.maxAttempts },
    async () => {
      // The message is safe in the outbox either way: if the queue cannot take the nudge (no worker has
      // set it up yet), the dispatcher's every-minute run sends it.
      await jobs.send('notify.dispatch', {}).catch((error: unknown) => {
        logger.warn(
          { err: error },
          'could not nudge notify.dispatch; its scheduled run will send the message',
        );
      });
    },
    logger,
  );
  const notifyAdmin = new NotifyAdminService(db, notifyRepo, org);
  const bookingRepo = new BookingRepository();
  // The built-in holiday years plus those admins stored; every availability question re-checks the store.
  const holidayYearRepo = new HolidayYearRepository();
  const calendars = await CalendarProvider.start(storedYearsOf(db, holidayYearRepo));
  const holidayYears = new HolidayYearService(db, tx, holidayYearRepo, calendars, audit, clock);
  const centres = new CentreConfigService(db, tx, bookingRepo, org, audit, clock);
  const centreOpsRepo = new CentreOpsRepository();
  const roster = new RosterService(db, tx, bookingRepo, centreOpsRepo, centres, secrets, audit, clock);
  const idNoHeads = await roster.backfillIdNoHeads();
  if (idNoHeads.filled > 0) logger.info(idNoHeads, 'filled in the masked ID heads of roster entries');
  if (idNoHeads.unreadable > 0)
    logger.warn(idNoHeads, 'roster ID numbers that the secret key cannot unseal stay fully masked');
  const availability = new AvailabilityService(db, tx, bookingRepo, centres, org, calendars, clock);
  const lawyerRepo = new LawyerRepository();
  const lawyerDocuments = new DatabaseDocumentStore();
  const lawyerIdentity = new IdentityPort(identityRepo, users, lawyerRepo, audit);
  const verification = new VerificationService(tx, lawyerRepo, notify, secrets, clock);
  const registration = new RegistrationService(
    db,
    tx,
    lawyerRepo,
    lawyerIdentity,
    lawyerDocuments,
    verification,
    secrets,
    audit,
    clock,
  );
  const lawyerReview = new ReviewService(
    db,
    tx,
    lawyerRepo,
    lawyerIdentity,
    lawyerDocuments,
    notify,
    secrets,
    audit,
    clock,
  );
  // Lawyers' standing is asked by the booking service before every online booking.
  const standing = new StandingService(db, tx, lawyerRepo, lawyerIdentity, centres, audit, clock);
  const assistants = new AssistantService(db, tx, lawyerRepo, lawyerIdentity, audit, clock);
  // An assistant books for the lawyer they assist: a confirmed link, asked on every request.
  const bookingParties = new BookingParties(assistants);
  const lawyerAccounts = new AccountService(db, lawyerRepo, lawyerIdentity, standing, assistants, secrets);
  // Reactions to booking changes (messages to lawyers, the waiting list) subscribe here.
  const bookingEvents = new BookingEvents();
  const holdSweeper = new HoldSweeper(tx, bookingRepo, bookingEvents, clock);
  const clientDocumentRepo = new ClientDocumentRepository();
  const bookings = new BookingService(
    db,
    tx,
    bookingRepo,
    centres,
    availability,
    roster,
    new BookingDocuments(db, clientDocumentRepo),
    org,
    standing,
    bookingParties,
    audit,
    bookingEvents,
    holdSweeper,
    clock,
  );
  // The waiting list: a place freed in a full session is offered to the next lawyer in the same transaction.
  const waitlistRepo = new WaitlistRepository();
  const waitlistOffers = new WaitlistOffers(
    waitlistRepo,
    bookingRepo,
    new StandingInTransaction(lawyerRepo, lawyerIdentity),
    { namesOf: (ex, unitId) => identityRepo.unitById(ex, unitId) },
    notify,
    audit,
    clock,
  );
  bookingEvents.subscribe((txn, afterCommit, change) =>
    waitlistOffers.onBookingChange(txn, afterCommit, change),
  );
  const waitlist = new WaitlistService(
    db,
    tx,
    waitlistRepo,
    bookingRepo,
    centres,
    availability,
    standing,
    holdSweeper,
    bookingEvents,
    audit,
    clock,
  );
  const waitlistCloser = new WaitlistCloser(tx, waitlistRepo, audit, clock);
  const centreCancellations = new CentreCancellationService(
    db,
    tx,
    bookingRepo,
    centreOpsRepo,
    centres,
    audit,
    bookingEvents,
    clock,
  );
  const attendance = new AttendanceService(tx, bookingRepo, centres, audit, bookingEvents, clock);
  const rosterAdmin = new RosterAdminService(
    db,
    tx,
    bookingRepo,
    centres,
    roster,
    centreCancellations,
    audit,
    clock,
  );
  const clientDocuments = new ClientDocumentService(
    db,
    tx,
    clientDocumentRepo,
    bookingRepo,
    roster,
    centres,
    bookingParties,
    standing,
    audit,
    clock,
  );
  const permissions = new PermissionService(
    db,
    tx,
    bookingRepo,
    clientDocumentRepo,
    new PermissionQueueRepository(),
    centres,
    audit,
    bookingEvents,
    clock,
  );
  const daySheet = new DaySheetService(db, tx, bookingRepo, centreOpsRepo, centres, audit, clock);
  // What the lawyers' messages and calendars read from the lawyers and identity modules, through the
  // caller's executor (the messages are written inside the booking's transaction).
  const noticeDirectory: NoticeDirectory = {
    lawyerContact: async (ex, userId) => {
      // Lawyers an administrator created have no profile, so no mobile number: they get no SMS.
      const profile = await lawyerRepo.profile(ex, userId);
      return profile && { mobile: profile.mobile, locale: profile.locale === 'en' ? 'en' : 'zh-CN' };
    },
    centreNames: (ex, unitId) => identityRepo.unitById(ex, unitId),
    isActiveLawyer: async (ex, userId) => {
      const user = await identityRepo.userById(ex, userId);
      return user?.status === 'active' && user.roles.includes('lawyer');
    },
  };
  const bookingNotices = new BookingNotices(bookingRepo, noticeDirectory, notify);
  bookingEvents.subscribe((txn, afterCommit, change) => bookingNotices.onChange(txn, afterCommit, change));
  const bookingReminders = new BookingReminders(
    db,
    tx,
    new ReminderRepository(),
    bookingRepo,
    bookingNotices,
    clock,
    logger,
  );
  const bookingCalendar = new BookingCalendarService(db, bookingRepo, noticeDirectory);
  const calendarFeeds = new CalendarFeedService(
    db,
    tx,
    new CalendarFeedRepository(),
    noticeDirectory,
    audit,
    clock,
  );
  const caseRepo = new CaseRepository();
  // Recordings depend on cases; a case learns of its sealed recordings through this repository's answer.
  const recordingRepo = new RecordingRepository();
  const sealedRecordingCounts = recordingRepo;
  const cases = new CaseService(
    db,
    tx,
    caseRepo,
    new CasesIdentityPort(identityRepo),
    sealedRecordingCounts,
    secrets,
    audit,
    clock,
  );
  const caseActivities = new ActivityService(db, tx, caseRepo, cases, sealedRecordingCounts, audit, clock);
  // Evidence: three write-once stores, uploads received beside the master, one writer per upload.
  const evidenceStores = await openLocalEvidenceStores(settings.evidence);
  const uploadStaging = await new UploadStaging(
    settings.evidence.uploadDir,
    evidenceStores,
    settings.evidence.sm3,
  ).open();
  const uploadHashes = new UploadHashes();
  const uploadLocks = new UploadLocks(database, settings.evidence.maxParallelUploads);
  const sealer = new Sealer(
    db,
    tx,
    recordingRepo,
    evidenceStores,
    uploadStaging,
    cases,
    audit,
    clock,
    async (recordingId) => {
      // The facts are read by the worker; the schedule catches any probe this nudge could not queue.
      await jobs.send('recordings.probe', { recordingId }).catch((error: unknown) => {
        logger.warn({ err: error, recordingId }, 'could not queue the media probe; the schedule will run it');
      });
    },
    logger,
  );
  const ingest = new IngestService(
    db,
    tx,
    recordingRepo,
    cases,
    uploadStaging,
    uploadHashes,
    uploadLocks,
    sealer,
    audit,
    clock,
    {
      maxUploadBytes: settings.evidence.maxUploadBytes,
      uploadExpiryMs: settings.evidence.uploadExpiryMs,
      checkpointBytes: settings.evidence.checkpointBytes,
    },
    logger,
  );
  const uploadSweeper = new UploadSweeper(
    db,
    tx,
    recordingRepo,
    uploadStaging,
    uploadHashes,
    uploadLocks,
    sealer,
    cases,
    audit,
    clock,
    logger,
  );
  const recordings = new RecordingService(db, tx, recordingRepo, cases, audit, clock);
  const playback = new PlaybackService(db, tx, recordingRepo, cases, evidenceStores, secrets, audit, clock);
  const transcripts = new TranscriptService(
    db,
    tx,
    new TranscriptRepository(),
    caseRepo,
    recordingRepo,
    cases,
    new CasesIdentityPort(identityRepo),
    audit,
    clock,
    settings.evidence.transcriptToleranceMs,
  );
  const mediaProbe = new MediaProbe(
    db,
    tx,
    recordingRepo,
    evidenceStores,
    audit,
    clock,
    settings.evidence.ffprobe,
    logger,
  );
  const derivatives = new DerivativeMaker(
    db,
    tx,
    recordingRepo,
    evidenceStores,
    audit,
    clock,
    settings.evidence.ffmpeg,
    logger,
  );
  const fixity = new FixityService(
    db,
    tx,
    recordingRepo,
    evidenceStores,
    cases,
    audit,
    clock,
    {
      intervalMs: settings.evidence.fixityIntervalMs,
      bytesPerSecond: settings.evidence.fixityBytesPerSecond,
    },
    logger,
  );
  const metrics = createMetricsRegistry();

  let integrationTimer: NodeJS.Timeout | undefined;
  let stopping = false;

  async function buildApp(): Promise<FastifyInstance> {
    return buildHttpApp({
      logger,
      metrics,
      webDir: webDistDir,
      secureCookies: settings.session.cookieSecure,
      version,
      isReady: async () => {
        const dbOk = await database.executeSql('select 1 as ok').then(
          () => true,
          () => false,
        );
        const migrated = dbOk && (await migrationsApplied(database));
        return { ready: dbOk && migrated, checks: { database: dbOk, migrations: migrated } };
      },
      hooks: [authHook(auth)],
      routes: [
        authRoutes({ auth, secondFactor, secureCookies: settings.session.cookieSecure }),
        userRoutes({ users, org }),
        auditRoutes({ audit: auditService }),
        notifyRoutes({ notifyAdmin }),
        bookingRoutes({
          org,
          availability,
          centres,
          roster,
          bookings,
          rosterAdmin,
          daySheet,
          calendar: bookingCalendar,
        }),
        holidayYearRoutes({ holidayYears }),
        centreOpsRoutes({ cancellations: centreCancellations, attendance }),
        calendarFeedRoutes({
          feeds: calendarFeeds,
          publicUrl: settings.http.publicUrlConfigured ? settings.http.publicUrl : null,
          fallbackUrl: settings.http.publicUrl,
        }),
        waitlistRoutes({ waitlist }),
        documentRoutes({ documents: clientDocuments, permissions }),
        lawyerRoutes({
          verification,
          registration,
          review: lawyerReview,
          standing,
          assistants,
          account: lawyerAccounts,
        }),
        caseRoutes({ cases, activities: caseActivities }),
        tusRoutes({ ingest }),
        recordingRoutes({ recordings, playback }),
        transcriptRoutes({ transcripts }),
      ],
    });
  }

  /** Runs background work in this process: the integrator's timer and the job handlers. */
  async function startWorker(): Promise<void> {
    await jobs.work({
      'audit.integrate': async () => {
        await integrator.integrateAll();
      },
      'sessions.purge': async () => {
        const removed = await identityRepo.purgeSessions(db, new Date(clock.now().getTime() - 86_400_000));
        logger.info({ removed }, 'purged old sessions');
      },
      'lawyers.purge_verifications': async () => {
        const removed = await verification.purge(new Date(clock.now().getTime() - 86_400_000));
        if (removed > 0) logger.info({ removed }, 'purged old verification codes');
      },
      'recordings.expire_uploads': async () => {
        await uploadSweeper.expire();
      },
      'recordings.finish_sealing': async () => {
        await uploadSweeper.finishSealing();
        const removed = await uploadSweeper.removeOrphans();
        if (removed > 0) logger.info({ removed }, 'removed the files of ended uploads');
      },
      'recordings.probe': async ({ recordingId }) => {
        if (recordingId) {
          await mediaProbe.probe(recordingId);
          // With the facts known, a format browsers cannot play gets its derivative; the schedule catches a miss.
          await jobs.send('recordings.derive', { recordingId }).catch((error: unknown) => {
            logger.warn(
              { err: error, recordingId },
              'could not queue the derivative; the schedule will make it',
            );
          });
        } else await mediaProbe.probePending();
      },
      'recordings.derive': async ({ recordingId }) => {
        if (recordingId) await derivatives.make(recordingId);
        else await derivatives.makePending();
      },
      'recordings.fixity': async () => {
        // Ends before the next run is due (every ten minutes).
        await fixity.runScheduled(9 * 60_000);
      },
      'booking.expire_holds': async () => {
        const lapsed = await holdSweeper.sweep();
        if (lapsed > 0) logger.info({ lapsed }, 'booking holds lapsed');
      },
      'booking.close_waitlists': async () => {
        const closed = await waitlistCloser.closeDue();
        if (closed > 0) logger.info({ closed }, 'waiting-list entries closed: their sessions are too near');
      },
      'booking.send_reminders': async () => {
        const report = await bookingReminders.sendForTomorrow();
        logger.info(report, 'booking reminders queued');
      },
      'notify.dispatch': async () => {
        // Drain what is due; each round is bounded, and whatever is left waits for the next run.
        for (let round = 0; round < 20; round++) {
          const report = await notify.dispatchDue(50);
          if (report.claimed + report.abandoned > 0) logger.info(report, 'dispatched notifications');
          if (report.claimed < 50) break;
        }
      },
    });
    // A crash may have left recordings half-way through sealing: finish them before anything else.
    await uploadSweeper.finishSealing();
    const tick = async () => {
      try {
        await integrator.integrateAll();
      } catch (error) {
        logger.error({ err: error }, 'audit integration failed');
      }
      if (!stopping) integrationTimer = setTimeout(() => void tick(), settings.audit.integrateEveryMs);
    };
    await tick();
  }

  async function close(): Promise<void> {
    stopping = true;
    if (integrationTimer) clearTimeout(integrationTimer);
    await jobs.stop();
    await database.close();
  }

  return {
    settings,
    clock,
    logger,
    database,
    tx,
    signer,
    secrets,
    repositories: {
      identity: identityRepo,
      audit: auditRepo,
      notify: notifyRepo,
      booking: bookingRepo,
      waitlist: waitlistRepo,
      clientDocuments: clientDocumentRepo,
      lawyers: lawyerRepo,
      cases: caseRepo,
      recordings: recordingRepo,
    },
    services: {
      audit,
      auth,
      secondFactor,
      users,
      org,
      auditService,
      integrator,
      notify,
      notifyAdmin,
      centres,
      roster,
      availability,
      bookings,
      rosterAdmin,
      daySheet,
      centreCancellations,
      attendance,
      bookingCalendar,
      bookingNotices,
      bookingReminders,
      calendarFeeds,
      clientDocuments,
      permissions,
      holidayYears,
      calendars,
      bookingEvents,
      holdSweeper,
      waitlist,
      waitlistOffers,
      waitlistCloser,
      verification,
      registration,
      lawyerReview,
      standing,
      assistants,
      lawyerAccounts,
      cases,
      caseActivities,
      ingest,
      sealer,
      uploadSweeper,
      recordings,
      playback,
      transcripts,
      mediaProbe,
      derivatives,
      fixity,
    },
    evidenceStores,
    jobs,
    buildApp,
    startWorker,
    close,
  };
}
