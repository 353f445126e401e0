/**
 * Every refusal a user can meet, collected in one place — field validation, hook checks, access
 * denials, upload checks, schedule rules, the plan, reporting and workflow rules — is Vietnamese
 * when the language is Vietnamese: the message a REST client or the admin's toast shows first and
 * every per-field message. Driven through the Local API, whose requests speak the configured
 * fallback language (Vietnamese) as a browser without the language cookie does.
 */
import { vi } from '@payloadcms/translations/languages/vi'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { vietnameseOverrides } from '@/lib/i18n'
import { Role } from '@/vocabulary'
import { createUnit, createUser, fileOf } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'

let payload: Payload
const ids: Record<string, string> = {}
const users: Record<string, object> = {}

/** Vietnamese text: a letter only Vietnamese uses, and none of the English words Payload's errors are made of. */
const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i
const ENGLISH =
  /\b(the|field|fields|invalid|following|not|allowed|must|required|error|you|collection|value|please)\b/i

type Refusal = { message: string; fields: string[] }

async function refusal(write: () => Promise<unknown>): Promise<Refusal> {
  try {
    await write()
  } catch (err) {
    const e = err as Error & { data?: { errors?: { message: string }[] } }
    return { message: e.message, fields: (e.data?.errors ?? []).map((f) => f.message) }
  }
  throw new Error('the write should have been refused')
}

const as = (who: string) => ({ user: users[who] as never, overrideAccess: false })
const inOneDay = () => new Date(Date.now() + 24 * 3600_000).toISOString()

beforeAll(async () => {
  payload = await testPayload()
  ids.unitA = String((await createUnit(payload)).id)
  ids.unitB = String((await createUnit(payload)).id)
  users.editorA = await createUser(payload, Role.Editor, ids.unitA)
  users.contributorA = await createUser(payload, Role.Contributor, ids.unitA)
  users.manager = await createUser(payload, Role.CampaignManager)
  users.viewer = await createUser(payload, Role.Viewer)
  ids.articleB = String(
    (
      await payload.create({
        collection: 'articles',
        data: { title: 'Bài của đơn vị B', ownerUnit: ids.unitB, _status: 'published' } as never,
        overrideAccess: true,
      })
    ).id,
  )
  ids.articleA = String(
    (
      await payload.create({
        collection: 'articles',
        data: { title: 'Bài của đơn vị A', ownerUnit: ids.unitA, _status: 'published' } as never,
        overrideAccess: true,
      })
    ).id,
  )
  ids.channel = String(
    (
      await payload.create({
        collection: 'channels',
        data: { name: 'Trang chuyên mục', kind: 'web-page', openToAllUnits: true } as never,
        overrideAccess: true,
      })
    ).id,
  )
})

