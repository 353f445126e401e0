/**
 * Short public surveys (issue 23, item 2) through the real router on loopback and the Local API:
 * open only between opening and closing, one device counted once, the quota per commune, the form's
 * input rules, a thousand answers from one address throttled, rows that hold nothing personal, the
 * results and the anonymous responses read back with SheetJS (not exceljs, which wrote them), and
 * the feed into the units' indicator forms of the survey's year, added up the unit tree.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { createLocalReq, type Payload } from 'payload'
import * as XLSX from 'xlsx'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { refusalPage } from '@/publicForms/page'
import { publicFormLimiter } from '@/security/rateLimits'
import { applySurvey } from '@/surveys/apply'
import { responsesCsv, responsesXlsx, responseTable } from '@/surveys/files'
import { loadResponses, unitNames } from '@/surveys/load'
import { surveyRouter } from '@/surveys/router'
import { tally } from '@/surveys/results'
import type { SurveyDoc } from '@/surveys/questions'
import { STANDARD_QUESTIONS } from '../../scripts/seed-data/surveys'
import { formPhone } from '../helpers/phone'
import { createUnit, createUser } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'

process.env.RATE_LIMIT_PUBLIC_FORM = '40'

let payload: Payload
let server: http.Server
let base: string
let organiser: string
const t: Record<string, string> = {}
const HOUR = 3_600_000

async function survey(
  title: string,
  opensIn: number,
  hours = 48,
  extra: Record<string, unknown> = {},
) {
  return (await payload.create({
    collection: 'surveys',
    data: {
      title,
      opensAt: new Date(Date.now() + opensIn).toISOString(),
      closesAt: new Date(Date.now() + opensIn + hours * HOUR).toISOString(),
      ownerUnit: organiser,
      questions: STANDARD_QUESTIONS,
      ...extra,
    } as never,
    overrideAccess: true,
  })) as unknown as SurveyDoc & { code: string }
}

/** One phone: keeps the cookie the server gives it, from its own address. */
const phone = (address: string) => formPhone(() => base, '/khao-sat', address)

/** The standard survey's answers: yes/no to its four questions, in order. */
const answer = (commune: string, yes: [boolean, boolean, boolean, boolean], age?: string) =>
  new URLSearchParams({
    commune,
    ...(age ? { ageBand: age } : {}),
    ...Object.fromEntries(
      STANDARD_QUESTIONS.map((q, i) => [`q_${q.key}`, yes[i] ? 'co' : 'khong']),
    ),
  }).toString()

let addressSeq = 1
const nextAddress = () => `203.0.113.${addressSeq++}`
const count = (where: object) =>
  payload
    .count({ collection: 'survey-responses', where: where as never, overrideAccess: true })
    .then((r) => r.totalDocs)

beforeAll(async () => {
  payload = await testPayload()
  const unit = async (key: string, kind: string, parent?: string) => {
    const u = await createUnit(payload, `Đơn vị ${key} (khảo sát)`, kind)
    if (parent)
      await payload.update({
        collection: 'units',
        id: u.id,
        data: { parents: [{ parent }] } as never,
        overrideAccess: true,
      })
    t[key] = String(u.id)
  }
  await unit('P', 'province')
  await unit('S', 'dic', t.P)
  await unit('D1', 'district', t.P)
  await unit('D2', 'district', t.P)
  await unit('C1a', 'commune', t.D1)
  await unit('C1b', 'commune', t.D1)
  await unit('C2a', 'commune', t.D2)
  // Straight under the province, as communes are since the 2025 two-tier reform.
  await unit('C3', 'commune', t.P)
  organiser = t.S
  const app = express()
  app.set('trust proxy', 'loopback')
  app.use('/khao-sat', surveyRouter(payload, { limiter: publicFormLimiter(refusalPage) }))
  server = http.createServer(app)
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise((r) => server.close(r))
})

