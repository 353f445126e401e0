/**
 * The awareness indicators of the Tây Ninh plan (1155/QĐ-UBND, seed 000, which carries out Decision
 * 146/QĐ-TTg, seed 003, and whose targets the other provinces repeat, seeds 002 and 004), their data
 * elements and targets, and the demo units' entered values for 2022-2026: accepted up to 2025; in
 * 2026 submitted, except UBND huyện Dương Minh Châu still drafting after the deadline (late) and UBND
 * xã Tân Lập with nothing entered. Some values are left empty (missing is not zero). Idempotent:
 * elements and indicators are found by code, forms by unit and year.
 */
import type { Payload } from 'payload'
import { rebuildAllFacts } from '@/reporting/indicators/facts'
import type { UnitKind } from '@/vocabulary'

type ElementSeed = {
  code: string
  name: string
  nameEn: string
  unitKinds: UnitKind[]
  partOf?: string
  survey?: boolean
}

const STAFF: UnitKind[] = ['dic', 'department', 'district', 'commune']
const AGENCIES: UnitKind[] = ['dic', 'department', 'district']

export const ELEMENTS: ElementSeed[] = [
  {
    code: 'can-bo-tong-so',
    name: 'Tổng số cán bộ lãnh đạo, công chức, viên chức, người lao động',
    nameEn: 'Leaders, officials, public employees and workers (headcount)',
    unitKinds: STAFF,
  },
  {
    code: 'can-bo-cap-nhat',
    name: 'Số được đào tạo, bồi dưỡng, cập nhật kiến thức CĐS trong năm',
    nameEn: 'Of them trained or updated on DX this year',
    unitKinds: STAFF,
    partOf: 'can-bo-tong-so',
  },
  {
    code: 'chuyen-trach-tong-so',
    name: 'Số cán bộ chuyên trách CĐS, CNTT',
    nameEn: 'Dedicated DX/IT staff',
    unitKinds: AGENCIES,
  },
  {
    code: 'chuyen-trach-dao-tao',
    name: 'Số cán bộ chuyên trách được đào tạo trong năm',
    nameEn: 'Of them trained this year',
    unitKinds: AGENCIES,
    partOf: 'chuyen-trach-tong-so',
  },
  {
    code: 'chuyen-trach-danh-gia',
    name: 'Số được đánh giá trên Hệ thống sát hạch chuẩn kỹ năng số quốc gia',
    nameEn: 'Of them assessed on the national digital-skills system',
    unitKinds: AGENCIES,
    partOf: 'chuyen-trach-dao-tao',
  },
  {
    code: 'dan-so-lao-dong',
    name: 'Dân số trong độ tuổi lao động',
    nameEn: 'Working-age population',
    unitKinds: ['district'],
  },
  {
    code: 'khao-sat-mau',
    name: 'Số người được khảo sát',
    nameEn: 'Survey sample',
    unitKinds: ['district'],
    survey: true,
  },
  {
    code: 'khao-sat-biet-dvc',
    name: 'Số người biết và sử dụng được dịch vụ công trực tuyến, dịch vụ số thiết yếu',
    nameEn: 'Respondents who know and can use online public services',
    unitKinds: ['district'],
    partOf: 'khao-sat-mau',
    survey: true,
  },
  {
    code: 'xa-tong-so',
    name: 'Số xã, phường, thị trấn',
    nameEn: 'Communes',
    unitKinds: ['district'],
  },
  {
    code: 'xa-mang-luoi',
    name: 'Số xã có mạng lưới CĐS, tổ công nghệ số cộng đồng',
    nameEn: 'Communes with a DX network or community digital technology team',
    unitKinds: ['district'],
    partOf: 'xa-tong-so',
  },
  {
    code: 'to-cns-thanh-vien',
    name: 'Số thành viên tổ công nghệ số cộng đồng',
    nameEn: 'Members of community digital technology teams',
    unitKinds: ['district', 'commune'],
  },
  {
    code: 'truong-tong-so',
    name: 'Số trường phổ thông (tiểu học đến THPT)',
    nameEn: 'Schools (primary to upper secondary)',
    unitKinds: ['department', 'district'],
  },
  {
    code: 'truong-stem',
    name: 'Số trường có hoạt động STEM/STEAM, kỹ năng số',
    nameEn: 'Schools with STEM/STEAM and digital-skills activities',
    unitKinds: ['department', 'district'],
    partOf: 'truong-tong-so',
  },
  {
    code: 'co-quan-tong-so',
    name: 'Số cơ quan, đơn vị trực thuộc',
    nameEn: 'State agencies',
    unitKinds: AGENCIES,
  },
  {
    code: 'co-quan-ke-hoach',
    name: 'Số cơ quan có kế hoạch tuyên truyền, đào tạo CĐS hằng năm',
    nameEn: 'Agencies with a yearly DX awareness/training plan',
    unitKinds: AGENCIES,
    partOf: 'co-quan-tong-so',
  },
]

