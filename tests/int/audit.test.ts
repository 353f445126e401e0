/**
 * The audit trail through the Local API: each action people take leaves exactly one entry with
 * the right action, user, unit, document and time; the system's own writes leave none; a channel's
 * secret is named but never stored; old entries are purged after the retention time. (Failed logins,
 * downloads and REST/GraphQL access are in tests/e2e/audit.test.ts; the access matrix has its rows.)
 */
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { recordAudit } from '@/audit/record'
import { purgeAuditTrail } from '@/audit/retention'
import type { AuditLog, User } from '@/payload-types'
import { createUnit, createUser, PASSWORD } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'

let payload: Payload
let editor: User
let manager: User
let admin: User
let unitA: string
let unitB: string
let channelB: string

const future = () => new Date(Date.now() + 7 * 86_400_000).toISOString()
const as = (user: User) => ({ user, overrideAccess: false })

beforeAll(async () => {
  payload = await testPayload()
  unitA = String((await createUnit(payload, 'Báo Tây Ninh')).id)
  unitB = String((await createUnit(payload, 'Đài Phát thanh và Truyền hình')).id)
  editor = (await createUser(payload, 'editor', unitA)) as User
  manager = (await createUser(payload, 'campaign-manager')) as User
  admin = (await createUser(payload, 'admin')) as User
  channelB = String(
    (
      await payload.create({
        collection: 'channels',
        overrideAccess: true,
        data: {
          name: 'Cổng của Đài',
          kind: 'webhook',
          ownerUnit: unitB,
          settings: { url: 'http://127.0.0.1:9/hook' },
          credentials: { signingSecret: 'bi-mat-cu' },
        } as never,
      })
    ).id,
  )
})

const entries = async (where: Record<string, unknown> = {}) =>
  (
    await payload.find({
      collection: 'audit-log',
      where: where as never,
      sort: 'at',
      limit: 1000,
      depth: 0,
      overrideAccess: true,
    })
  ).docs

/** Runs the action and returns the entries it left (all of them, to check there is exactly one). */
async function leaves(
  action: () => Promise<unknown>,
): Promise<{ added: AuditLog[]; from: number; to: number }> {
  const before = new Set((await entries()).map((e) => e.id))
  const from = Date.now()
  await action()
  const to = Date.now()
  const added = (await entries()).filter((e) => !before.has(e.id))
  return { added, from, to }
}

function expectOne(
  result: { added: AuditLog[]; from: number; to: number },
  want: Partial<AuditLog>,
): AuditLog {
  expect(result.added.map((e) => e.action)).toEqual([want.action])
  const [entry] = result.added
  expect(entry).toMatchObject(want)
  const at = new Date(entry.at).getTime()
  expect(at).toBeGreaterThanOrEqual(result.from - 5)
  expect(at).toBeLessThanOrEqual(result.to + 5)
  return entry
}

describe('audit trail: content', () => {
  let articleId: string
  /** The editor's change to the article: a draft save with `draft`, otherwise a change of the live version. */
  const edit = (data: Record<string, unknown>, draft = false) =>
    leaves(() =>
      payload.update({ collection: 'articles', id: articleId, data, draft, ...as(editor) }),
    )

  it('create, update, publish, a draft revision, unpublish, delete: one entry each', async () => {
    const created = await leaves(async () => {
      articleId = String(
        (
          await payload.create({
            collection: 'articles',
            data: { title: 'Tin chuyển đổi số', ownerUnit: unitA, _status: 'draft' } as never,
            draft: true,
            ...as(editor),
          })
        ).id,
      )
    })
    expectOne(created, {
      action: 'create',
      user: editor.id,
      userEmail: editor.email,
      unit: unitA,
      documentUnit: unitA,
      documentCollection: 'articles',
      documentId: articleId,
      documentTitle: 'Tin chuyển đổi số',
    })

    const updated = await edit({ title: 'Tin chuyển đổi số (sửa)' }, true)
    const entry = expectOne(updated, { action: 'update', user: editor.id, documentId: articleId })
    expect(entry.changedFields).toContain('title')

    expectOne(await edit({ _status: 'published' }), {
      action: 'publish',
      user: editor.id,
      unit: unitA,
      documentId: articleId,
    })

    // A draft revision of published content is an edit: the live version stays published.
    expectOne(await edit({ title: 'Bản nháp mới', _status: 'draft' }, true), {
      action: 'update',
      documentId: articleId,
    })

    expectOne(await edit({ _status: 'draft' }), {
      action: 'unpublish',
      user: editor.id,
      documentId: articleId,
    })

    expectOne(
      await leaves(() => payload.delete({ collection: 'articles', id: articleId, ...as(editor) })),
      { action: 'delete', user: editor.id, unit: unitA, documentId: articleId },
    )
  })

  it("a bulk unpublish (the admin list's, by `where`) is an unpublish too", async () => {
    const { id } = await payload.create({
      collection: 'articles',
      overrideAccess: true,
      data: { title: 'Tin gỡ hàng loạt', ownerUnit: unitA, _status: 'published' } as never,
    })
    expectOne(
      await leaves(() =>
        payload.update({
          collection: 'articles',
          where: { id: { equals: id } },
          data: { _status: 'draft' },
          ...as(editor),
        }),
      ),
      { action: 'unpublish', user: editor.id, documentId: String(id) },
    )
  })

  it('a refused change leaves no entry, and the system (no user) leaves none', async () => {
    const refused = await leaves(async () => {
      await expect(
        payload.create({
          collection: 'articles',
          data: { title: 'Tin của đơn vị khác', ownerUnit: unitB } as never,
          ...as(editor),
        }),
      ).rejects.toThrow()
    })
    expect(refused.added).toEqual([])
    const system = await leaves(() =>
      payload.create({
        collection: 'articles',
        data: { title: 'Tin do hệ thống tạo', ownerUnit: unitA } as never,
        overrideAccess: true,
      }),
    )
    expect(system.added).toEqual([])
  })
})

