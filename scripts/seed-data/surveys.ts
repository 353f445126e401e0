/**
 * The standard "awareness of online public services" survey (issue 23): knows the national public
 * service portal, has used an online service in the last 12 months (the two that make a respondent
 * "knows and can use"), has a VNeID level-2 account, knows how to report a scam; with commune and
 * age band. The demo opens it for the month around today and gives it 120 answers from four
 * communes, so its results page and the indicator feed have something to show. Idempotent (found by
 * title).
 */
import type { Payload } from 'payload'
import { QuestionKind, UnitKind } from '@/vocabulary'

export const STANDARD_SURVEY_TITLE = 'Khảo sát nhận thức về dịch vụ công trực tuyến'

export const STANDARD_QUESTIONS = [
  {
    key: 'biet-cong-dvc',
    text: 'Bạn có biết Cổng Dịch vụ công quốc gia (dichvucong.gov.vn) không?',
    kind: QuestionKind.YesNo,
    countsAsAware: true,
  },
  {
    key: 'da-dung-dvc-12-thang',
    text: 'Trong 12 tháng qua, bạn đã tự nộp hồ sơ dịch vụ công trực tuyến lần nào chưa?',
    kind: QuestionKind.YesNo,
    countsAsAware: true,
  },
  {
    key: 'vneid-muc-2',
    text: 'Bạn đã có tài khoản định danh điện tử VNeID mức độ 2 chưa?',
    kind: QuestionKind.YesNo,
  },
  {
    key: 'bao-lua-dao',
    text: 'Bạn có biết cách báo cáo một vụ lừa đảo trên mạng (qua VNeID, tổng đài 156 hoặc trang canhbao.khonggianmang.vn) không?',
    kind: QuestionKind.YesNo,
  },
]

const DAY = 86_400_000

export async function seedSurveys(payload: Payload, now: Date) {
  const found = await payload.find({
    collection: 'surveys',
    where: { title: { equals: STANDARD_SURVEY_TITLE } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  if (found.docs.length) return 0
  const one = async (collection: 'units' | 'data-elements', where: object) =>
    (
      await payload.find({
        collection,
        where: where as never,
        limit: 1,
        depth: 0,
        overrideAccess: true,
      })
    ).docs[0]
  const dic = await one('units', { kind: { equals: UnitKind.Dic } })
  const sample = await one('data-elements', { code: { equals: 'khao-sat-mau' } })
  const aware = await one('data-elements', { code: { equals: 'khao-sat-biet-dvc' } })
  const survey = await payload.create({
    collection: 'surveys',
    overrideAccess: true,
    data: {
      title: STANDARD_SURVEY_TITLE,
      intro:
        'Phiếu gồm 4 câu hỏi, mất khoảng 1 phút. Kết quả giúp tỉnh đo tỷ lệ người dân biết và sử dụng được dịch vụ công trực tuyến (mục tiêu 70% năm 2025, 90% năm 2030).',
      opensAt: new Date(now.getTime() - 20 * DAY).toISOString(),
      closesAt: new Date(now.getTime() + 10 * DAY).toISOString(),
      ownerUnit: dic?.id,
      quotaPerCommune: 400,
      askAgeBand: true,
      questions: STANDARD_QUESTIONS,
      sampleElement: sample?.id,
      awareElement: aware?.id,
    } as never,
  })
  const { docs: communes } = await payload.find({
    collection: 'units',
    where: { and: [{ kind: { equals: UnitKind.Commune } }, { validTo: { exists: false } }] },
    sort: 'name',
    limit: 4,
    depth: 0,
    overrideAccess: true,
  })
  const bands = ['15-24', '25-39', '40-59', '60-plus'] as const
  let n = 0
  for (const [c, commune] of communes.entries())
    for (let i = 0; i < 30; i++, n++) {
      // A fixed pattern, different per commune: the portal known by 60-80 %, used by 40-70 %.
      const knows = (i * 7 + c * 3) % 10 < 6 + (c % 3)
      const used = knows && (i * 3 + c) % 10 < 5 + c
      const answers = {
        'biet-cong-dvc': knows ? 'co' : 'khong',
        'da-dung-dvc-12-thang': used ? 'co' : 'khong',
        'vneid-muc-2': (i + c) % 4 ? 'co' : 'khong',
        'bao-lua-dao': (i + 2 * c) % 3 ? 'co' : 'khong',
      }
      await payload.create({
        collection: 'survey-responses',
        overrideAccess: true,
        data: {
          survey: survey.id,
          ownerUnit: dic?.id,
          commune: commune.id,
          ageBand: bands[(i + c) % bands.length],
          answers,
          aware: knows && used,
          deviceKey: `demo-${n}`,
        } as never,
      })
    }
  return n
}
