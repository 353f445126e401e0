import type { CollectionBeforeChangeHook } from 'payload'
import { refuseFields } from '@/lib/refuse'
import { dayOf, deadlineProblem } from '@/reporting/unitReports/deadlines'

/** A deadline before its year starts, or the units' after the province's: refused, nothing saved. */
export const checkDeadlines: CollectionBeforeChangeHook = ({
  data,
  originalDoc,
  collection,
  req,
}) => {
  const year = Number(data.year ?? originalDoc?.year)
  const units = dayOf(data.unitsDueOn ?? originalDoc?.unitsDueOn)
  const province = dayOf(data.provinceDueOn ?? originalDoc?.provinceDueOn)
  const problem = units && province ? deadlineProblem(year, units, province) : null
  if (problem) refuseFields(req, collection.slug, [{ path: 'unitsDueOn', message: problem }])
  return { ...data, title: `Hạn báo cáo năm ${year}` }
}
