import { ValidationError, type CollectionBeforeChangeHook } from 'payload'
import { IndicatorKind, OperandSource } from '@/vocabulary'

type Side =
  { source?: string | null; element?: unknown; measure?: string | null } | null | undefined

/** Each side names what it reads; a share or a rate needs a denominator, and one target per plan, kind and year. */
export const checkIndicator: CollectionBeforeChangeHook = ({ data, collection }) => {
  const errors: { path: string; message: string }[] = []
  const side = (name: 'numerator' | 'denominator', required: boolean) => {
    const s = data[name] as Side
    const rollup = s?.source === OperandSource.Rollup
    if (rollup ? !s?.measure : !s?.element) {
      if (required || s?.measure || s?.element)
        errors.push({
          path: `${name}.${rollup ? 'measure' : 'element'}`,
          message: rollup ? 'Hãy chọn chỉ số tổng hợp.' : 'Hãy chọn trường số liệu nhập.',
        })
    }
  }
  side('numerator', true)
  side('denominator', data.kind !== IndicatorKind.Count)
  const seen = new Set<string>()
  ;(
    (data.targets ?? []) as { campaign?: unknown; unitKind?: string | null; year?: number }[]
  ).forEach((t, i) => {
    const key = `${JSON.stringify(t.campaign)}|${t.unitKind ?? ''}|${t.year}`
    if (seen.has(key))
      errors.push({
        path: `targets.${i}.year`,
        message: `Năm ${t.year} đã có chỉ tiêu cho kế hoạch và loại đơn vị này.`,
      })
    seen.add(key)
  })
  if (errors.length) throw new ValidationError({ collection: collection.slug, errors })
  return data
}
