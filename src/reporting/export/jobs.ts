import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload, PayloadRequest } from 'payload'
import { dbOps } from '@/db'
import { hasRole, isCrossUnit, unitIdOf } from '@/access/roles'
import { vnFileDate } from '@/lib/time'
import {
  ExportJobStatus,
  exportFormats,
  GeneratedReportKind,
  JobKind,
  READ_ALL_ROLES,
  SUBTREE_ROLES,
  type ExportFormat,
} from '@/vocabulary'
import { heavyWork } from '@/heavy'
import { enqueue } from '@/jobs/queue'
import { freezeYear } from '../freeze'
import { exportToFile } from '.'
import { ExportError, findSnapshot } from './model'
import { periodLabel } from './period'

const MIMETYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv',
  json: 'application/json',
}

/** What the admin's export form sends. `snapshot`: the latest of each year, "freeze now", or a snapshot's id (one year). */
export type ExportRequest = {
  year?: unknown
  to?: unknown
  format?: unknown
  snapshot?: unknown
  /** "1" (a form's checkbox) or true: restate on today's units. */
  restate?: unknown
}

/** A refused request: its HTTP status and a Vietnamese message. */
export class ExportRequestError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message)
  }
}

const yearOf = (raw: unknown, what: string) => {
  const year = Number(raw)
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new ExportRequestError(`${what} không hợp lệ: nhập năm từ 2000 đến 2100.`)
  return year
}

/**
 * Checks an export request as `user` and stores it as a queued generated report, then runs it in
 * the background (never in the request): a unit's staff get their unit's figures only; "freeze
 * now" (new snapshots) is for those who may take snapshots; a missing snapshot is refused here,
 * before anything is stored. Returns the stored job at once.
 */
export async function startExport(req: PayloadRequest, body: ExportRequest) {
  const { payload, user } = req
  if (!user) throw new ExportRequestError('Bạn cần đăng nhập để xuất báo cáo.', 401)
  const own = unitIdOf(user)
  const unit = hasRole(user, ...READ_ALL_ROLES) || own == null ? null : String(own)
  // A unit manager's export is their unit with every unit under it.
  const subtree = !!unit && hasRole(user, ...SUBTREE_ROLES)
  const restate = body.restate === true || body.restate === '1' || body.restate === 'on'
  if (restate && unit)
    throw new ExportRequestError(
      'Quy về các đơn vị hiện nay chỉ áp dụng cho số liệu toàn tỉnh; số liệu của đơn vị bạn xuất theo đơn vị của từng năm.',
    )
  if (!hasRole(user, ...READ_ALL_ROLES) && !unit)
    throw new ExportRequestError(
      'Tài khoản chưa gắn với đơn vị nào: không có số liệu để xuất.',
      403,
    )
  const year = yearOf(body.year, 'Năm')
  const to =
    body.to === undefined || body.to === null || body.to === ''
      ? year
      : yearOf(body.to, 'Năm kết thúc')
  if (to < year)
    throw new ExportRequestError(
      `Giai đoạn không hợp lệ: năm kết thúc (${to}) trước năm bắt đầu (${year}).`,
    )
  const format = String(body.format ?? 'xlsx') as ExportFormat
  if (!exportFormats.includes(format))
    throw new ExportRequestError(
      `Định dạng "${String(body.format)}" không hỗ trợ; chọn một trong: ${exportFormats.values.join(', ')}.`,
    )
  const choice = String(body.snapshot ?? 'latest')
  const freeze = choice === 'freeze'
  if (freeze && !isCrossUnit(user))
    throw new ExportRequestError(
      'Chỉ quản trị hệ thống và quản lý chiến dịch được chốt số liệu mới.',
      403,
    )
  const snapshotId = choice !== 'latest' && !freeze ? choice : null
  if (snapshotId && to !== year)
    throw new ExportRequestError(
      'Một giai đoạn lấy bản chốt mới nhất của từng năm (hoặc chốt mới): không chọn một bản chốt.',
    )
  try {
    if (snapshotId) {
      const s = await findSnapshot(payload, { id: snapshotId })
      if (s.year !== year)
        throw new ExportRequestError(
          `Bản chốt "${snapshotId}" là số liệu năm ${s.year}, không phải năm ${year}.`,
        )
    } else if (!freeze) for (let y = year; y <= to; y++) await findSnapshot(payload, { year: y })
  } catch (err) {
    if (err instanceof ExportError) throw new ExportRequestError(err.message)
    throw err
  }
  const label = to > year ? periodLabel(year, to) : `năm ${year}`
  const unitName = unit
    ? ((await payload.findByID({ collection: 'units', id: unit, depth: 0, overrideAccess: true }))
        .name as string)
    : null
  const job = await payload.create({
    collection: 'generated-reports',
    overrideAccess: true,
    data: {
      title: `Số liệu ${label}${unitName ? ` – ${unitName}${subtree ? ' và các đơn vị trực thuộc' : ''}` : ''}${restate ? ' – quy về các đơn vị hiện nay' : ''} (${exportFormats.label(format)})`,
      year,
      yearTo: to > year ? to : null,
      kind: GeneratedReportKind.OnDemand,
      format,
      status: ExportJobStatus.Queued,
      progress: 0,
      unit,
      generatedBy: user.id,
      generatedAt: new Date().toISOString(),
    },
  })
  // A background job (src/jobs): it outlives this request and this process; the runner hands
  // the work to the heavy-work process when the server has one (src/heavy).
  await enqueue(payload, {
    kind: JobKind.Export,
    title: job.title ?? `Xuất báo cáo ${label}`,
    input: {
      id: String(job.id),
      job: { year, to, format, freeze, snapshotId, unit, subtree, restate, user: String(user.id) },
    },
    requestedBy: String(user.id),
  })
  return job
}