describe('audit trail: approvals, credentials, login', () => {
  const article = async () =>
    String(
      (
        await payload.create({
          collection: 'articles',
          overrideAccess: true,
          data: { title: `Tin ${Math.random()}`, ownerUnit: unitA, _status: 'published' } as never,
        })
      ).id,
    )
  /** An editor of unit A schedules onto unit B's channel: it waits for a manager's approval. */
  const awaiting = async () => {
    const pub = await payload.create({
      collection: 'publications',
      data: {
        content: { relationTo: 'articles', value: await article() },
        channel: channelB,
        scheduledAt: future(),
      } as never,
      ...as(editor),
    })
    expect(pub.status).toBe('awaiting-approval')
    return String(pub.id)
  }

  it('a manager approving and returning a publication', async () => {
    const first = await awaiting()
    expectOne(
      await leaves(() =>
        payload.update({
          collection: 'publications',
          id: first,
          data: { status: 'scheduled' },
          ...as(manager),
        }),
      ),
      {
        action: 'approve',
        user: manager.id,
        unit: null,
        documentUnit: unitA,
        documentCollection: 'publications',
        documentId: first,
      },
    )
    const second = await awaiting()
    expectOne(
      await leaves(() =>
        payload.update({
          collection: 'publications',
          id: second,
          // Returning needs a reason (collections/Publications/hooks/approvalDecision.ts).
          data: { status: 'draft', approval: { returnReason: 'Sai kênh đăng' } } as never,
          ...as(manager),
        }),
      ),
      { action: 'return', user: manager.id, documentId: second },
    )
  })

  it('a channel credential change names the secret, never its value', async () => {
    const result = await leaves(() =>
      payload.update({
        collection: 'channels',
        id: channelB,
        data: { credentials: { signingSecret: 'bi-mat-moi-0xC0FFEE' } } as never,
        ...as(admin),
      }),
    )
    const entry = expectOne(result, {
      action: 'credentials-changed',
      user: admin.id,
      documentCollection: 'channels',
      documentId: channelB,
      documentTitle: 'Cổng của Đài',
    })
    expect(entry.changedFields).toEqual(['credentials.signingSecret'])
    expect(JSON.stringify(entry)).not.toContain('0xC0FFEE')
    // A change of a plain field is an ordinary update.
    const renamed = await leaves(() =>
      payload.update({
        collection: 'channels',
        id: channelB,
        data: { name: 'Cổng của Đài (mới)' },
        ...as(admin),
      }),
    )
    expect(expectOne(renamed, { action: 'update' }).changedFields).toEqual(['name'])
  })

  it('a password change names the password, never its value', async () => {
    const entry = expectOne(
      await leaves(() =>
        payload.update({
          collection: 'users',
          id: editor.id,
          data: { password: 'MatKhauMoi@2026' },
          ...as(editor),
        }),
      ),
      { action: 'update', user: editor.id, documentCollection: 'users', documentId: editor.id },
    )
    await payload.update({
      collection: 'users',
      id: editor.id,
      data: { password: PASSWORD },
      overrideAccess: true,
    })
    expect(entry.changedFields).toEqual(['password'])
    expect(JSON.stringify(entry)).not.toContain('MatKhauMoi')
  })

  it('an admin deleting their own account: the entry keeps who it was', async () => {
    const leaving = (await createUser(payload, 'admin')) as User
    const entry = expectOne(
      await leaves(() => payload.delete({ collection: 'users', id: leaving.id, ...as(leaving) })),
      { action: 'delete', userEmail: leaving.email, documentId: leaving.id },
    )
    expect(entry.user ?? null).toBeNull()
  })

  it('a login', async () => {
    expectOne(
      await leaves(() =>
        payload.login({ collection: 'users', data: { email: editor.email, password: PASSWORD } }),
      ),
      { action: 'login', user: editor.id, unit: unitA, documentId: editor.id },
    )
  })
})

describe('audit trail: recordAudit and retention', () => {
  it('recordAudit writes what other code hands it', async () => {
    const result = await leaves(() =>
      recordAudit(payload, {
        action: 'export-downloaded',
        user: editor,
        collection: 'channels',
        documentId: channelB,
        documentTitle: 'lich.csv',
        clientAddress: '203.0.113.9',
      }),
    )
    expectOne(result, {
      action: 'export-downloaded',
      user: editor.id,
      unit: unitA,
      clientAddress: '203.0.113.9',
    })
  })

  it('entries older than the retention time are removed, newer ones kept', async () => {
    const old = await payload.create({
      collection: 'audit-log',
      overrideAccess: true,
      data: { at: new Date(Date.now() - 400 * 86_400_000).toISOString(), action: 'login' },
    })
    const recent = await payload.create({
      collection: 'audit-log',
      overrideAccess: true,
      data: { at: new Date(Date.now() - 300 * 86_400_000).toISOString(), action: 'login' },
    })
    const removed = await purgeAuditTrail(payload, 365)
    expect(removed).toBe(1)
    const left = (await entries()).map((e) => e.id)
    expect(left).not.toContain(old.id)
    expect(left).toContain(recent.id)
  })
})