describe('answering a survey', () => {
  it('serves a small Vietnamese form without scripts that says what it collects', async () => {
    const s = await survey('Khảo sát mở', -HOUR)
    const page = await phone(nextAddress()).get(s.code)
    expect(page.status).toBe(200)
    expect(page.text).toContain('<html lang="vi">')
    expect(page.text).not.toMatch(/<script/i)
    expect(Buffer.byteLength(page.text)).toBeLessThan(50 * 1024)
    expect(page.text).toContain('Chúng tôi thu thập gì, để làm gì?')
    expect(page.text).toContain('Cổng Dịch vụ công quốc gia')
    expect(page.text).toContain('Đơn vị C1a (khảo sát)')
  })

  it('refuses an answer before the opening and after the closing, saving nothing', async () => {
    const early = await survey('Khảo sát tuần sau', 7 * 24 * HOUR)
    const late = await survey('Khảo sát tháng trước', -40 * 24 * HOUR, 24)
    const p = phone(nextAddress())
    const before = await p.post(early.code, answer(t.C1a, [true, true, true, true]))
    expect(before.status).toBe(403)
    expect(before.text).toContain('Khảo sát chưa mở')
    const after = await p.post(late.code, answer(t.C1a, [true, true, true, true]))
    expect(after.status).toBe(403)
    expect(after.text).toContain('Khảo sát đã kết thúc')
    expect((await p.get(late.code)).text).toContain('Khảo sát đã kết thúc')
    expect(await count({ survey: { in: [early.id, late.id] } })).toBe(0)
  })

  it('counts one device once, and stores the answers and who knows and can use the services', async () => {
    const s = await survey('Khảo sát một máy một phiếu', -HOUR)
    const one = phone(nextAddress())
    expect((await one.post(s.code, answer(t.C1a, [true, true, false, true], '25-39'))).status).toBe(
      201,
    )
    const again = await one.post(s.code, answer(t.C1b, [false, false, false, false]))
    expect(again.status).toBe(200)
    expect(again.text).toContain('Điện thoại này đã gửi phiếu khảo sát này')
    expect((await one.get(s.code)).text).toContain('Điện thoại này đã gửi phiếu khảo sát này')
    expect(
      (await phone(nextAddress()).post(s.code, answer(t.C1b, [true, false, true, true]))).status,
    ).toBe(201)
    const rows = await loadResponses(payload, s.id)
    expect(rows.map((r) => [r.commune, r.ageBand, r.aware])).toEqual([
      [t.C1a, '25-39', true],
      [t.C1b, null, false],
    ])
    expect(rows[0].answers).toEqual({
      'biet-cong-dvc': 'co',
      'da-dung-dvc-12-thang': 'co',
      'vneid-muc-2': 'khong',
      'bao-lua-dao': 'co',
    })
  })

  it('refuses other fields, unknown values, markup and other body types, saving nothing', async () => {
    const s = await survey('Khảo sát kiểm tra đầu vào', -HOUR)
    const p = phone(nextAddress())
    const extra = await p.post(
      s.code,
      `${answer(t.C1a, [true, true, true, true])}&hoTen=Nguyen+Van+A`,
    )
    expect(extra.status).toBe(400)
    expect(extra.text).toContain('Biểu mẫu có trường không được nhận: hoTen.')
    const bad = await p.post(
      s.code,
      answer(t.C1a, [true, true, true, true]).replace(
        'q_vneid-muc-2=co',
        'q_vneid-muc-2=%3Cscript%3E',
      ),
    )
    expect(bad.status).toBe(400)
    expect(bad.text).toContain('không được chứa mã, thẻ HTML hay đường dẫn')
    const json = await p.post(s.code, JSON.stringify({ commune: t.C1a }), 'application/json')
    expect(json.status).toBe(415)
    const big = await p.post(
      s.code,
      `${answer(t.C1a, [true, true, true, true])}&x=${'a'.repeat(5000)}`,
    )
    expect(big.status).toBe(413)
    expect(big.text).toContain('quá lớn')
    expect(await count({ survey: { equals: s.id } })).toBe(0)
  })

  it('closes a commune at its quota, and still takes the others', async () => {
    const s = await survey('Khảo sát có hạn mức', -HOUR, 48, { quotaPerCommune: 2 })
    for (let i = 0; i < 2; i++)
      expect(
        (await phone(nextAddress()).post(s.code, answer(t.C1a, [true, true, true, true]))).status,
      ).toBe(201)
    const full = await phone(nextAddress()).post(s.code, answer(t.C1a, [true, true, true, true]))
    expect(full.status).toBe(409)
    expect(full.text).toContain('Đơn vị C1a (khảo sát) đã đủ số phiếu khảo sát (2 phiếu)')
    expect(
      (await phone(nextAddress()).post(s.code, answer(t.C1b, [true, true, true, true]))).status,
    ).toBe(201)
    expect(await count({ survey: { equals: s.id } })).toBe(3)
  })

  it('throttles a thousand answers from one address with a Vietnamese message', async () => {
    const s = await survey('Khảo sát bị dội phiếu', -HOUR)
    const address = nextAddress()
    const statuses: number[] = []
    let refusal = ''
    for (let i = 0; i < 1000; i++) {
      // A new device each time (no cookie kept): only the address limit stops it.
      const res = await phone(address).post(s.code, answer(t.C1a, [true, false, true, false]))
      statuses.push(res.status)
      if (res.status === 429 && !refusal) refusal = res.text
    }
    expect(statuses.filter((x) => x === 201)).toHaveLength(40)
    expect(statuses.filter((x) => x === 429)).toHaveLength(960)
    expect(refusal).toContain('Vui lòng thử lại sau')
    expect(await count({ survey: { equals: s.id } })).toBe(40)
  })

  it('keeps nothing personal in a row: no address, no cookie id, only the keyed device hash', async () => {
    const s = await survey('Khảo sát riêng tư', -HOUR)
    const address = nextAddress()
    const p = phone(address)
    await p.post(s.code, answer(t.C2a, [true, true, true, true], '40-59'))
    const { docs } = await payload.find({
      collection: 'survey-responses',
      where: { survey: { equals: s.id } },
      overrideAccess: true,
      depth: 0,
      showHiddenFields: true,
    })
    expect(docs).toHaveLength(1)
    expect(Object.keys(docs[0]).sort()).toEqual(
      [
        'aware',
        'ageBand',
        'answers',
        'commune',
        'createdAt',
        'deviceKey',
        'id',
        'ownerUnit',
        'survey',
        'updatedAt',
      ].sort(),
    )
    const stored = JSON.stringify(docs[0])
    expect(stored).not.toContain(address)
    expect(stored).not.toContain('127.0.0.1')
    expect(docs[0].deviceKey).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })
})