export type ExportJobInput = { id: string; job: Parameters<typeof runExport>[2] }

/**
 * The background job's work: the export, in the heavy-work process when there is one. runExport
 * records its outcome on the generated report; a failure there fails the job too.
 */
export async function runExportJob(payload: Payload, { id, job }: ExportJobInput) {
  await heavyWork(payload).run('export', { id, job })
  const report = await payload.findByID({
    collection: 'generated-reports',
    id,
    depth: 0,
    overrideAccess: true,
  })
  if (report.status === ExportJobStatus.Failed) throw new Error(report.error ?? 'Xuất báo cáo lỗi.')
  return { report: id }
}

/** The job failed for good (its process died, or it could not start): the report says so, once. */
export async function exportFailed(payload: Payload, { id }: ExportJobInput, message: string) {
  await dbOps(payload).updates.updateWhere(
    'generated-reports',
    { and: [{ id: { equals: id } }, { status: { not_equals: ExportJobStatus.Failed } }] },
    {
      status: ExportJobStatus.Failed,
      error: message.startsWith('Lỗi') ? message : `Lỗi khi xuất: ${message}`,
    },
  )
}

/**
 * The job: (freeze each year when asked,) build the export from the snapshots, a page of cells at
 * a time, writing the progress (cells read of twice the cells: once for the tables, once for the
 * detail rows) at most twice a second, then store the file with its snapshots and SHA-256.
 */
export async function runExport(
  payload: Payload,
  id: string,
  job: {
    year: number
    to: number
    format: ExportFormat
    freeze: boolean
    snapshotId: string | null
    unit: string | null
    subtree?: boolean
    restate?: boolean
    user: string
  },
) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'export-job-'))
  const set = (data: Record<string, unknown>) =>
    payload.db.updateOne({ collection: 'generated-reports', id, data, returning: false })
  try {
    await set({ status: ExportJobStatus.Running, progress: 0 })
    if (job.freeze)
      for (let y = job.year; y <= job.to; y++) {
        const user = await payload.findByID({
          collection: 'users',
          id: job.user,
          depth: 0,
          overrideAccess: true,
        })
        await freezeYear(payload, y, {
          user: { ...user, collection: 'users' },
          note: 'Chốt khi xuất báo cáo theo yêu cầu.',
        })
      }
    let total = 0
    if (job.snapshotId)
      total = 2 * ((await findSnapshot(payload, { id: job.snapshotId })).cellCount ?? 0)
    else
      for (let y = job.year; y <= job.to; y++)
        total += 2 * ((await findSnapshot(payload, { year: y })).cellCount ?? 0)
    let done = 0
    let shown = Date.now()
    // One progress write at a time, all finished before the final one (none can land after it).
    let writing: Promise<unknown> = Promise.resolve()
    const progress = (cells: number) => {
      done += cells
      if (Date.now() - shown < 500) return
      shown = Date.now()
      const value = Math.min(99, Math.floor((done / Math.max(total, 1)) * 100))
      writing = writing.then(() => set({ progress: value })).catch(() => {})
    }
    const file = path.join(dir, `export.${job.format}`)
    const model = await exportToFile(
      payload,
      job.snapshotId
        ? { id: job.snapshotId }
        : { year: job.year, to: job.to > job.year ? job.to : undefined },
      job.format,
      file,
      { unit: job.unit, subtree: job.subtree, restate: job.restate, onProgress: progress },
    )
    await writing
    const data = fs.readFileSync(file)
    const name = `so-lieu-${job.year}${job.to > job.year ? `-${job.to}` : ''}${job.unit ? '-don-vi' : ''}-${vnFileDate(new Date())}-${id.slice(-6)}.${job.format}`
    await payload.update({
      collection: 'generated-reports',
      id,
      overrideAccess: true,
      data: {
        status: ExportJobStatus.Done,
        progress: 100,
        snapshot: model.snapshot.id,
        snapshots: model.snapshots.map((s) => s.id),
        checksum: crypto.createHash('sha256').update(data).digest('hex'),
        generatedAt: new Date().toISOString(),
      },
      file: { data, mimetype: MIMETYPES[job.format], name, size: data.length },
    })
  } catch (err) {
    payload.logger.error({ err, msg: `Xuất báo cáo ${id} lỗi: ${(err as Error).message}` })
    await set({
      status: ExportJobStatus.Failed,
      error: err instanceof ExportError ? err.message : `Lỗi khi xuất: ${(err as Error).message}`,
    }).catch(() => {})
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
