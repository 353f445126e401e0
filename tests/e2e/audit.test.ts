/**
 * The audit trail over real HTTP: logins and failed logins through REST (the admin's way in),
 * downloads, and the trail itself closed to everyone but admins' reads through REST and GraphQL.
 */
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeBackupStatus } from '@/backup/status'
import { generateProvinceReport } from '@/reporting/export/generate'
import type { Payload } from 'payload'
import type { RunningServer } from '@/server'
import type { AuditLog } from '@/payload-types'
import { adminLogin, launchBrowser } from '../helpers/browser'
import { PASSWORD, createUnit, createUser } from '../helpers/fixtures'
import { restLogin, stopTestServer, testServer } from '../helpers/server'

let server: RunningServer
let payload: Payload
let base: string
const ids: Record<string, string> = {}
const tokens: Record<string, string> = {}

beforeAll(async () => {
  // What the worker's nightly backup leaves for the dashboard (src/backup/status.ts).
  process.env.BACKUP_DIR = path.join(process.env.TEST_TMP_DIR!, 'backups')
  writeBackupStatus({
    ok: true,
    at: new Date().toISOString(),
    folder: path.join(process.env.BACKUP_DIR, 'campaign-2026-11-26_013000'),
    totalBytes: 5 * 1024 * 1024,
    documents: 1234,
    mediaFiles: 5,
  })
  server = await testServer()
  payload = server.payload
  base = server.url
  const unit = await createUnit(payload, 'Đài Phát thanh và Truyền hình')
  ids.unit = String(unit.id)
  const editor = await createUser(payload, 'editor', unit.id)
  const admin = await createUser(payload, 'admin')
  ids.editor = String(editor.id)
  ids.editorEmail = editor.email as string
  ids.adminEmail = admin.email as string
  ids.radio = String(
    (
      await payload.create({
        collection: 'channels',
        overrideAccess: true,
        data: { name: 'Phát thanh tỉnh', kind: 'radio', ownerUnit: unit.id } as never,
      })
    ).id,
  )
  ids.entry = String(
    (
      await payload.create({
        collection: 'audit-log',
        overrideAccess: true,
        data: { at: new Date().toISOString(), action: 'login', summary: 'Mục có sẵn' },
      })
    ).id,
  )
})

afterAll(async () => {
  await stopTestServer()
})

const entries = async (where: Record<string, unknown>) =>
  (
    await payload.find({
      collection: 'audit-log',
      where: where as never,
      sort: 'at',
      depth: 0,
      limit: 100,
      overrideAccess: true,
    })
  ).docs as AuditLog[]