describe('the results', () => {
  let s: SurveyDoc & { code: string }
  beforeAll(async () => {
    s = await survey('Khảo sát kết quả', -HOUR)
    // C1a: 3 answers, 2 aware; C1b: 2 answers, 1 aware; C2a: 4, 1; elsewhere: 1, aware.
    const plan: [string, boolean, boolean][] = [
      [t.C1a, true, true],
      [t.C1a, true, true],
      [t.C1a, true, false],
      [t.C1b, true, true],
      [t.C1b, false, true],
      [t.C2a, true, true],
      [t.C2a, false, false],
      [t.C2a, true, false],
      [t.C2a, false, true],
      ['khac', true, true],
    ]
    for (const [commune, knows, used] of plan)
      expect(
        (await phone(nextAddress()).post(s.code, answer(commune, [knows, used, true, false])))
          .status,
      ).toBe(201)
  })

  it('gives the shares with their margins per commune, as worked out by hand', async () => {
    const rows = await loadResponses(payload, s.id)
    const r = tally(
      s,
      rows,
      await unitNames(
        payload,
        rows.map((x) => x.commune),
      ),
    )
    expect([r.sample, r.aware]).toEqual([10, 5])
    expect(r.moe).toBeCloseTo(1.96 * Math.sqrt(0.25 / 10), 10) // 0.3099
    const c1a = r.communes.find((c) => c.commune === t.C1a)!
    expect([c1a.sample, c1a.aware]).toEqual([3, 2])
    // 1.96 × √((2/3)(1/3)/3) = 1.96 × 0.2721655 = 0.5334444
    expect(c1a.moe).toBeCloseTo(0.533444, 5)
    expect(r.communes.find((c) => c.commune === null)!.name).toBe('Nơi khác')
  })

  it('exports the anonymous responses as XLSX and CSV, read back with SheetJS', async () => {
    const rows = await loadResponses(payload, s.id)
    const table = responseTable(
      s,
      rows,
      await unitNames(
        payload,
        rows.map((x) => x.commune),
      ),
    )
    const book = XLSX.read(await responsesXlsx(s.title, table), { type: 'buffer' })
    const sheet = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['Phiếu trả lời'], { header: 1 })
    expect(sheet).toHaveLength(11)
    expect(sheet[0]).toContain(
      'Câu 1. Bạn có biết Cổng Dịch vụ công quốc gia (dichvucong.gov.vn) không?',
    )
    expect(sheet[1].slice(2, 5)).toEqual(['Đơn vị C1a (khảo sát)', '', 'Có'])
    expect(sheet.slice(1).filter((row) => row[8] === 'Có')).toHaveLength(5)
    const csv = XLSX.read(responsesCsv(table).replace(/^\uFEFF/, ''), { type: 'string', raw: true })
    const csvRows = XLSX.utils.sheet_to_json<unknown[]>(csv.Sheets[csv.SheetNames[0]], {
      header: 1,
    })
    expect(csvRows).toHaveLength(11)
    expect(csvRows[10][2]).toBe('Nơi khác')
    expect(JSON.stringify(sheet)).not.toMatch(/deviceKey|203\.0\.113/)
  })

  it('feeds the indicator forms of its year, added up to the units that report the survey elements', async () => {
    const el = async (code: string, extra: Record<string, unknown> = {}) =>
      String(
        (
          await payload.create({
            collection: 'data-elements',
            overrideAccess: true,
            data: { code, name: code, unitKinds: ['district'], survey: true, ...extra } as never,
          })
        ).id,
      )
    const sample = await el('ks-mau')
    const aware = await el('ks-biet', { partOf: sample })
    await payload.update({
      collection: 'surveys',
      id: s.id,
      data: { sampleElement: sample, awareElement: aware } as never,
      overrideAccess: true,
    })
    const year = Number(
      new Date(new Date(s.closesAt).getTime() + 7 * HOUR).toISOString().slice(0, 4),
    )
    // D2's form is already submitted: left as it is, and said.
    await payload.create({
      collection: 'indicator-reports',
      overrideAccess: true,
      data: { ownerUnit: t.D2, year, status: 'submitted', values: [] } as never,
    })
    const manager = await createUser(payload, 'campaign-manager', t.S)
    const req = await createLocalReq({ user: manager as never }, payload)
    const fresh = (await payload.findByID({
      collection: 'surveys',
      id: s.id,
      depth: 0,
      overrideAccess: true,
    })) as unknown as SurveyDoc
    const applied = await applySurvey(req, fresh)
    expect(applied.year).toBe(year)
    expect(applied.written).toEqual([
      { unit: t.D1, name: 'Đơn vị D1 (khảo sát)', sample: 5, aware: 3 },
    ])
    expect(applied.skipped.map((x) => [x.unit, x.reason])).toEqual([
      [null, '1 phiếu ngoài tỉnh, không thuộc đơn vị nào.'],
      [
        t.D2,
        expect.stringContaining(`Biểu mẫu năm ${year} đang ở trạng thái "Đã nộp, chờ xem xét"`),
      ],
    ])
    const { docs } = await payload.find({
      collection: 'indicator-reports',
      where: { and: [{ ownerUnit: { equals: t.D1 } }, { year: { equals: year } }] },
      overrideAccess: true,
      depth: 0,
    })
    expect(docs[0].status).toBe('draft')
    expect(docs[0].values!.map((v) => [v.element, v.value])).toEqual([
      [sample, 5],
      [aware, 3],
    ])
    expect(docs[0].surveyMethod).toContain('Khảo sát trực tuyến "Khảo sát kết quả" (10 phiếu')
    // A commune straight under the province (the 2025 two-tier tree): no unit of its line reports
    // district-only elements, and the manager is told what to change.
    expect(
      (await phone(nextAddress()).post(s.code, answer(t.C3, [true, true, true, true]))).status,
    ).toBe(201)
    const lonely = await applySurvey(req, fresh)
    expect(lonely.skipped.find((x) => x.unit === t.C3)?.reason).toMatch(
      /^Đơn vị này và các đơn vị cấp trên của nó ngày \d{2}\/\d{2}\/\d{4} không báo cáo các trường này: chúng chỉ dành cho UBND cấp huyện\. Thêm loại "UBND cấp xã" vào hai trường/,
    )
    // Fed again (more answers came): replaced, not added.
    await applySurvey(req, fresh)
    const again = await payload.findByID({
      collection: 'indicator-reports',
      id: docs[0].id,
      overrideAccess: true,
      depth: 0,
    })
    expect(again.values).toHaveLength(2)
  })
})
