import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { vi } from '@payloadcms/translations/languages/vi'
import { buildConfig } from 'payload'
import sharp from 'sharp'
import { Articles } from '../collections/Articles'
import { AuditLog } from '../collections/AuditLog'
import { Campaigns } from '../collections/Campaigns'
import { Channels } from '../collections/Channels'
import { Comments } from '../collections/Comments'
import { Commissions } from '../collections/Commissions'
import { DataElements } from '../collections/DataElements'
import { EngagementObservations } from '../collections/EngagementObservations'
import { Events } from '../collections/Events'
import { GeneratedReports } from '../collections/GeneratedReports'
import { IndicatorFacts } from '../collections/IndicatorFacts'
import { EventCheckIns } from '../collections/EventCheckIns'
import { SurveyResponses } from '../collections/SurveyResponses'
import { Surveys } from '../collections/Surveys'
import { IndicatorReports } from '../collections/IndicatorReports'
import { Indicators } from '../collections/Indicators'
import { Infographics } from '../collections/Infographics'
import { Media } from '../collections/Media'
import { Notifications } from '../collections/Notifications'
import { PlanTasks } from '../collections/PlanTasks'
import { Publications } from '../collections/Publications'
import { Removals } from '../collections/Removals'
import { Withdrawals } from '../collections/Withdrawals'
import { ReportDeadlines } from '../collections/ReportDeadlines'
import { ReportReminders } from '../collections/ReportReminders'
import { RollupCells } from '../collections/RollupCells'
import { RollupDirty } from '../collections/RollupDirty'
import { RollupLeases } from '../collections/RollupLeases'
import { RollupSnapshots } from '../collections/RollupSnapshots'
import { RollupYears } from '../collections/RollupYears'
import { SiteChanges } from '../collections/SiteChanges'
import { SnapshotCells } from '../collections/SnapshotCells'
import { TaskProgress } from '../collections/TaskProgress'
import { TaskReminders } from '../collections/TaskReminders'
import { Topics } from '../collections/Topics'
import { Trainings } from '../collections/Trainings'
import { UnitEvents } from '../collections/UnitEvents'
import { UnitReports } from '../collections/UnitReports'
import { Units } from '../collections/Units'
import { Users } from '../collections/Users'
import { Videos } from '../collections/Videos'
import { WorkerHeartbeats } from '../collections/WorkerHeartbeats'
import { BackgroundJobs } from '../collections/BackgroundJobs'
import { forCollections } from './lib/plugins'
import { ReportSettings } from '../globals/ReportSettings'
import { rebuildStatusEndpoint, startRebuildEndpoint } from './endpoints/rebuildFigures'
import { auditTrail } from './audit/hooks'
import { schedulePublicationsEndpoint } from './endpoints/schedulePublications'
import { databaseAdapter } from './lib/database'
import { emailAdapter } from './lib/email'
import { resolveSecret, serverUrl, uploadLimits } from './lib/env'
import { rollupTracking } from './reporting/track'
import { siteChanges } from './web/siteChanges'
import { DATE_TIME_FORMAT, vietnamTimezone } from './lib/time'
import { vietnameseFormatsPlugin } from './admin/formats/vietnameseFormats'
import { vietnameseOverrides } from './lib/i18n'
import { apiTabForAdmins } from './admin/technical'

const dirname = path.dirname(fileURLToPath(import.meta.url))

const SYSTEM_ROWS = [
  'rollup-cells',
  'snapshot-cells',
  'rollup-dirty',
  'rollup-leases',
  'rollup-years',
  'site-changes',
  'indicator-facts',
  'worker-heartbeats',
  'background-jobs',
  'audit-log',
  'event-check-ins',
  'survey-responses',
]

