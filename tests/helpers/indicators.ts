/**
 * A small indicator catalogue and a three-level unit tree for the indicator tests, with figures
 * chosen so that Σ numerators ÷ Σ denominators, the mean of the shares and the weighted survey
 * estimate all differ (the hand computations are in tests/int/indicators.test.ts).
 */
import type { Payload } from 'payload'
import { createUnit } from './fixtures'

export type IndicatorTree = Record<string, string>

export async function indicatorCatalogue(payload: Payload, campaign: string) {
  const el = async (
    code: string,
    name: string,
    unitKinds: string[],
    extra: Record<string, unknown> = {},
  ) =>
    String(
      (
        await payload.create({
          collection: 'data-elements',
          overrideAccess: true,
          data: { code, name, unitKinds, ...extra } as never,
        })
      ).id,
    )
  const all = ['district', 'commune', 'department']
  const e: Record<string, string> = {}
  e.headcount = await el('headcount', 'Tổng số cán bộ, công chức, viên chức', all)
  e.updated = await el('updated', 'Số được cập nhật kiến thức CĐS trong năm', all, {
    partOf: e.headcount,
  })
  e.population = await el('population', 'Dân số trong độ tuổi lao động', ['district', 'commune'])
  e.sample = await el('sample', 'Số người được khảo sát', ['district', 'commune'], { survey: true })
  e.respondents = await el(
    'respondents',
    'Số người biết và sử dụng DVC trực tuyến',
    ['district', 'commune'],
    {
      partOf: e.sample,
      survey: true,
    },
  )
  const ind = (data: Record<string, unknown>) =>
    payload.create({ collection: 'indicators', overrideAccess: true, data: data as never })
  await ind({
    code: 'CB-CAPNHAT',
    name: 'Tỷ lệ cán bộ, công chức được cập nhật kiến thức CĐS',
    kind: 'percentage',
    numerator: { source: 'element', element: e.updated },
    denominator: { source: 'element', element: e.headcount },
    unitKinds: all,
    sortOrder: 1,
    targets: [
      { campaign, year: 2022, value: 60 },
      { campaign, year: 2025, value: 100 },
      { campaign, unitKind: 'commune', year: 2022, value: 40 },
      { campaign, unitKind: 'commune', year: 2025, value: 70 },
    ],
  })
  await ind({
    code: 'DAN-DVC',
    name: 'Tỷ lệ người dân trong độ tuổi lao động biết và sử dụng DVC trực tuyến',
    kind: 'percentage',
    numerator: { source: 'element', element: e.respondents },
    denominator: { source: 'element', element: e.sample },
    weight: e.population,
    unitKinds: ['district', 'commune'],
    sortOrder: 2,
    targets: [
      { campaign, year: 2022, value: 40 },
      { campaign, year: 2025, value: 70 },
      { campaign, year: 2030, value: 90 },
    ],
  })
  await ind({
    code: 'CB-DAOTAO',
    name: 'Tỷ lệ công chức được đào tạo ngắn hạn',
    kind: 'percentage',
    numerator: { source: 'rollup', measure: 'trainees' },
    denominator: { source: 'element', element: e.headcount },
    unitKinds: ['department'],
    sortOrder: 3,
    targets: [{ campaign, year: 2025, value: 80 }],
  })
  return e
}

/** Province → districts D1, D2 → communes C1a, C1b (D1), C2a, C2b (D2); department Dep under the province. */
export async function indicatorTree(payload: Payload): Promise<IndicatorTree> {
  const t: IndicatorTree = {}
  const unit = async (key: string, kind: string, parent?: string) => {
    const u = await createUnit(payload, `Đơn vị ${key}`, kind)
    if (parent)
      await payload.update({
        collection: 'units',
        id: u.id,
        // Under it since always: the dated tree (src/units) reads the years before today too.
        data: { parents: [{ parent }] } as never,
        overrideAccess: true,
      })
    t[key] = String(u.id)
  }
  await unit('P', 'province')
  await unit('D1', 'district', t.P)
  await unit('D2', 'district', t.P)
  await unit('C1a', 'commune', t.D1)
  await unit('C1b', 'commune', t.D1)
  await unit('C2a', 'commune', t.D2)
  await unit('C2b', 'commune', t.D2)
  await unit('Dep', 'department', t.P)
  return t
}