describe('every refusal a user can meet is Vietnamese', () => {
  const cases: [string, () => Promise<unknown>, RegExp?][] = [
    [
      'a schedule in the past',
      () =>
        payload.create({
          collection: 'publications',
          ...as('editorA'),
          data: {
            channel: ids.channel,
            content: { relationTo: 'articles', value: ids.articleA },
            scheduledAt: new Date(Date.now() - 3 * 3600_000).toISOString(),
          } as never,
        }),
      /đã qua/,
    ],
    [
      "another unit's content scheduled",
      () =>
        payload.create({
          collection: 'publications',
          ...as('editorA'),
          data: {
            channel: ids.channel,
            content: { relationTo: 'articles', value: ids.articleB },
            scheduledAt: inOneDay(),
          } as never,
        }),
      /đơn vị mình/,
    ],
    [
      'a schedule with no channel',
      () =>
        payload.create({
          collection: 'publications',
          ...as('editorA'),
          data: {
            content: { relationTo: 'articles', value: ids.articleA },
            scheduledAt: inOneDay(),
          } as never,
        }),
    ],
    [
      'a required field left empty (Payload’s own validation)',
      () => payload.create({ collection: 'articles', ...as('editorA'), data: {} as never }),
    ],
    [
      "another unit's article edited (access denied)",
      () =>
        payload.update({
          collection: 'articles',
          id: ids.articleB,
          ...as('editorA'),
          data: { title: 'Sửa trộm' } as never,
        }),
    ],
    [
      'a viewer creating content (access denied)',
      () =>
        payload.create({
          collection: 'articles',
          ...as('viewer'),
          data: { title: 'Không được', ownerUnit: ids.unitA } as never,
        }),
    ],
    [
      'no login at all',
      () =>
        payload.create({
          collection: 'articles',
          overrideAccess: false,
          data: { title: 'Ẩn danh' } as never,
        }),
    ],
    [
      'a contributor publishing',
      () =>
        payload.create({
          collection: 'articles',
          ...as('contributorA'),
          data: { title: 'Cộng tác viên', ownerUnit: ids.unitA, _status: 'published' } as never,
        }),
    ],
    [
      'content for another unit',
      () =>
        payload.create({
          collection: 'articles',
          ...as('editorA'),
          data: { title: 'Sai đơn vị', ownerUnit: ids.unitB } as never,
        }),
    ],
    [
      'an upload of a forbidden type',
      () =>
        payload.create({
          collection: 'media',
          ...as('editorA'),
          data: { alt: 'Tệp chạy', ownerUnit: ids.unitA } as never,
          file: fileOf(Buffer.from('MZ…'), 'cai-dat.exe', 'application/octet-stream'),
        }),
      /Định dạng tệp/,
    ],
    [
      'an image that is not one',
      () =>
        payload.create({
          collection: 'media',
          ...as('editorA'),
          data: { alt: 'Ảnh giả', ownerUnit: ids.unitA } as never,
          file: fileOf(Buffer.from('chỉ là chữ'), 'anh.png', 'image/png'),
        }),
    ],
    [
      'trainees adding up to more than the course',
      () =>
        payload.create({
          collection: 'trainings',
          ...as('editorA'),
          data: {
            title: 'Lớp kỹ năng số',
            ownerUnit: ids.unitA,
            status: 'held',
            startsOn: '2026-03-02T00:00:00+07:00',
            endsOn: '2026-03-04T00:00:00+07:00',
            totalTrainees: 10,
            trainees: [{ programme: 'citizens', unitKind: 'commune', count: 12 }],
          } as never,
        }),
      /vượt tổng số học viên/,
    ],
    [
      'a fraction of a person',
      () =>
        payload.create({
          collection: 'trainings',
          ...as('editorA'),
          data: {
            title: 'Lớp kỹ năng số',
            ownerUnit: ids.unitA,
            status: 'planned',
            startsOn: '2026-03-02T00:00:00+07:00',
            endsOn: '2026-03-04T00:00:00+07:00',
            totalTrainees: 10.5,
          } as never,
        }),
    ],
    [
      "a campaign's target outside its period",
      () =>
        payload.create({
          collection: 'campaigns',
          ...as('manager'),
          data: {
            name: 'Chiến dịch thử',
            startsOn: '2026-01-01T00:00:00+07:00',
            endsOn: '2026-12-31T00:00:00+07:00',
            budgets: [{ year: 2030, planned: 1000 }],
          } as never,
        }),
      /ngoài thời gian/,
    ],
    [
      "a report deadline after the province's",
      () =>
        payload.create({
          collection: 'report-deadlines',
          ...as('manager'),
          data: {
            year: 2026,
            unitsDueOn: '2026-12-20T00:00:00+07:00',
            provinceDueOn: '2026-12-10T00:00:00+07:00',
          } as never,
        }),
    ],
  ]

  it.each(cases)('%s', async (_what, write, expected) => {
    const { message, fields } = await refusal(write)
    for (const text of [message, ...fields]) {
      expect(text, text).toMatch(VIETNAMESE)
      expect(text, text).not.toMatch(ENGLISH)
    }
    if (expected) expect([message, ...fields].join(' | ')).toMatch(expected)
  })

  it('a unit report returned without a reason', async () => {
    const report = await payload.create({
      collection: 'unit-reports',
      ...as('editorA'),
      data: { year: 2026 } as never,
    })
    await payload.update({
      collection: 'unit-reports',
      id: report.id,
      ...as('editorA'),
      data: { status: 'submitted' } as never,
    })
    const { message, fields } = await refusal(() =>
      payload.update({
        collection: 'unit-reports',
        id: report.id,
        ...as('manager'),
        data: { status: 'returned' } as never,
      }),
    )
    expect(message).toBe('Hãy ghi lý do trả lại báo cáo.')
    expect(fields).toEqual(['Hãy ghi lý do trả lại báo cáo.'])
  })

  it("Payload's Vietnamese strings, with ours over them, never say field, collection or block in English", () => {
    const overrides = payload.config.i18n.translations?.vi as Record<string, Record<string, string>>
    expect(overrides).toMatchObject(vietnameseOverrides)
    const mixed: string[] = []
    for (const [group, strings] of Object.entries(vi.translations)) {
      for (const [key, text] of Object.entries(strings as Record<string, string>)) {
        const shown = overrides[group]?.[key] ?? text
        if (/\b(field|fields|collection|block|blocks)\b/i.test(shown.replace(/\{\{\w+\}\}/g, '')))
          mixed.push(`${group}:${key} ${shown}`)
      }
    }
    expect(mixed).toEqual([])
  })
})
