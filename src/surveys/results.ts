import type { FormValues } from '@/publicForms/guard'
import { ageBands } from '@/vocabulary'
import { optionsOf, type SurveyDoc } from './questions'

export type StoredResponse = {
  commune: string | null
  ageBand: string | null
  answers: FormValues
  /** null: the survey asks no "knows and can use" question. */
  aware: boolean | null
}

/**
 * The margin of error at 95 % of a share `p` (0-1) from `n` answers, in the same unit as p:
 * 1.96 × √(p(1−p)/n), the normal approximation the province's survey reports use (simple random
 * sample, no finite-population correction). null for no answers.
 */
export function marginOfError(p: number, n: number): number | null {
  if (n <= 0) return null
  return 1.96 * Math.sqrt((p * (1 - p)) / n)
}

/** A share of a group with its margin: `aware` of `sample` (null share for an empty group). */
export type Share = { sample: number; aware: number; share: number | null; moe: number | null }
const shareOf = (sample: number, aware: number): Share => {
  const share = sample ? aware / sample : null
  return { sample, aware, share, moe: share == null ? null : marginOfError(share, sample) }
}

export type OptionCount = { value: string; label: string; count: number; share: number | null }
export type QuestionResult = { key: string; text: string; answered: number; options: OptionCount[] }
export type CommuneResult = Share & { commune: string | null; name: string }
export type SurveyResults = Share & {
  total: number
  questions: QuestionResult[]
  communes: CommuneResult[]
  ageBands: OptionCount[]
}

/**
 * A survey's results from its stored responses: each question's answers (a multiple-choice
 * respondent counts once per option picked; shares are of those who answered the question), and
 * the share who know and can use the services overall and per commune, each with its margin.
 */
export function tally(
  survey: Pick<SurveyDoc, 'questions'>,
  responses: readonly StoredResponse[],
  communeNames: ReadonlyMap<string, string>,
): SurveyResults {
  const questions = (survey.questions ?? []).map((q): QuestionResult => {
    const counts = new Map<string, number>()
    let answered = 0
    for (const r of responses) {
      const a = r.answers[q.key]
      const picked = Array.isArray(a) ? a : a == null ? [] : [a]
      if (!picked.length) continue
      answered += 1
      for (const v of picked) counts.set(v, (counts.get(v) ?? 0) + 1)
    }
    return {
      key: q.key,
      text: q.text,
      answered,
      options: optionsOf(q).map((o) => {
        const count = counts.get(o.value) ?? 0
        return { ...o, count, share: answered ? count / answered : null }
      }),
    }
  })

  const counted = responses.filter((r) => r.aware != null)
  const byCommune = new Map<string | null, { sample: number; aware: number }>()
  for (const r of counted) {
    const c = byCommune.get(r.commune) ?? { sample: 0, aware: 0 }
    c.sample += 1
    if (r.aware) c.aware += 1
    byCommune.set(r.commune, c)
  }
  const communes = [...byCommune.entries()]
    .map(([commune, c]) => ({
      commune,
      name: commune == null ? 'Nơi khác' : (communeNames.get(commune) ?? `Đơn vị ${commune}`),
      ...shareOf(c.sample, c.aware),
    }))
    .sort((a, b) =>
      a.commune == null ? 1 : b.commune == null ? -1 : a.name.localeCompare(b.name, 'vi'),
    )

  const bands = new Map<string, number>()
  for (const r of responses) if (r.ageBand) bands.set(r.ageBand, (bands.get(r.ageBand) ?? 0) + 1)
  const banded = [...bands.values()].reduce((a, b) => a + b, 0)

  return {
    total: responses.length,
    ...shareOf(counted.length, counted.filter((r) => r.aware).length),
    questions,
    communes,
    ageBands: ageBands.values.map((value) => ({
      value,
      label: ageBands.label(value),
      count: bands.get(value) ?? 0,
      share: banded ? (bands.get(value) ?? 0) / banded : null,
    })),
  }
}
