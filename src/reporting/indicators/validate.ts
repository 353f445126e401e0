import { formatNumber } from '@/lib/format'
import { unitKinds, type UnitKind } from '@/vocabulary'
import type { Element } from './catalogue'

/** One entered value: null (or absent) is missing, which is not zero. */
export type EnteredValue = { element: string; value: number | null }

/** A problem with one entered value (`index` into the rows as given), or with the survey fields. */
export type ValueProblem = {
  index: number | null
  field: 'element' | 'value' | 'survey'
  message: string
}

/**
 * Checks a unit's values for a year, all at once so that a form or a file lists every problem:
 * whole non-negative numbers; only the elements its unit kind enters, each once; a part never
 * greater than its whole (trained ≤ headcount, respondents ≤ sample); a survey's method and date
 * when a survey figure is entered.
 */
export function checkValues(
  elements: readonly Element[],
  unitKind: UnitKind,
  rows: readonly EnteredValue[],
  survey: { method?: string | null; date?: string | null } = {},
): ValueProblem[] {
  const problems: ValueProblem[] = []
  const byId = new Map(elements.map((e) => [e.id, e]))
  const given = new Map<string, { value: number; index: number }>()
  const seen = new Set<string>()
  rows.forEach((row, index) => {
    const element = byId.get(String(row.element))
    if (!element) {
      problems.push({ index, field: 'element', message: 'Trường số liệu không có trong danh mục.' })
      return
    }
    if (!element.unitKinds.includes(unitKind)) {
      problems.push({
        index,
        field: 'element',
        message: `«${element.name}» không thuộc biểu mẫu của ${unitKinds.label(unitKind)}.`,
      })
      return
    }
    if (seen.has(element.id)) {
      problems.push({ index, field: 'element', message: `«${element.name}» được nhập hai lần.` })
      return
    }
    seen.add(element.id)
    const v = row.value
    if (v == null) return
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
      problems.push({
        index,
        field: 'value',
        message: `«${element.name}» phải là số nguyên không âm (để trống nếu chưa có số liệu).`,
      })
      return
    }
    given.set(element.id, { value: v, index })
  })
  for (const [id, { value, index }] of given) {
    const element = byId.get(id)!
    const whole = element.partOf ? given.get(element.partOf) : undefined
    if (whole && value > whole.value)
      problems.push({
        index,
        field: 'value',
        message: `«${element.name}» (${formatNumber(value)}) không được lớn hơn «${byId.get(element.partOf!)!.name}» (${formatNumber(whole.value)}).`,
      })
  }
  const surveyGiven = [...given.keys()].some((id) => byId.get(id)!.survey)
  if (surveyGiven && (!survey.method?.trim() || !survey.date))
    problems.push({
      index: null,
      field: 'survey',
      message: 'Đã nhập số liệu khảo sát: hãy ghi phương pháp và ngày khảo sát.',
    })
  return problems
}
