import { ELSEWHERE, type ChoiceField, type FormSpec, type FormValues } from '@/publicForms/guard'
import { ageBands, QuestionKind, SCALE_VALUES, YES, yesNoAnswers } from '@/vocabulary'

export type SurveyOption = { value: string; label: string }
export type SurveyQuestion = {
  key: string
  text: string
  kind: QuestionKind
  required?: boolean | null
  options?: SurveyOption[] | null
  /** The respondent "knows and can use" only when every such question has its positive answer. */
  countsAsAware?: boolean | null
}
export type SurveyDoc = {
  id: string | number
  title: string
  intro?: string | null
  code?: string | null
  ownerUnit: unknown
  opensAt: string
  closesAt: string
  quotaPerCommune?: number | null
  askAgeBand?: boolean | null
  questions?: SurveyQuestion[] | null
  sampleElement?: unknown
  awareElement?: unknown
}

/** The values a question accepts, in order (a yes/no and a scale have fixed ones). */
export function optionsOf(q: SurveyQuestion): SurveyOption[] {
  if (q.kind === QuestionKind.YesNo)
    return yesNoAnswers.values.map((value) => ({ value, label: yesNoAnswers.label(value) }))
  if (q.kind === QuestionKind.Scale) return SCALE_VALUES.map((value) => ({ value, label: value }))
  return q.options ?? []
}

/** A question's positive answer: yes, or 4-5 on the scale (the top two boxes). */
export function isPositive(q: SurveyQuestion, answer: string | string[] | null | undefined) {
  if (answer == null || Array.isArray(answer)) return false
  if (q.kind === QuestionKind.YesNo) return answer === YES
  if (q.kind === QuestionKind.Scale) return Number(answer) >= 4
  return false
}

/** Whether a respondent counts as knowing and able to use the services (null: the survey asks no such question). */
export function isAware(questions: readonly SurveyQuestion[], answers: FormValues): boolean | null {
  const asked = questions.filter((q) => q.countsAsAware)
  if (!asked.length) return null
  return asked.every((q) => isPositive(q, answers[q.key]))
}

/** The form's input rules (src/publicForms/guard.ts): the commune, the age band if asked, each question. */
export function surveySpec(survey: SurveyDoc, communeIds: readonly string[]): FormSpec {
  const spec: FormSpec = {
    commune: {
      label: 'Xã, phường nơi bạn sống',
      values: [...communeIds, ELSEWHERE],
      required: true,
    },
  }
  if (survey.askAgeBand !== false) spec.ageBand = { label: 'Độ tuổi', values: ageBands.values }
  for (const q of survey.questions ?? []) {
    const field: ChoiceField = {
      label: q.text,
      values: optionsOf(q).map((o) => o.value),
      required: q.required !== false,
      multiple: q.kind === QuestionKind.Multiple,
    }
    spec[`q_${q.key}`] = field
  }
  return spec
}

/** The questions' answers out of the checked form values (`q_<key>` → key). */
export const answersOf = (survey: SurveyDoc, values: FormValues): FormValues =>
  Object.fromEntries((survey.questions ?? []).map((q) => [q.key, values[`q_${q.key}`] ?? null]))
