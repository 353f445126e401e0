import crypto from 'node:crypto'
import { PassThrough } from 'node:stream'
import type { Payload } from 'payload'
import { vnDayKey, vnFileDate } from '@/lib/time'
import { GeneratedReportKind, generatedReportKinds } from '@/vocabulary'
import { freezeYear } from '../freeze'
import { deadlinesOf } from '../unitReports/deadlines'
import { writeExport, type ExportFormat } from '.'
import { exportModel } from './build'

const FILES: { format: ExportFormat; ext: string; mimetype: string }[] = [
  {
    format: 'docx',
    ext: 'docx',
    mimetype: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  {
    format: 'xlsx',
    ext: 'xlsx',
    mimetype: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
]

/**
 * Freezes the year's figures into a new snapshot and stores the province's report from it (the
 * .docx and the XLSX workbook) in `generated-reports`, with who asked (null: the schedule), when,
 * which snapshot and each file's SHA-256.
 */
export async function generateProvinceReport(
  payload: Payload,
  year: number,
  kind: GeneratedReportKind,
  options: { user?: string | null; now?: Date } = {},
) {
  const now = options.now ?? new Date()
  const label = generatedReportKinds.label(kind)
  const snapshot = await freezeYear(payload, year, {
    note: `Chốt để lập báo cáo của tỉnh (${label.toLowerCase()}).`,
  })
  const model = await exportModel(payload, { id: String(snapshot.id) })
  const stored = []
  for (const f of FILES) {
    const out = new PassThrough()
    const chunks: Buffer[] = []
    out.on('data', (c: Buffer) => chunks.push(c))
    const ended = new Promise((resolve) => out.on('end', resolve))
    await writeExport(payload, model, f.format, out, {
      draft: kind === GeneratedReportKind.Draft,
      date: now,
    })
    await ended
    const data = Buffer.concat(chunks)
    stored.push(
      await payload.create({
        collection: 'generated-reports',
        overrideAccess: true,
        data: {
          title: `Báo cáo năm ${year} (${label}, ${f.ext.toUpperCase()})`,
          year,
          kind,
          snapshot: snapshot.id,
          generatedAt: now.toISOString(),
          generatedBy: options.user ?? null,
          checksum: crypto.createHash('sha256').update(data).digest('hex'),
        },
        file: {
          data,
          mimetype: f.mimetype,
          name: `bao-cao-${year}-${kind}-${vnFileDate(now)}.${f.ext}`,
          size: data.length,
        },
      }),
    )
  }
  return { snapshot, stored }
}

/**
 * The schedule: on the year's draft day (default 01/12) a draft, on the province's deadline
 * (default 15/12) the final, each once a year (from then on, as soon as a run sees it missing).
 * Once the final is due a missing draft is not made any more.
 */
export async function generateDueReports(payload: Payload, now = new Date()) {
  const today = vnDayKey(now)
  const year = Number(today.slice(0, 4))
  const d = await deadlinesOf(payload, year)
  const kind =
    today >= d.province
      ? GeneratedReportKind.Final
      : today >= d.draft
        ? GeneratedReportKind.Draft
        : null
  if (!kind) return null
  const done = await payload.count({
    collection: 'generated-reports',
    where: { and: [{ year: { equals: year } }, { kind: { equals: kind } }] },
    overrideAccess: true,
  })
  if (done.totalDocs) return null
  return generateProvinceReport(payload, year, kind, { now })
}