export default buildConfig({
  serverURL: process.env.PUBLIC_SERVER_URL || undefined,
  secret: resolveSecret(),
  db: databaseAdapter(),
  // SMTP when SMTP_HOST is set; otherwise Payload logs each email (src/lib/email.ts).
  email: emailAdapter(),
  editor: lexicalEditor(),
  sharp,
  collections: [
    Articles,
    Videos,
    Infographics,
    Events,
    EventCheckIns,
    Media,
    Topics,
    Campaigns,
    Channels,
    Publications,
    Withdrawals,
    Removals,
    Trainings,
    PlanTasks,
    Commissions,
    Comments,
    TaskProgress,
    TaskReminders,
    Notifications,
    EngagementObservations,
    WorkerHeartbeats,
    BackgroundJobs,
    RollupCells,
    RollupSnapshots,
    SnapshotCells,
    RollupDirty,
    RollupLeases,
    RollupYears,
    UnitReports,
    ReportDeadlines,
    ReportReminders,
    GeneratedReports,
    DataElements,
    Indicators,
    IndicatorReports,
    IndicatorFacts,
    Surveys,
    SurveyResponses,
    UnitEvents,
    Units,
    Users,
    AuditLog,
    SiteChanges,
  ],
  plugins: [
    // Whatever a public page shows: a change leaves a mark that empties every server's page cache
    // (src/web/siteChanges.ts); a `web-page` publication decides when an item appears, and the
    // home page counts the year's output.
    siteChanges({
      collections: [
        'articles',
        'videos',
        'infographics',
        'events',
        'media',
        'topics',
        'campaigns',
        'units',
        'publications',
        'channels',
        // A withdrawal: its item's page answers 410 from then on (src/web/withdrawn.ts).
        'withdrawals',
      ],
    }),
    // What the rollup's sources read: a change marks its months for the rollup (src/reporting/track.ts).
    rollupTracking({
      collections: [
        'articles',
        'videos',
        'infographics',
        'events',
        'campaigns',
        'publications',
        'trainings',
        'engagement-observations',
        'event-check-ins',
      ],
    }),
    // People's changes leave an entry in the audit trail (src/audit/). Not audited: the trail
    // itself and the system's bookkeeping (a rebuild writes thousands of cells for one action;
    // indicator facts derive from each unit's audited form; a withdrawal's removal jobs: the
    // withdrawal itself is the person's action, with its reason).
    auditTrail({
      except: [
        'audit-log',
        // Anonymous check-ins: an entry would keep the attendee's address, which the form promises not to.
        'event-check-ins',
        'survey-responses',
        'indicator-facts',
        'removals',
        // Written by the system for one person; marking one read is not an action on the campaign.
        'notifications',
        'rollup-cells',
        'rollup-dirty',
        'rollup-leases',
        'rollup-years',
        'worker-heartbeats',
        // A rebuild's or an export's job: the system's bookkeeping of what a person asked for.
        'background-jobs',
      ],
    }),
    // Rows only the system writes, never edited in a form: no edit lock, so no column in Payload's
    // locked-documents table, whose ON DELETE CASCADE ran a sub-program opening that table's 40-odd
    // indexes for every row deleted (a month's refold of the rollup deletes 74,000 cells: 350 ms
    // of its 535 ms DELETE).
    forCollections('withoutEditLocks', SYSTEM_ROWS, (c) => ({ ...c, lockDocuments: false })),
    // Every date and number field follows one Vietnamese standard (src/admin/formats/).
    vietnameseFormatsPlugin(),
    // The API tab is for admins only (src/admin/technical.ts).
    apiTabForAdmins(),
  ],
  globals: [ReportSettings],
  endpoints: [schedulePublicationsEndpoint, startRebuildEndpoint, rebuildStatusEndpoint],
  i18n: {
    supportedLanguages: { vi, en },
    fallbackLanguage: 'vi',
    translations: { vi: vietnameseOverrides },
  },
  admin: {
    user: Users.slug,
    importMap: { baseDir: dirname },
    components: {
      views: {
        calendar: {
          Component: '/admin/calendar/CalendarView#CalendarView',
          path: '/calendar',
          exact: true,
          meta: { title: 'Lịch đăng' },
        },
        schedule: {
          Component: '/admin/schedule/ScheduleView#ScheduleView',
          path: '/schedule',
          exact: true,
          meta: { title: 'Lên lịch nhiều kênh' },
        },
        reports: {
          Component: '/admin/reports/ReportsView#ReportsView',
          path: '/reports',
          exact: true,
          meta: { title: 'Báo cáo, thống kê' },
        },
        reportSubmissions: {
          Component: '/admin/submissions/SubmissionsView#SubmissionsView',
          path: '/report-submissions',
          exact: true,
          meta: { title: 'Theo dõi nộp báo cáo' },
        },
        indicatorUnits: {
          Component: '/admin/indicators/IndicatorUnitsView#IndicatorUnitsView',
          path: '/indicator-units',
          exact: true,
          meta: { title: 'Số liệu chỉ tiêu theo đơn vị' },
        },
        unitTree: {
          Component: '/admin/units/UnitTreeView#UnitTreeView',
          path: '/unit-tree',
          exact: true,
          meta: { title: 'Cây đơn vị' },
        },
        export: {
          Component: '/admin/export/ExportView#ExportView',
          path: '/export',
          exact: true,
          meta: { title: 'Xuất báo cáo số liệu' },
        },
        taskBoard: {
          Component: '/admin/tasks/TaskBoardView#TaskBoardView',
          path: '/task-board',
          exact: true,
          meta: { title: 'Bảng nhiệm vụ kế hoạch' },
        },
        taskImport: {
          Component: '/admin/tasks/TaskImportView#TaskImportView',
          path: '/task-import',
          exact: true,
          meta: { title: 'Nhập bảng nhiệm vụ kế hoạch' },
        },
      },
      afterNavLinks: ['/admin/NavLinks#NavLinks'],
      // The province's and the department's names and logo, set in the report settings (src/admin/branding/).
      graphics: {
        Logo: '/admin/branding/Logo#Logo',
        Icon: '/admin/branding/Icon#Icon',
      },
      header: ['/admin/branding/BrandBar#BrandBar'],
      // The bell: the user's unread notifications (src/admin/notifications/, collections/Notifications).
      actions: ['/admin/notifications/Bell#Bell'],
      // What needs the user, by role (src/admin/dashboard/), above the collection cards.
      beforeDashboard: ['/admin/dashboard/TodoWidget#TodoWidget'],
      afterDashboard: [
        '/admin/DispatcherWidget#DispatcherWidget',
        '/admin/BackupWidget#BackupWidget',
        '/admin/tasks/OverdueTasksWidget#OverdueTasksWidget',
      ],
    },
    dateFormat: DATE_TIME_FORMAT,
    // Gravatar is an outside service; the built-in avatar works on a closed network.
    avatar: 'default',
    timezones: vietnamTimezone,
    meta: {
      // Replaced by the names set in the report settings on every page (src/admin/branding/title.ts).
      titleSuffix: '– CMS Chuyển đổi số',
      description: 'Hệ thống quản lý nội dung tuyên truyền chuyển đổi số',
      // The site's own icon (src/app/icon.svg, favicon.ico), not Payload's.
      icons: [
        { rel: 'icon', type: 'image/svg+xml', url: '/icon.svg' },
        { rel: 'icon', type: 'image/x-icon', url: '/favicon.ico', sizes: '32x32' },
      ],
    },
  },
  upload: {
    // The largest per-kind limit; the media collection then checks the limit of the file's own kind.
    limits: { fileSize: Math.max(...Object.values(uploadLimits())) + 1 },
  },
  // With a public URL set, cookies are only honoured from that origin (CSRF protection).
  ...(process.env.PUBLIC_SERVER_URL ? { cors: [serverUrl()], csrf: [serverUrl()] } : {}),
  graphQL: { disablePlaygroundInProduction: true },
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts') },
  telemetry: false,
})
