/**
 * The export on demand over real HTTP (the Express + Next server on loopback, logged in through
 * REST as each role), and Bến Tre's annexe end to end from data entered through the REST API:
 * the admin enters its 188 units, Sở TT&TT (a campaign manager) its plan, then asks for the 2025
 * export with "freeze now"; the job's progress is polled until the file is stored in
 * generated-reports (who, when, which snapshot), and the downloaded XLSX is read back with
 * SheetJS: 473 experts, 3,945 short-course trainees, 4,418 in all, per unit type and per year.
 * A unit's editor exports their own unit's figures only, may not freeze, and cannot read another's
 * export; bad requests get a Vietnamese 400/403 and store nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import type { RunningServer } from '@/server'
import { planSubtotals, unitKinds } from '@/vocabulary'
import { BEN_TRE_PLAN, BEN_TRE_UNITS } from '../helpers/benTre'
import { createUser, PASSWORD } from '../helpers/fixtures'
import { restLogin, stopTestServer, testServer } from '../helpers/server'

let server: RunningServer
const tokens: Record<'admin' | 'manager' | 'editor', string> = {
  admin: '',
  manager: '',
  editor: '',
}
let commune1 = ''

const api = async (
  who: keyof typeof tokens,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> => {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: `JWT ${tokens[who]}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  })
  return {
    status: res.status,
    json: (await res.json().catch(() => ({}))) as Record<string, unknown>,
  }
}

type Job = {
  id: string
  status: string
  progress: number
  url?: string
  unit?: unknown
  snapshot?: unknown
  generatedBy?: unknown
  error?: string
}

/** Polls the stored job until it is done or failed; returns it and the progress values seen. */
async function finished(who: keyof typeof tokens, id: string) {
  const seen: { status: string; progress: number }[] = []
  for (let i = 0; i < 600; i++) {
    const { json } = await api(who, 'GET', `/api/generated-reports/${id}?depth=0`)
    const job = json as unknown as Job
    seen.push({ status: job.status, progress: job.progress })
    if (job.status === 'done' || job.status === 'failed') return { job, seen }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('export job did not finish')
}

const download = async (who: keyof typeof tokens, url: string) => {
  const res = await fetch(new URL(url, server.url), {
    headers: { authorization: `JWT ${tokens[who]}` },
  })
  expect(res.status).toBe(200)
  return XLSX.read(Buffer.from(await res.arrayBuffer()))
}

beforeAll(async () => {
  server = await testServer()
  const { payload } = server
  const admin = await createUser(payload, 'admin', null)
  const manager = await createUser(payload, 'campaign-manager', null)
  tokens.admin = await restLogin(server.url, admin.email as string, PASSWORD)
  tokens.manager = await restLogin(server.url, manager.email as string, PASSWORD)
  let lead = ''
  for (const [kind, count] of Object.entries(BEN_TRE_UNITS))
    for (let i = 1; i <= count; i++) {
      const { status, json } = await api('admin', 'POST', '/api/units', {
        name: `${unitKinds.label(kind)} ${i}`,
        kind,
        active: true,
      })
      expect(status).toBe(201)
      const id = String((json.doc as { id: string }).id)
      lead ||= id
      if (kind === 'commune' && i === 1) commune1 = id
    }
  const plan = await api('manager', 'POST', '/api/campaigns', {
    name: 'Kế hoạch 2021-2025 Bến Tre',
    startsOn: '2021-01-01T00:00:00+07:00',
    endsOn: '2025-12-31T00:00:00+07:00',
    leadUnit: lead,
    ...BEN_TRE_PLAN,
  })
  expect(plan.status).toBe(201)
  const editor = await createUser(payload, 'editor', commune1)
  tokens.editor = await restLogin(server.url, editor.email as string, PASSWORD)
}, 300_000)

afterAll(async () => {
  await stopTestServer()
})

describe('Bến Tre’s annexe, exported on demand over HTTP', () => {
  let book: XLSX.WorkBook
  let job: Job
  let seen: { status: string; progress: number }[]

  beforeAll(async () => {
    const started = await api('manager', 'POST', '/api/generated-reports/export', {
      year: 2025,
      format: 'xlsx',
      snapshot: 'freeze',
    })
    expect(started.status).toBe(202)
    expect(started.json.status).toBe('queued')
    ;({ job, seen } = await finished('manager', String(started.json.id)))
    expect(job.error ?? null).toBeNull()
    book = await download('manager', job.url!)
  }, 120_000)

  it('runs as a job whose progress ends at 100 %, stored with who, when and which snapshot', () => {
    expect(job.status).toBe('done')
    expect(seen.at(-1)).toEqual({ status: 'done', progress: 100 })
    expect(seen.every((s, i) => i === 0 || s.progress >= seen[i - 1].progress)).toBe(true)
    expect(job.generatedBy).toBeTruthy()
    expect(job.snapshot).toBeTruthy()
    expect(job.unit ?? null).toBeNull()
  })

  it('gives 473 experts, 3,945 trainees, 4,418 in all, per unit type and per year', () => {
    const rows = XLSX.utils.sheet_to_json(book.Sheets['Đào tạo'], {
      header: 1,
      defval: null,
    }) as unknown[][]
    const value = (label: string, when: string | null = null) =>
      rows.find((r) => r[0] === label && r[1] === when)?.[2]
    expect(value(`Chuyên gia CĐS – ${unitKinds.label('commune')}`, '157 đơn vị')).toBe(314)
    expect(value(`Bồi dưỡng ngắn hạn – ${unitKinds.label('commune')}`, '157 đơn vị')).toBe(2355)
    expect(value(`Chuyên gia CĐS – ${unitKinds.label('department')}`, '20 đơn vị')).toBe(100)
    expect(value(`Bồi dưỡng ngắn hạn – ${unitKinds.label('district')}`, '9 đơn vị')).toBe(900)
    expect(value('Tổng nhu cầu chuyên gia CĐS')).toBe(473)
    expect(value('Tổng nhu cầu bồi dưỡng ngắn hạn')).toBe(3945)
    expect(value('Tổng cộng nhu cầu')).toBe(4418)
    const years = ['2021', '2022', '2023', '2024', '2025']
    expect(years.map((y) => value(planSubtotals.label('grand-total'), y))).toEqual([
      270, 980, 980, 980, 1208,
    ])
    expect(years.map((y) => value(planSubtotals.label('dx-experts'), y))).toEqual([
      50, 100, 100, 100, 123,
    ])
    expect(value(planSubtotals.label('short-courses'), 'Cả giai đoạn')).toBe(3945)
  })

  it('the final review 2021-2025 puts the plan in a column per year with the total', async () => {
    const started = await api('manager', 'POST', '/api/generated-reports/export', {
      year: 2021,
      to: 2025,
      format: 'xlsx',
      snapshot: 'freeze',
    })
    expect(started.status).toBe(202)
    const { job } = await finished('manager', String(started.json.id))
    expect(job.status).toBe('done')
    const period = await download('manager', job.url!)
    const rows = XLSX.utils.sheet_to_json(period.Sheets['Đào tạo'], {
      header: 1,
      defval: null,
    }) as unknown[][]
    const grand = rows.find(
      (r) => r[0] === planSubtotals.label('grand-total') && String(r[1]).startsWith('Kế hoạch'),
    )
    expect(grand?.slice(2)).toEqual([270, 980, 980, 980, 1208, 4418])
  }, 120_000)
})

describe('who exports what', () => {
  it('an editor’s export holds their unit’s figures only; they may not freeze or read another’s', async () => {
    const started = await api('editor', 'POST', '/api/generated-reports/export', {
      year: 2025,
      format: 'xlsx',
    })
    expect(started.status).toBe(202)
    const { job } = await finished('editor', String(started.json.id))
    expect([job.status, job.unit]).toEqual(['done', commune1])
    const own = await download('editor', job.url!)
    const units = XLSX.utils.sheet_to_json(own.Sheets['Tổng hợp'], { header: 1 }) as unknown[][]
    expect(String(units[0][0])).toContain(`${unitKinds.label('commune')} 1`)

    const freeze = await api('editor', 'POST', '/api/generated-reports/export', {
      year: 2025,
      snapshot: 'freeze',
    })
    expect(freeze.status).toBe(403)
    const list = await api('manager', 'GET', '/api/generated-reports?depth=0&limit=100')
    const others = (list.json.docs as Job[]).filter((d) => !d.unit)
    expect(others.length).toBeGreaterThan(0)
    const hidden = await api('editor', 'GET', `/api/generated-reports/${others[0].id}`)
    expect([403, 404]).toContain(hidden.status)
    const mine = await api('editor', 'GET', '/api/generated-reports?depth=0&limit=100')
    expect((mine.json.docs as Job[]).every((d) => d.unit === commune1)).toBe(true)
  }, 120_000)

  it('refuses a period that ends before it starts, in Vietnamese, storing nothing', async () => {
    const before = (await api('manager', 'GET', '/api/generated-reports?limit=0')).json.totalDocs
    const bad = await api('manager', 'POST', '/api/generated-reports/export', {
      year: 2025,
      to: 2022,
    })
    expect(bad.status).toBe(400)
    expect((bad.json.errors as { message: string }[])[0].message).toBe(
      'Giai đoạn không hợp lệ: năm kết thúc (2022) trước năm bắt đầu (2025).',
    )
    const none = await api('manager', 'POST', '/api/generated-reports/export', { year: 2019 })
    expect(none.status).toBe(400)
    expect((none.json.errors as { message: string }[])[0].message).toContain(
      'Năm 2019 chưa có bản chốt số liệu',
    )
    const after = (await api('manager', 'GET', '/api/generated-reports?limit=0')).json.totalDocs
    expect(after).toBe(before)
    const anonymous = await fetch(`${server.url}/api/generated-reports/export`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ year: 2025 }),
    })
    expect(anonymous.status).toBe(401)
  })
})