const login = (email: string, password: string) =>
  fetch(`${base}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })

const auth = (who: 'editor' | 'admin') => ({ Authorization: `JWT ${tokens[who]}` })

describe('audit trail over HTTP', () => {
  it('records a failed login (known and unknown account) and a login, with the client address', async () => {
    const from = Date.now()
    expect((await login(ids.editorEmail, 'sai-mat-khau')).status).toBe(401)
    expect((await login('khong-co@test.vn', 'sai-mat-khau')).status).toBe(401)
    tokens.editor = await restLogin(base, ids.editorEmail, PASSWORD)
    tokens.admin = await restLogin(base, ids.adminEmail, PASSWORD)
    const mine = await entries({ at: { greater_than_equal: new Date(from).toISOString() } })
    const failed = mine.filter((e) => e.action === 'login-failed')
    expect(failed.map((e) => [e.userEmail, e.user ?? null])).toEqual([
      [ids.editorEmail, ids.editor],
      ['khong-co@test.vn', null],
    ])
    expect(failed[0].unit).toBe(ids.unit)
    expect(failed[0].clientAddress).toMatch(/127\.0\.0\.1$/)
    const logins = mine.filter((e) => e.action === 'login' && e.user === ids.editor)
    expect(logins).toHaveLength(1)
    expect(logins[0]).toMatchObject({ unit: ids.unit, documentId: ids.editor })
    expect(logins[0].clientAddress).toMatch(/127\.0\.0\.1$/)
  })

  it('records a rundown downloaded as CSV and the engagement template downloaded', async () => {
    const from = new Date().toISOString()
    const csv = await fetch(`${base}/rundowns/${ids.radio}/2026-11-22?format=csv`, {
      headers: auth('editor'),
    })
    expect(csv.status).toBe(200)
    expect(csv.headers.get('content-disposition')).toMatch(/attachment/)
    const template = await fetch(`${base}/api/engagement-observations/template`, {
      headers: auth('editor'),
    })
    expect(template.status).toBe(200)
    const downloads = await entries({
      and: [{ action: { equals: 'export-downloaded' } }, { at: { greater_than_equal: from } }],
    })
    expect(downloads.map((e) => [e.user, e.unit, e.documentCollection])).toEqual([
      [ids.editor, ids.unit, 'channels'],
      [ids.editor, ids.unit, 'engagement-observations'],
    ])
    expect(downloads[0]).toMatchObject({ documentId: ids.radio, documentTitle: 'Phát thanh tỉnh' })
  })

  it("records a download of the province's generated report", async () => {
    const { stored } = await generateProvinceReport(payload, 2026, 'draft')
    const docx = stored.find((d) => d.filename?.endsWith('.docx'))!
    const from = new Date().toISOString()
    const file = await fetch(`${base}/api/generated-reports/file/${docx.filename}`, {
      headers: auth('admin'),
    })
    expect(file.status).toBe(200)
    expect(
      Buffer.from(await file.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK')
    const downloads = await entries({
      and: [{ action: { equals: 'export-downloaded' } }, { at: { greater_than_equal: from } }],
    })
    expect(downloads).toHaveLength(1)
    expect(downloads[0]).toMatchObject({
      documentCollection: 'generated-reports',
      documentId: String(docx.id),
      documentTitle: docx.filename,
      userEmail: ids.adminEmail,
    })
  })

  it('an editor cannot read, create, change or delete entries through REST', async () => {
    const count = async () =>
      (await payload.count({ collection: 'audit-log', overrideAccess: true })).totalDocs
    const before = await count()
    const call = (method: string, path: string, body?: unknown) =>
      fetch(`${base}/api/audit-log${path}`, {
        method,
        headers: { ...auth('editor'), 'content-type': 'application/json' },
        body: body ? JSON.stringify(body) : undefined,
      })
    expect((await call('GET', '')).status).toBe(403)
    expect((await call('GET', `/${ids.entry}`)).status).toBe(403)
    expect((await call('POST', '', { at: new Date().toISOString(), action: 'login' })).status).toBe(
      403,
    )
    expect((await call('PATCH', `/${ids.entry}`, { summary: 'Sửa' })).status).toBe(403)
    expect((await call('DELETE', `/${ids.entry}`)).status).toBe(403)
    const stored = await payload.findByID({
      collection: 'audit-log',
      id: ids.entry,
      overrideAccess: true,
    })
    expect(stored.summary).toBe('Mục có sẵn')
    // The REST calls above were the editor's own; none of them added an entry.
    expect(await count()).toBe(before)
    // An admin reads the trail, and cannot delete from it either.
    const listed = await fetch(`${base}/api/audit-log?limit=200`, { headers: auth('admin') })
    expect(listed.status).toBe(200)
    const docs = ((await listed.json()) as { docs: { id: string }[] }).docs
    expect(docs.map((d) => d.id)).toContain(ids.entry)
    const adminDelete = await fetch(`${base}/api/audit-log/${ids.entry}`, {
      method: 'DELETE',
      headers: auth('admin'),
    })
    expect(adminDelete.status).toBe(403)
  })

  it('an editor cannot read, create, change or delete entries through GraphQL', async () => {
    const gql = async (who: 'editor' | 'admin', query: string) => {
      const res = await fetch(`${base}/api/graphql`, {
        method: 'POST',
        headers: { ...auth(who), 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      })
      return (await res.json()) as {
        data?: Record<string, unknown>
        errors?: { message: string }[]
      }
    }
    const read = await gql('editor', '{ AuditLogs { docs { id summary } } }')
    expect(read.errors?.length).toBeGreaterThan(0)
    expect(JSON.stringify(read.data ?? {})).not.toContain('Mục có sẵn')
    const one = await gql('editor', `{ AuditLog(id: "${ids.entry}") { id summary } }`)
    expect(one.errors?.length).toBeGreaterThan(0)
    for (const mutation of [
      `mutation { createAuditLog(data: { at: "${new Date().toISOString()}", action: login }) { id } }`,
      `mutation { updateAuditLog(id: "${ids.entry}", data: { summary: "Sửa" }) { id } }`,
      `mutation { deleteAuditLog(id: "${ids.entry}") { id } }`,
    ]) {
      const result = await gql('editor', mutation)
      expect(result.errors?.length, mutation).toBeGreaterThan(0)
    }
    const stored = await payload.findByID({
      collection: 'audit-log',
      id: ids.entry,
      overrideAccess: true,
    })
    expect(stored.summary).toBe('Mục có sẵn')
    const adminRead = await gql('admin', `{ AuditLog(id: "${ids.entry}") { id summary } }`)
    expect(adminRead.errors).toBeUndefined()
    expect(JSON.stringify(adminRead.data)).toContain('Mục có sẵn')
  })

  it("a document's history is reachable from its edit view (admin, in Chromium)", async () => {
    const rest = (method: string, path: string, body: unknown) =>
      fetch(`${base}/api${path}`, {
        method,
        headers: { ...auth('editor'), 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    const created = await rest('POST', '/articles', {
      title: 'Tin có lịch sử',
      ownerUnit: ids.unit,
    })
    expect(created.status).toBe(201)
    const id = ((await created.json()) as { doc: { id: string } }).doc.id
    expect((await rest('PATCH', `/articles/${id}`, { title: 'Tin có lịch sử (sửa)' })).status).toBe(
      200,
    )

    const browser = await launchBrowser()
    try {
      const page = await browser.newPage()
      // The dashboard has grown (to-do list, bell): under CI's load it took over 30 s once.
      page.setDefaultTimeout(90_000)
      await adminLogin(page, base, ids.adminEmail, '/admin')
      // The dashboard shows the last nightly backup next to the dispatcher.
      await page.locator('[data-backup="ok"]').waitFor()
      expect(await page.locator('[data-backup="ok"]').textContent()).toContain(
        'thành công — 1.234 tài liệu, 5 tệp media',
      )
      await page.goto(`${base}/admin/collections/articles/${id}`)
      await page.getByRole('link', { name: 'Lịch sử thao tác của tài liệu này' }).click()
      await page.waitForURL(/\/admin\/collections\/audit-log\?/)
      const rows = page.locator('table tbody tr')
      await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(2)
      const text = (await rows.allTextContents()).join(' | ')
      expect(text).toContain('Tạo mới')
      expect(text).toContain('Sửa')
      expect(text).toContain(ids.editorEmail)
    } finally {
      await browser.close()
    }
    // The admin's login through the admin's own form is recorded too.
    const adminLogins = await entries({
      and: [{ action: { equals: 'login' } }, { userEmail: { equals: ids.adminEmail } }],
    })
    expect(adminLogins.length).toBe(2)
  })
})
