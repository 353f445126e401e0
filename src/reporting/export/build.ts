import type { Payload } from 'payload'
import { ExportError, yearModel, type ExportModel, type ExportOptions } from './model'
import { periodModel } from './period'

/**
 * The export's tables from frozen snapshots: one year (`which.id`, or `which.year`'s latest), or
 * with `which.to` a period (each year's latest snapshot; see periodModel). With `options.unit`
 * only that unit's figures (a unit's own export). A period that ends before it starts, a year
 * without a snapshot, a snapshot that does not exist: an ExportError in Vietnamese. (Apart from
 * model.ts, which period.ts builds on, so that neither imports the other.)
 */
export async function exportModel(
  payload: Payload,
  which: { id?: string; year?: number; to?: number },
  options: ExportOptions = {},
): Promise<ExportModel> {
  if (which.to != null && which.year != null && which.to < which.year)
    throw new ExportError(
      `Giai đoạn không hợp lệ: năm kết thúc (${which.to}) trước năm bắt đầu (${which.year}).`,
    )
  if (which.to != null && which.year != null && which.to > which.year)
    return periodModel(payload, which.year, which.to, options)
  return yearModel(payload, which, options)
}