const REF_146 = 'QĐ 146/QĐ-TTg, Mục tiêu đến năm 2025 (KH 1155/QĐ-UBND tỉnh Tây Ninh thực hiện)'
type Side = { source: 'element'; element: string } | { source: 'rollup'; measure: string }
type IndicatorSeed = {
  code: string
  name: string
  nameEn: string
  kind: 'percentage' | 'count'
  numerator: Side
  denominator?: Side
  weight?: string
  unitKinds: UnitKind[]
  seedRef: string
  targets: { year: number; value: number; unitKind?: UnitKind }[]
}
const el = (element: string): Side => ({ source: 'element', element })
const yearly = (value: number) => [2022, 2023, 2024, 2025, 2030].map((year) => ({ year, value }))

export const INDICATORS: IndicatorSeed[] = [
  {
    code: 'CB-CAPNHAT',
    name: 'Tỷ lệ cán bộ, công chức, viên chức, người lao động được cập nhật kiến thức CĐS hằng năm',
    nameEn: 'Officials updated on DX every year',
    kind: 'percentage',
    numerator: el('can-bo-cap-nhat'),
    denominator: el('can-bo-tong-so'),
    unitKinds: STAFF,
    seedRef: REF_146,
    targets: yearly(100),
  },
  {
    code: 'CB-CHUYENTRACH',
    name: 'Tỷ lệ cán bộ chuyên trách CĐS, CNTT được đào tạo và đánh giá trên hệ thống quốc gia',
    nameEn: 'Dedicated DX/IT staff trained and assessed',
    kind: 'percentage',
    numerator: el('chuyen-trach-danh-gia'),
    denominator: el('chuyen-trach-tong-so'),
    unitKinds: AGENCIES,
    seedRef: REF_146,
    targets: yearly(100),
  },
  {
    code: 'CB-DAOTAO',
    name: 'Tỷ lệ công chức được bồi dưỡng ngắn hạn về CĐS (học viên các khóa ÷ biên chế)',
    nameEn: 'Officials short-trained (course trainees ÷ headcount)',
    kind: 'percentage',
    numerator: { source: 'rollup', measure: 'trainees-programme-civil-servants' },
    denominator: el('can-bo-tong-so'),
    unitKinds: ['department', 'district'],
    seedRef: 'KH Bến Tre (seed 001): trên 80% công chức được bồi dưỡng ngắn hạn',
    targets: [
      { year: 2022, value: 20 },
      { year: 2025, value: 80 },
    ],
  },
  {
    code: 'DAN-DVCTT',
    name: 'Tỷ lệ người dân trong độ tuổi lao động biết và sử dụng dịch vụ công trực tuyến, dịch vụ số thiết yếu',
    nameEn: 'Working-age citizens who know and can use online public services',
    kind: 'percentage',
    numerator: el('khao-sat-biet-dvc'),
    denominator: el('khao-sat-mau'),
    weight: 'dan-so-lao-dong',
    unitKinds: ['district'],
    seedRef: REF_146,
    targets: [
      { year: 2025, value: 70 },
      { year: 2030, value: 90 },
    ],
  },
  {
    code: 'XA-MANGLUOI',
    name: 'Tỷ lệ xã, phường, thị trấn có mạng lưới CĐS, tổ công nghệ số cộng đồng',
    nameEn: 'Communes with a DX network',
    kind: 'percentage',
    numerator: el('xa-mang-luoi'),
    denominator: el('xa-tong-so'),
    unitKinds: ['district'],
    seedRef: REF_146,
    targets: [
      { year: 2022, value: 50 },
      { year: 2025, value: 80 },
      { year: 2030, value: 100 },
    ],
  },
  {
    code: 'TO-CNS',
    name: 'Thành viên tổ công nghệ số cộng đồng',
    nameEn: 'Members of community digital technology teams',
    kind: 'count',
    numerator: el('to-cns-thanh-vien'),
    unitKinds: ['district', 'commune'],
    seedRef: REF_146,
    targets: [],
  },
  {
    code: 'TRUONG-STEM',
    name: 'Tỷ lệ trường phổ thông có hoạt động STEM/STEAM, kỹ năng số',
    nameEn: 'Schools with STEM/STEAM activities',
    kind: 'percentage',
    numerator: el('truong-stem'),
    denominator: el('truong-tong-so'),
    unitKinds: ['department', 'district'],
    seedRef: REF_146,
    targets: [
      { year: 2022, value: 20 },
      { year: 2025, value: 50 },
      { year: 2030, value: 80 },
    ],
  },
  {
    code: 'CQ-KEHOACH',
    name: 'Tỷ lệ cơ quan có kế hoạch tuyên truyền, đào tạo CĐS hằng năm',
    nameEn: 'Agencies with a DX awareness and training plan',
    kind: 'percentage',
    numerator: el('co-quan-ke-hoach'),
    denominator: el('co-quan-tong-so'),
    unitKinds: AGENCIES,
    seedRef: REF_146,
    targets: yearly(100),
  },
]

