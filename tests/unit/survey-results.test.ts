/**
 * The survey's arithmetic and input rules (issue 23, item 2), against figures worked out by hand:
 * the margin of error at 95 % (1.96 × √(p(1−p)/n)), the shares overall and per commune, each
 * question's answers, who counts as "knows and can use", and the form's refusals.
 */
import { describe, expect, it } from 'vitest'
import { prepareSurvey } from '../../collections/Surveys/hooks/prepare'
import { checkForm } from '@/publicForms/guard'
import { answersOf, isAware, surveySpec, type SurveyDoc } from '@/surveys/questions'
import { marginOfError, tally, type StoredResponse } from '@/surveys/results'
import { responseTable } from '@/surveys/files'

const survey: SurveyDoc = {
  id: 's1',
  title: 'Khảo sát thử',
  ownerUnit: 'u1',
  opensAt: '2026-12-01T00:00:00.000Z',
  closesAt: '2026-12-31T00:00:00.000Z',
  questions: [
    { key: 'biet', text: 'Biết Cổng DVC?', kind: 'yes-no', countsAsAware: true },
    { key: 'dung', text: 'Đã dùng DVC?', kind: 'scale', countsAsAware: true },
    {
      key: 'kenh',
      text: 'Biết qua kênh nào?',
      kind: 'multiple',
      required: false,
      options: [
        { value: 'loa', label: 'Loa truyền thanh' },
        { value: 'zalo', label: 'Zalo' },
        { value: 'tv', label: 'Truyền hình' },
      ],
    },
  ],
}

const r = (
  commune: string | null,
  biet: string,
  dung: string,
  kenh: string[] = [],
): StoredResponse => {
  const answers = { biet, dung, kenh: kenh.length ? kenh : null }
  return { commune, ageBand: '25-39', answers, aware: isAware(survey.questions!, answers) }
}

// Commune A: 4 answers, 3 aware; commune B: 5 answers, 2 aware; elsewhere: 1, aware. 6 of 10.
const responses = [
  r('A', 'co', '5', ['loa', 'zalo']),
  r('A', 'co', '4', ['zalo']),
  r('A', 'co', '4'),
  r('A', 'co', '3', ['loa']),
  r('B', 'co', '5', ['tv']),
  r('B', 'co', '4'),
  r('B', 'khong', '5', ['loa']),
  r('B', 'co', '2'),
  r('B', 'khong', '1'),
  r(null, 'co', '5', ['zalo', 'tv']),
]
const names = new Map([
  ['A', 'Phường An Tịnh'],
  ['B', 'Xã Bàu Đồn'],
])

describe('the margin of error at 95 %', () => {
  it('is 1.96 × √(p(1−p)/n), and nothing for no answers', () => {
    // 1.96 × √(0.6 × 0.4 / 100) = 1.96 × 0.0489898 = 0.0960200
    expect(marginOfError(0.6, 100)).toBeCloseTo(0.09602, 5)
    // 1.96 × √(0.5 × 0.5 / 400) = 1.96 × 0.025 = 0.049
    expect(marginOfError(0.5, 400)).toBeCloseTo(0.049, 6)
    expect(marginOfError(1, 30)).toBe(0)
    expect(marginOfError(0.5, 0)).toBeNull()
  })
})

describe('a survey tallied', () => {
  const t = tally(survey, responses, names)

  it('gives the share who know and can use the services, overall and per commune, with margins', () => {
    expect(t.total).toBe(10)
    expect({ sample: t.sample, aware: t.aware }).toEqual({ sample: 10, aware: 6 })
    expect(t.share).toBeCloseTo(0.6, 10)
    // 1.96 × √(0.24 / 10) = 1.96 × 0.1549193 = 0.3036419
    expect(t.moe).toBeCloseTo(0.303642, 5)
    expect(t.communes.map((c) => [c.name, c.sample, c.aware])).toEqual([
      ['Phường An Tịnh', 4, 3],
      ['Xã Bàu Đồn', 5, 2],
      ['Nơi khác', 1, 1],
    ])
    // A: 3/4, 1.96 × √(0.1875 / 4) = 0.4243524; B: 2/5, 1.96 × √(0.24 / 5) = 0.4294147
    expect(t.communes[0].share).toBeCloseTo(0.75, 10)
    expect(t.communes[0].moe).toBeCloseTo(0.424352, 5)
    expect(t.communes[1].share).toBeCloseTo(0.4, 10)
    expect(t.communes[1].moe).toBeCloseTo(0.429415, 5)
  })

  it("counts each question's answers; a multiple choice once per option, shares of those who answered", () => {
    const [biet, dung, kenh] = t.questions
    expect(biet.options.map((o) => [o.value, o.count])).toEqual([
      ['co', 8],
      ['khong', 2],
    ])
    expect(dung.options.map((o) => o.count)).toEqual([1, 1, 1, 3, 4])
    expect(kenh.answered).toBe(6)
    expect(kenh.options.map((o) => [o.value, o.count])).toEqual([
      ['loa', 3],
      ['zalo', 3],
      ['tv', 2],
    ])
    expect(kenh.options[2].share).toBeCloseTo(2 / 6, 10)
    expect(t.ageBands.find((b) => b.value === '25-39')!.count).toBe(10)
  })

  it('writes the anonymous responses as rows of labels, without device or address', () => {
    const table = responseTable(
      survey,
      responses.map((x) => ({ ...x, createdAt: '2026-12-05T03:00:00.000Z' })),
      names,
    )
    expect(table.header).toEqual([
      'STT',
      'Thời điểm gửi',
      'Xã, phường',
      'Độ tuổi',
      'Câu 1. Biết Cổng DVC?',
      'Câu 2. Đã dùng DVC?',
      'Câu 3. Biết qua kênh nào?',
      'Biết và sử dụng được',
    ])
    expect(table.body[0]).toEqual([
      1,
      '05/12/2026 10:00',
      'Phường An Tịnh',
      'Từ 25 đến 39 tuổi',
      'Có',
      '5',
      'Loa truyền thanh; Zalo',
      'Có',
    ])
    expect(table.body[9][2]).toBe('Nơi khác')
  })
})

