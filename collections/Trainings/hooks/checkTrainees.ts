import type { CollectionBeforeChangeHook } from 'payload'
import { refuseFields } from '@/lib/refuse'
import { formatNumber } from '@/lib/format'
import type { Training } from '@/payload-types'
import { TrainingStatus } from '@/vocabulary'

/**
 * The rows by programme and unit type may not add up to more than the course's total (a course of
 * 40 cannot have trained 45); a held course says how many attended; it does not end before it starts.
 */
export const checkTrainees: CollectionBeforeChangeHook<Training> = ({ data, originalDoc, req }) => {
  const fail = (path: string, message: string): never =>
    refuseFields(req, 'trainings', [{ path, message }])
  const merged = { ...originalDoc, ...data }
  const rows = merged.trainees ?? []
  rows.forEach((row, i) => {
    if (!row.programme)
      fail(`trainees.${i}.programme`, `Dòng ${i + 1}: cần chọn chương trình đào tạo.`)
    if (!row.unitKind)
      fail(`trainees.${i}.unitKind`, `Dòng ${i + 1}: cần chọn loại đơn vị của học viên.`)
  })
  // Counts that are not whole and non-negative are the field validation's to report, after this hook.
  const valid = (n: number | null | undefined) => n == null || (Number.isInteger(n) && n >= 0)
  if (!valid(merged.totalTrainees) || !rows.every((row) => valid(row.count))) return data
  const sum = rows.reduce((n, row) => n + (row.count ?? 0), 0)
  if (merged.status === TrainingStatus.Held && merged.totalTrainees == null) {
    fail('totalTrainees', 'Khóa đã tổ chức cần có tổng số học viên.')
  }
  if (merged.totalTrainees != null && sum > merged.totalTrainees) {
    fail(
      'trainees',
      `Tổng số học viên theo chương trình (${formatNumber(sum)}) vượt tổng số học viên của khóa (${formatNumber(merged.totalTrainees)}).`,
    )
  }
  if (merged.startsOn && merged.endsOn && new Date(merged.endsOn) < new Date(merged.startsOn)) {
    fail('endsOn', 'Ngày kết thúc không được trước ngày bắt đầu.')
  }
  return data
}