export const INDICATOR_YEARS = [2022, 2023, 2024, 2025, 2026]
/** Late in 2026: still a draft after the units' deadline. */
export const LATE_UNIT = 'UBND huyện Dương Minh Châu'
/** Nothing entered in 2026. */
export const SILENT_UNIT = 'UBND xã Tân Lập'

/** A unit's value of an element in a year: a stable made-up figure that grows towards the targets. */
function demoValues(
  unitIndex: number,
  kind: UnitKind,
  year: number,
): Record<string, number | null> {
  const step = year - 2022
  const wobble = (k: number) => ((unitIndex * 37 + k * 11 + year) % 7) - 3
  const share = (from: number, to: number, k: number) =>
    Math.max(0, Math.min(1, from + ((to - from) * step) / 4 + wobble(k) / 100))
  const headcount =
    kind === 'commune'
      ? 22 + unitIndex
      : kind === 'district'
        ? 180 + 15 * unitIndex
        : 90 + 7 * unitIndex
  const v: Record<string, number | null> = {
    'can-bo-tong-so': headcount,
    'can-bo-cap-nhat': Math.round(headcount * share(0.62, 0.97, 1)),
  }
  if (kind !== 'commune') {
    const staff = 3 + (unitIndex % 4)
    const trained = Math.round(staff * share(0.6, 1, 2))
    Object.assign(v, {
      'chuyen-trach-tong-so': staff,
      'chuyen-trach-dao-tao': trained,
      'chuyen-trach-danh-gia': Math.round(trained * share(0.3, 0.95, 3)),
      'co-quan-tong-so': 4 + (unitIndex % 5),
    })
    v['co-quan-ke-hoach'] = Math.round(v['co-quan-tong-so']! * share(0.7, 1, 4))
  }
  if (kind === 'district' || kind === 'department') {
    const schools = kind === 'district' ? 35 + 4 * unitIndex : 12
    Object.assign(v, {
      'truong-tong-so': schools,
      'truong-stem': Math.round(schools * share(0.18, 0.55, 5)),
    })
  }
  if (kind === 'district') {
    const communes = 8 + (unitIndex % 6)
    const sample = 300 + 20 * (unitIndex % 5)
    Object.assign(v, {
      'dan-so-lao-dong': 60_000 + 9_000 * unitIndex,
      'khao-sat-mau': sample,
      'khao-sat-biet-dvc': Math.round(sample * share(0.38, 0.72, 6)),
      'xa-tong-so': communes,
      'xa-mang-luoi': Math.round(communes * share(0.5, 0.9, 7)),
      'to-cns-thanh-vien': communes * (4 + step),
    })
  }
  if (kind === 'commune') v['to-cns-thanh-vien'] = 5 + step
  return v
}

/** Values some units left empty: a survey not run, a headcount not yet confirmed. */
const MISSING: { unit: string; year: number; codes: string[] }[] = [
  {
    unit: 'UBND huyện Tân Biên',
    year: 2023,
    codes: ['khao-sat-mau', 'khao-sat-biet-dvc', 'dan-so-lao-dong'],
  },
  { unit: 'Sở Tài chính', year: 2024, codes: ['can-bo-cap-nhat'] },
  { unit: 'UBND thị xã Hòa Thành', year: 2026, codes: ['truong-stem'] },
  { unit: 'UBND xã Thạnh Tân', year: 2022, codes: ['can-bo-tong-so', 'can-bo-cap-nhat'] },
]

