import type { CollectionBeforeChangeHook } from 'payload'
import { refuseFields } from '@/lib/refuse'
import { vnYearMonth } from '@/lib/time'
import type { Campaign } from '@/payload-types'

/** The yearly rows of a plan, by field, and what each row is called in a message. */
const YEARLY = [
  ['kpiTargets', 'Chỉ tiêu'],
  ['traineeTargets', 'Kế hoạch đào tạo'],
  ['budgets', 'Kinh phí'],
  ['typedSubtotals', 'Số tổng ghi trong văn bản'],
] as const

/** A target, budget or subtotal for a year outside the campaign's period is a typing slip: refuse it, saying where. */
export const checkPlanYears: CollectionBeforeChangeHook<Campaign> = ({
  data,
  originalDoc,
  req,
}) => {
  const merged = { ...originalDoc, ...data }
  if (!merged.startsOn || !merged.endsOn) return data
  const first = vnYearMonth(merged.startsOn).year
  const last = vnYearMonth(merged.endsOn).year
  const errors: { path: string; message: string }[] = []
  for (const [field, what] of YEARLY) {
    const rows = (merged[field] ?? []) as { year?: number | null }[]
    rows.forEach((row, i) => {
      if (row.year != null && (row.year < first || row.year > last)) {
        errors.push({
          path: `${field}.${i}.year`,
          message: `${what}, dòng ${i + 1}: năm ${row.year} nằm ngoài thời gian của chiến dịch (${first}–${last}).`,
        })
      }
    })
  }
  if (errors.length) refuseFields(req, 'campaigns', errors)
  return data
}
