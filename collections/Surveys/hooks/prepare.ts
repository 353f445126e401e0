import { APIError, type CollectionBeforeChangeHook } from 'payload'
import { toSlug } from '@/lib/slug'
import { newFormCode } from '@/publicForms/code'
import { formatVietnamTime } from '@/lib/time'
import type { SurveyQuestion } from '@/surveys/questions'
import { QuestionKind, questionKinds } from '@/vocabulary'

/** A key unique among `taken`, from `text` (a question's or an option's stored value). */
function uniqueKey(text: string, taken: Set<string>, fallback: string) {
  const base = toSlug(text).slice(0, 40) || fallback
  let key = base
  for (let i = 2; taken.has(key); i++) key = `${base}-${i}`
  taken.add(key)
  return key
}

/**
 * Gives a survey its link code (kept from the first save on: the printed QR codes stay valid) and
 * each question and option a stable stored key (kept once given, so renaming a question's text does
 * not orphan its answers); refuses what the public form could not ask, in Vietnamese.
 */
export const prepareSurvey: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const problems: string[] = []
  const opensAt = data.opensAt ?? originalDoc?.opensAt
  const closesAt = data.closesAt ?? originalDoc?.closesAt
  if (opensAt && closesAt && new Date(closesAt) <= new Date(opensAt))
    problems.push(
      `Thời gian đóng (${formatVietnamTime(closesAt)}) phải sau thời gian mở (${formatVietnamTime(opensAt)}).`,
    )
  const questions = (data.questions ?? originalDoc?.questions ?? []) as SurveyQuestion[]
  const keys = new Set<string>()
  for (const q of questions) if (q.key) keys.add(q.key)
  const prepared = questions.map((q, i) => {
    const n = i + 1
    const key = q.key || uniqueKey(q.text ?? '', keys, `cau-${n}`)
    const choice = q.kind === QuestionKind.Single || q.kind === QuestionKind.Multiple
    const values = new Set<string>()
    for (const o of q.options ?? []) if (o.value) values.add(o.value)
    const options = choice
      ? (q.options ?? []).map((o, j) => ({
          ...o,
          value: o.value || uniqueKey(o.label ?? '', values, `lua-chon-${j + 1}`),
        }))
      : []
    if (choice && options.length < 2)
      problems.push(`Câu ${n} (${questionKinds.label(q.kind)}) cần ít nhất 2 lựa chọn.`)
    if (q.countsAsAware && choice)
      problems.push(
        `Câu ${n}: chỉ câu Có/Không hoặc thang điểm 1-5 mới dùng để tính "biết và sử dụng được".`,
      )
    return { ...q, key, options }
  })
  if (problems.length) throw new APIError(problems.join(' '), 400, null, true)
  return {
    ...data,
    code: data.code || originalDoc?.code || newFormCode(),
    ...(data.questions ? { questions: prepared } : {}),
  }
}
