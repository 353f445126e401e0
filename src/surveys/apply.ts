import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'
import { relationId } from '@/lib/relation'
import { formatDateTimeVn, formatDay, vnDayKey } from '@/lib/time'
import { unitTree } from '@/units/load'
import { UNIT_EDITABLE, UnitReportStatus, unitKinds, unitReportStatuses } from '@/vocabulary'
import { loadResponses } from './load'
import type { SurveyDoc } from './questions'
import { tally } from './results'

export type Applied = {
  year: number
  written: { unit: string; name: string; sample: number; aware: number }[]
  skipped: { unit: string | null; name: string; reason: string }[]
}

export class SurveyApplyError extends Error {}

/**
 * Feeds a survey's results into the awareness indicators: each commune's sample and respondents
 * who know and can use the services are added up to the unit that reports the survey elements in
 * the survey's year (the commune itself, or its district of that day), and written into that unit's
 * indicator form for the year (a draft is created where there is none). A form already submitted
 * or accepted is left as it is and listed; the province's figure is the forms' sum, as for any
 * entered element. Answers from outside the province count in no unit.
 */
export async function applySurvey(req: PayloadRequest, survey: SurveyDoc): Promise<Applied> {
  const { payload } = req
  const sampleId = relationId(survey.sampleElement)
  const awareId = relationId(survey.awareElement)
  if (!sampleId || !awareId)
    throw new SurveyApplyError(
      'Hãy chọn trường "số người được khảo sát" và "số người biết và sử dụng được" của khảo sát trước.',
    )
  const { docs: elements } = await payload.find({
    collection: 'data-elements',
    where: { id: { in: [sampleId, awareId] } },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  if (elements.length < 2) throw new SurveyApplyError('Không tìm thấy trường số liệu đã chọn.')
  const kinds = new Set(
    elements
      .map((e) => (e.unitKinds ?? []) as string[])
      .reduce((a, b) => a.filter((k) => b.includes(k))),
  )

  const day = vnDayKey(survey.closesAt)
  const year = Number(day.slice(0, 4))
  const tree = await unitTree(payload, req)
  const results = tally(survey, await loadResponses(payload, survey.id, req), new Map())
  const nameOf = (id: string) => tree.units.get(id)?.name ?? id

  const sums = new Map<string, { sample: number; aware: number }>()
  const skipped: Applied['skipped'] = []
  for (const c of results.communes) {
    if (c.commune == null) {
      skipped.push({
        unit: null,
        name: 'Nơi khác',
        reason: `${c.sample} phiếu ngoài tỉnh, không thuộc đơn vị nào.`,
      })
      continue
    }
    // Up the tree of the survey's last day to the first unit whose kind reports both elements.
    let unit: string | null = c.commune
    for (let hops = 0; unit && !kinds.has(String(tree.units.get(unit)?.kind)) && hops < 20; hops++)
      unit = tree.parentOn(unit, day)
    if (!unit || !kinds.has(String(tree.units.get(unit)?.kind))) {
      skipped.push({
        unit: c.commune,
        name: nameOf(c.commune),
        reason: `Đơn vị này và các đơn vị cấp trên của nó ngày ${formatDay(day)} không báo cáo các trường này: chúng chỉ dành cho ${
          [...kinds].map((k) => unitKinds.label(k)).join(', ') || 'không loại đơn vị nào'
        }. Thêm loại "${unitKinds.label(tree.units.get(c.commune)?.kind)}" vào hai trường trong danh mục "Trường số liệu" để nhận kết quả của đơn vị này.`,
      })
      continue
    }
    const s = sums.get(unit) ?? { sample: 0, aware: 0 }
    s.sample += c.sample
    s.aware += c.aware
    sums.set(unit, s)
  }

  const written: Applied['written'] = []
  // Every form or none: a failure half-way leaves the forms as they were.
  const own = await initTransaction(req)
  try {
    const method = `Khảo sát trực tuyến "${survey.title}" (${results.sample} phiếu, nhận đến ${formatDateTimeVn(survey.closesAt)})`
    for (const [unit, s] of sums) {
      const { docs } = await payload.find({
        collection: 'indicator-reports',
        where: { and: [{ ownerUnit: { equals: unit } }, { year: { equals: year } }] },
        depth: 0,
        limit: 1,
        overrideAccess: true,
        req,
      })
      const form = docs[0]
      if (form && !UNIT_EDITABLE.includes(form.status as UnitReportStatus)) {
        skipped.push({
          unit,
          name: nameOf(unit),
          reason: `Biểu mẫu năm ${year} đang ở trạng thái "${unitReportStatuses.label(form.status)}"; hãy trả lại trước khi đưa số liệu vào.`,
        })
        continue
      }
      const values = (form?.values ?? [])
        .filter((v) => ![sampleId, awareId].includes(String(relationId(v.element))))
        .map((v) => ({ element: relationId(v.element), value: v.value ?? null }))
      values.push({ element: sampleId, value: s.sample }, { element: awareId, value: s.aware })
      const data = { values, surveyMethod: method, surveyDate: survey.closesAt } as never
      if (form)
        await payload.update({
          collection: 'indicator-reports',
          id: form.id,
          data,
          req,
          overrideAccess: true,
        })
      else
        await payload.create({
          collection: 'indicator-reports',
          data: {
            ...(data as object),
            ownerUnit: unit,
            year,
            status: UnitReportStatus.Draft,
          } as never,
          req,
          overrideAccess: true,
        })
      written.push({ unit, name: nameOf(unit), ...s })
    }
    if (own) await commitTransaction(req)
  } catch (err) {
    if (own) await killTransaction(req)
    throw err
  }
  return { year, written, skipped }
}
