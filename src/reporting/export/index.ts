import fs from 'node:fs'
import type { Writable } from 'node:stream'
import type { Payload } from 'payload'
import { writeCsv, writeJson } from './csv'
import { acceptedNarratives, issuerFor, provinceReportDocx } from './docx'
import { exportModel } from './build'
import type { ExportModel, ExportOptions } from './model'
import { writeXlsx } from './xlsx'
import { exportFormats, type ExportFormat } from '@/vocabulary'

export { exportModel } from './build'
export { ExportError } from './model'
export const EXPORT_FORMATS = exportFormats.values
export type { ExportFormat }

/**
 * Writes an export in `format` to `out` (and ends it); the .docx also reads the accepted unit
 * reports and the report settings of its (last) year.
 */
export async function writeExport(
  payload: Payload,
  model: ExportModel,
  format: ExportFormat,
  out: Writable,
  options: { draft?: boolean; date?: Date } = {},
) {
  if (format === 'docx') {
    const docx = await provinceReportDocx(
      model,
      await acceptedNarratives(payload, model.year, model.to, model.unit?.id),
      { ...options, issuer: await issuerFor(payload, model.to) },
    )
    return new Promise<void>((resolve, reject) =>
      out.end(docx, (err?: Error | null) => (err ? reject(err) : resolve())),
    )
  }
  if (format === 'xlsx') return writeXlsx(model, out)
  if (format === 'csv') return writeCsv(model, out)
  return writeJson(model, out)
}

/**
 * The export of a snapshot (by id, or the year's latest; or a period's, `which.to`) into `file`. The figures are read
 * first, so a missing snapshot fails before the file is created or replaced.
 */
export async function exportToFile(
  payload: Payload,
  which: { id?: string; year?: number; to?: number },
  format: ExportFormat,
  file: string,
  options: ExportOptions & { draft?: boolean; date?: Date } = {},
): Promise<ExportModel> {
  const model = await exportModel(payload, which, {
    unit: options.unit,
    subtree: options.subtree,
    restate: options.restate,
    onProgress: options.onProgress,
  })
  const out = fs.createWriteStream(file)
  const closed = new Promise<void>((resolve, reject) => {
    out.on('close', () => resolve())
    out.on('error', reject)
  })
  await writeExport(payload, model, format, out, options)
  await closed
  return model
}