const find = async (payload: Payload, collection: 'data-elements' | 'indicators', code: string) =>
  (
    await payload.find({
      collection,
      where: { code: { equals: code } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
  ).docs[0] as { id: string } | undefined

/** The catalogue, the targets on the Tây Ninh plan (the campaign named `planName`) and the demo units' values. */
export async function seedIndicators(payload: Payload, planName: string) {
  const plan = await payload.find({
    collection: 'campaigns',
    where: { name: { equals: planName } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const campaign = plan.docs[0] ? String(plan.docs[0].id) : null
  let created = 0
  const ids = new Map<string, string>()
  for (const e of ELEMENTS) {
    const found = await find(payload, 'data-elements', e.code)
    const id =
      found?.id ??
      String(
        (
          await payload.create({
            collection: 'data-elements',
            overrideAccess: true,
            data: {
              ...e,
              partOf: e.partOf ? ids.get(e.partOf) : undefined,
              sortOrder: ELEMENTS.indexOf(e),
            },
          })
        ).id,
      )
    if (!found) created++
    ids.set(e.code, id)
  }
  const side = (s: Side | undefined) =>
    s ? (s.source === 'element' ? { source: s.source, element: ids.get(s.element) } : s) : undefined
  let newIndicators = 0
  for (const ind of INDICATORS) {
    if (await find(payload, 'indicators', ind.code)) continue
    await payload.create({
      collection: 'indicators',
      overrideAccess: true,
      context: { skipFactRebuild: true },
      data: {
        ...ind,
        numerator: side(ind.numerator),
        denominator: side(ind.denominator),
        weight: ind.weight ? ids.get(ind.weight) : undefined,
        sortOrder: INDICATORS.indexOf(ind),
        decimals: 1,
        targets: campaign ? ind.targets.map((t) => ({ ...t, campaign })) : [],
      } as never,
    })
    newIndicators++
  }
  created += newIndicators

  const units = await payload.find({
    collection: 'units',
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    sort: 'name',
    select: { name: true, kind: true },
  })
  const reviewer = (
    await payload.find({
      collection: 'users',
      where: { role: { equals: 'campaign-manager' } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
  ).docs[0]
  const reporting = units.docs.filter((u) => STAFF.includes(u.kind as UnitKind))
  for (const [index, unit] of reporting.entries()) {
    for (const year of INDICATOR_YEARS) {
      if (year === 2026 && unit.name === SILENT_UNIT) continue
      const exists = await payload.count({
        collection: 'indicator-reports',
        where: { and: [{ ownerUnit: { equals: unit.id } }, { year: { equals: year } }] },
        overrideAccess: true,
      })
      if (exists.totalDocs) continue
      const values = demoValues(index, unit.kind as UnitKind, year)
      for (const m of MISSING)
        if (m.unit === unit.name && m.year === year) for (const c of m.codes) values[c] = null
      const late = year === 2026 && unit.name === LATE_UNIT
      const survey = values['khao-sat-mau'] != null
      const form = await payload.create({
        collection: 'indicator-reports',
        overrideAccess: true,
        data: {
          ownerUnit: unit.id,
          year,
          status: late ? 'draft' : 'submitted',
          values: Object.entries(values).map(([code, value]) => ({
            element: ids.get(code)!,
            value,
          })),
          ...(survey
            ? {
                surveyMethod:
                  'Phiếu khảo sát ngẫu nhiên hộ gia đình, Phòng Văn hóa - Thông tin thực hiện',
                surveyDate: `${year}-10-15T00:00:00.000+07:00`,
              }
            : {}),
        } as never,
      })
      // Up to 2025 Sở TT&TT has accepted them; 2026's wait for review. Written as history straight
      // through the adapter (the workflow's hooks would save the whole form again: the seed runs on
      // every start).
      if (year < 2026 && reviewer)
        await payload.db.updateOne({
          collection: 'indicator-reports',
          id: form.id,
          data: {
            status: 'accepted',
            reviewedAt: `${year}-12-10T09:00:00.000+07:00`,
            reviewedBy: reviewer.id,
          },
        })
      created++
    }
  }
  // New indicators over forms that already existed: their facts follow.
  if (newIndicators) await rebuildAllFacts(payload)
  return created
}