describe('who knows and can use the services', () => {
  it('needs the positive answer (yes, or 4-5) to every question that counts', () => {
    const qs = survey.questions!
    expect(isAware(qs, { biet: 'co', dung: '4' })).toBe(true)
    expect(isAware(qs, { biet: 'co', dung: '3' })).toBe(false)
    expect(isAware(qs, { biet: 'khong', dung: '5' })).toBe(false)
    expect(isAware(qs, { biet: 'co', dung: null })).toBe(false)
    expect(isAware([qs[2]], { kenh: ['loa'] })).toBeNull()
  })
})

describe('the survey form', () => {
  const spec = surveySpec(survey, ['A', 'B'])

  it('takes its own answers and nothing else', () => {
    const ok = checkForm(
      { commune: 'A', ageBand: '40-59', q_biet: 'co', q_dung: '4', q_kenh: ['loa', 'tv'] },
      spec,
    )
    expect(ok.errors).toEqual([])
    expect(answersOf(survey, ok.values!)).toEqual({ biet: 'co', dung: '4', kenh: ['loa', 'tv'] })
    expect(
      checkForm({ commune: 'A', q_biet: 'co', q_dung: '4', hoTen: 'Nguyễn Văn A' }, spec).errors,
    ).toEqual(['Biểu mẫu có trường không được nhận: hoTen.'])
    expect(checkForm({ commune: 'A', q_biet: 'co', q_dung: '6' }, spec).errors).toEqual([
      '"Đã dùng DVC?": lựa chọn không hợp lệ.',
    ])
    expect(checkForm({ commune: 'A', q_biet: ['co', 'khong'], q_dung: '4' }, spec).errors).toEqual([
      '"Biết Cổng DVC?": chỉ được chọn một.',
    ])
    expect(checkForm({ commune: 'A', q_dung: '4' }, spec).errors).toEqual([
      'Vui lòng chọn "Biết Cổng DVC?".',
    ])
    expect(checkForm({ commune: 'C', q_biet: 'co', q_dung: '4' }, spec).errors).toEqual([
      '"Xã, phường nơi bạn sống": lựa chọn không hợp lệ.',
    ])
  })
})

describe('saving a survey', () => {
  const run = (data: Record<string, unknown>, originalDoc?: Record<string, unknown>) =>
    (prepareSurvey as unknown as (a: object) => Record<string, unknown>)({ data, originalDoc })

  it('gives a link code once, and stable keys to questions and options from their text', () => {
    const out = run({
      opensAt: '2026-12-01T00:00:00.000Z',
      closesAt: '2026-12-02T00:00:00.000Z',
      questions: [
        { text: 'Bạn đã dùng VNeID?', kind: 'yes-no' },
        { text: 'Bạn đã dùng VNeID?', kind: 'yes-no' },
        {
          text: 'Kênh nào?',
          kind: 'single',
          options: [{ label: 'Đài phát thanh' }, { label: 'Zalo' }],
        },
      ],
    })
    expect(out.code).toMatch(/^[A-Za-z0-9_-]{10}$/)
    const qs = out.questions as { key: string; options: { value: string }[] }[]
    expect(qs.map((q) => q.key)).toEqual(['ban-da-dung-vneid', 'ban-da-dung-vneid-2', 'kenh-nao'])
    expect(qs[2].options.map((o) => o.value)).toEqual(['dai-phat-thanh', 'zalo'])
    const again = run(
      { questions: [{ key: 'ban-da-dung-vneid', text: 'Đổi lời câu hỏi', kind: 'yes-no' }] },
      {
        code: out.code,
        opensAt: '2026-12-01T00:00:00.000Z',
        closesAt: '2026-12-02T00:00:00.000Z',
      },
    )
    expect(again.code).toBe(out.code)
    expect((again.questions as { key: string }[])[0].key).toBe('ban-da-dung-vneid')
  })

  it('refuses a close before the opening, a choice with one option, and a choice that counts as aware', () => {
    expect(() =>
      run({
        opensAt: '2026-12-02T00:00:00.000Z',
        closesAt: '2026-12-01T00:00:00.000Z',
        questions: [
          { text: 'Kênh nào?', kind: 'single', options: [{ label: 'Zalo' }] },
          {
            text: 'Biết gì?',
            kind: 'multiple',
            countsAsAware: true,
            options: [{ label: 'A' }, { label: 'B' }],
          },
        ],
      }),
    ).toThrow(
      /phải sau thời gian mở.*Câu 1 \(Chọn một\) cần ít nhất 2 lựa chọn\..*Câu 2: chỉ câu Có\/Không hoặc thang điểm 1-5/,
    )
  })
})
