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
import { EngagementObservations } from '../collections/EngagementObservations'
import { Events } from '../collections/Events'
import { GeneratedReports } from '../collections/GeneratedReports'
import { Infographics } from '../collections/Infographics'
import { Media } from '../collections/Media'
import { Publications } from '../collections/Publications'
import { ReportDeadlines } from '../collections/ReportDeadlines'
import { ReportReminders } from '../collections/ReportReminders'
import { RollupCells } from '../collections/RollupCells'
import { RollupDirty } from '../collections/RollupDirty'
import { RollupLeases } from '../collections/RollupLeases'
import { RollupSnapshots } from '../collections/RollupSnapshots'
import { SiteChanges } from '../collections/SiteChanges'
import { SnapshotCells } from '../collections/SnapshotCells'
import { Topics } from '../collections/Topics'
import { Trainings } from '../collections/Trainings'
import { UnitEvents } from '../collections/UnitEvents'
import { UnitReports } from '../collections/UnitReports'
import { Units } from '../collections/Units'
import { Users } from '../collections/Users'
import { Videos } from '../collections/Videos'
import { WorkerHeartbeats } from '../collections/WorkerHeartbeats'
import { rebuildStatusEndpoint, startRebuildEndpoint } from './endpoints/rebuildFigures'
import { auditCollections } from './audit/hooks'
import { schedulePublicationsEndpoint } from './endpoints/schedulePublications'
import { databaseAdapter } from './lib/database'
import { emailAdapter } from './lib/email'
import { resolveSecret, serverUrl, uploadLimits } from './lib/env'
import { trackRollupChanges } from './reporting/track'
import { watchSiteChanges } from './web/siteChanges'
import { DATE_TIME_FORMAT, vietnamTimezone } from './lib/time'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  serverURL: process.env.PUBLIC_SERVER_URL || undefined,
  secret: resolveSecret(),
  db: databaseAdapter(),
  // SMTP when SMTP_HOST is set; otherwise Payload logs each email (src/lib/email.ts).
  email: emailAdapter(),
  editor: lexicalEditor(),
  sharp,
  // The rollup's sources mark the months they touch on every change (src/reporting/track.ts); people's
  // changes leave an entry in the audit trail (src/audit/hooks.ts); changes that can alter a public
  // page leave a mark that empties the servers' page caches (src/web/siteChanges.ts).
  collections: auditCollections(
    trackRollupChanges(
      watchSiteChanges([
        Articles,
        Videos,
        Infographics,
        Events,
        Media,
        Topics,
        Campaigns,
        Channels,
        Publications,
        Trainings,
        EngagementObservations,
        WorkerHeartbeats,
        RollupCells,
        RollupSnapshots,
        SnapshotCells,
        RollupDirty,
        RollupLeases,
        UnitReports,
        ReportDeadlines,
        ReportReminders,
        GeneratedReports,
        Units,
        UnitEvents,
        Users,
        AuditLog,
        SiteChanges,
      ]),
    ),
  ),
  endpoints: [schedulePublicationsEndpoint, startRebuildEndpoint, rebuildStatusEndpoint],
  i18n: { supportedLanguages: { vi, en }, fallbackLanguage: 'vi' },
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
      },
      afterNavLinks: ['/admin/NavLinks#NavLinks'],
      afterDashboard: [
        '/admin/DispatcherWidget#DispatcherWidget',
        '/admin/BackupWidget#BackupWidget',
      ],
    },
    dateFormat: DATE_TIME_FORMAT,
    // Gravatar is an outside service; the built-in avatar works on a closed network.
    avatar: 'default',
    timezones: vietnamTimezone,
    meta: {
      titleSuffix: ' – CMS Chuyển đổi số',
      description: 'Hệ thống quản lý nội dung tuyên truyền chuyển đổi số',
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
