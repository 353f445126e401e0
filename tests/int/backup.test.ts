/**
 * Backup and restore, end to end with real processes: `npm run backup` (its own process) copies
 * the database while this process keeps writing; the copy is one moment (the articles written in
 * order are a prefix); `npm run restore` puts it into a fresh folder, and the app started on the
 * restored folder (another process) has every collection's count the manifest says, the same
 * articles and media records, and byte-identical media files. A truncated, altered or incomplete
 * backup is refused with a clear message and nothing is touched; a non-empty target needs --force.
 */
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { pruneBackups } from '@/backup/backup'
import { startOpsCron } from '@/backup/cron'
import { readBackupStatus } from '@/backup/status'
import type { Manifest } from '@/backup/manifest'
import { restoreBackup } from '@/backup/restore'
import { createUnit, fileOf, pngBuffer } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'

const root = path.resolve(__dirname, '../..')
const tmp = process.env.TEST_TMP_DIR!
const backups = path.join(tmp, 'backups')

let payload: Payload
let unit: string

type Run = { code: number | null; stdout: string; stderr: string }
function run(script: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--import', './src/preload.ts', script, ...args],
      { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let stdout = ''
    let stderr = ''
    // Decoded as a stream: a chunk may end inside a multi-byte character.
    child.stdout.setEncoding('utf8')
    child.stderr.setEncoding('utf8')
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('exit', (code) => resolve({ code, stdout, stderr }))
  })
}
const lastJson = <T>(out: string): T => JSON.parse(out.trim().split('\n').at(-1)!) as T

const sha = (file: string) =>
  crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')
const filesOf = (dir: string): Record<string, string> =>
  Object.fromEntries(
    (fs.existsSync(dir) ? (fs.readdirSync(dir, { recursive: true }) as string[]) : [])
      .filter((f) => fs.statSync(path.join(dir, f)).isFile())
      .map((f) => [f, sha(path.join(dir, f))]),
  )

type Dump = {
  counts: Record<string, number>
  articles: { id: string; title: string }[]
  media: { id: string; filename: string; sizes: string[] }[]
}

let folder: string
let manifest: Manifest
let before: Dump['articles']
let writtenDuring: string[]

beforeAll(async () => {
  payload = await testPayload()
  unit = String((await createUnit(payload, 'Báo Tây Ninh')).id)
  for (let i = 0; i < 20; i++)
    await payload.create({
      collection: 'articles',
      overrideAccess: true,
      data: { title: `Tin có sẵn ${i}`, ownerUnit: unit, _status: 'published' } as never,
    })
  for (const [i, width] of [800, 1300].entries())
    await payload.create({
      collection: 'media',
      overrideAccess: true,
      data: { alt: `Ảnh ${i}`, credit: 'Báo Tây Ninh', ownerUnit: unit } as never,
      file: fileOf(await pngBuffer(width, 600), `anh-${i}.png`, 'image/png') as never,
    })
  before = (
    await payload.find({
      collection: 'articles',
      limit: 0,
      pagination: false,
      overrideAccess: true,
      sort: 'createdAt',
    })
  ).docs.map((a) => ({ id: String(a.id), title: a.title }))

  // The backup runs in its own process while this one keeps writing, one article after another.
  writtenDuring = []
  let writing = true
  const writer = (async () => {
    for (let i = 0; writing; i++) {
      const title = `Ghi trong lúc sao lưu ${String(i).padStart(4, '0')}`
      await payload.create({
        collection: 'articles',
        overrideAccess: true,
        data: { title, ownerUnit: unit } as never,
      })
      writtenDuring.push(title)
      // SQLite calls resolve without yielding to the event loop; give the child process's events a turn.
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
  })()
  const backup = await run('scripts/backup.ts', [], { BACKUP_DIR: backups })
  writing = false
  await writer
  expect(backup.code, backup.stderr).toBe(0)
  folder = lastJson<{ folder: string }>(backup.stdout).folder
  manifest = JSON.parse(fs.readFileSync(path.join(folder, 'manifest.json'), 'utf8')) as Manifest
}, 180_000)

describe('backup while writing, then restore into a fresh folder', () => {
  it('the backup is one moment: the articles written during it are a prefix, as the manifest counts', async () => {
    expect(path.dirname(folder)).toBe(backups)
    expect(path.basename(folder)).toMatch(/^campaign-\d{4}-\d{2}-\d{2}_\d{6}$/)
    // Writes really overlapped the backup.
    expect(writtenDuring.length).toBeGreaterThan(3)
    const inCopy = manifest.counts.articles - before.length
    expect(inCopy).toBeGreaterThanOrEqual(0)
    expect(inCopy).toBeLessThanOrEqual(writtenDuring.length)
    expect(manifest.counts.media).toBe(2)
    expect(manifest.counts.units).toBe(1)
    expect(manifest.migration).toMatch(/^\d{8}_\d{6}_/)
    // `npm run backup` leaves its outcome for the dashboard too.
    expect(readBackupStatus(backups)).toMatchObject({
      ok: true,
      folder,
      mediaFiles: manifest.media.length,
    })
    expect(manifest.totalBytes).toBe(
      manifest.database.bytes + manifest.media.reduce((n, m) => n + m.bytes, 0),
    )
  })

  it('restores into a fresh folder: counts, articles, media records and files equal', async () => {
    const target = path.join(tmp, 'restored')
    const databaseFile = path.join(target, 'data', 'campaign.db')
    const media = path.join(target, 'media')
    await restoreBackup(folder, { databaseFile, media })
    const result = await run('tests/helpers/dumpDatabase.ts', [], {
      DATABASE_URI: `file:${databaseFile}`,
      MEDIA_DIR: media,
    })
    expect(result.code, result.stderr).toBe(0)
    const dump = lastJson<Dump>(result.stdout)
    expect(dump.counts).toEqual(manifest.counts)

    // The articles from before the backup, then a prefix of those written during it, in order.
    const inCopy = manifest.counts.articles - before.length
    expect(dump.articles.map((a) => a.title)).toEqual([
      ...before.map((a) => a.title),
      ...writtenDuring.slice(0, inCopy),
    ])
    expect(dump.articles.slice(0, before.length).map((a) => a.id)).toEqual(before.map((a) => a.id))

    const source = (
      await payload.find({
        collection: 'media',
        limit: 0,
        pagination: false,
        overrideAccess: true,
        sort: 'createdAt',
      })
    ).docs
    expect(dump.media.map((m) => [m.id, m.filename])).toEqual(source.map((m) => [m.id, m.filename]))
    // Every file of every media record, byte for byte.
    const restoredFiles = filesOf(media)
    const sourceFiles = filesOf(process.env.MEDIA_DIR!)
    const named = dump.media.flatMap((m) => [m.filename, ...m.sizes]).filter(Boolean)
    expect(named.length).toBeGreaterThan(2)
    for (const name of named) {
      expect(restoredFiles[name], name).toBeDefined()
      expect(restoredFiles[name]).toBe(sourceFiles[name])
    }
  }, 120_000)

  it('refuses a target that is not empty without --force, and overwrites it with --force', async () => {
    const target = path.join(tmp, 'occupied')
    const databaseFile = path.join(target, 'campaign.db')
    fs.mkdirSync(target, { recursive: true })
    fs.writeFileSync(databaseFile, 'dữ liệu đang dùng')
    await expect(
      restoreBackup(folder, { databaseFile, media: path.join(target, 'media') }),
    ).rejects.toThrow(/không trống.*--force/)
    expect(fs.readFileSync(databaseFile, 'utf8')).toBe('dữ liệu đang dùng')
    await restoreBackup(folder, { databaseFile, media: path.join(target, 'media'), force: true })
    expect(sha(databaseFile)).toBe(manifest.database.sha256)
  })

  it('keeps the newest backups when pruning', () => {
    const dir = path.join(tmp, 'prune')
    for (const name of [
      'campaign-2026-11-01_013000',
      'campaign-2026-11-02_013000',
      'campaign-2026-11-03_013000',
    ]) {
      fs.mkdirSync(path.join(dir, name), { recursive: true })
      fs.writeFileSync(path.join(dir, name, 'manifest.json'), '{}')
    }
    fs.mkdirSync(path.join(dir, '.campaign-2026-11-04_013000.partial'))
    expect(pruneBackups(dir, 2)).toEqual(['campaign-2026-11-01_013000'])
    expect(fs.readdirSync(dir).sort()).toEqual([
      '.campaign-2026-11-04_013000.partial',
      'campaign-2026-11-02_013000',
      'campaign-2026-11-03_013000',
    ])
  })
})

describe('the nightly backup job', () => {
  it('backs up, keeps the newest BACKUP_KEEP and records its outcome for the dashboard', async () => {
    const dir = path.join(tmp, 'nightly')
    Object.assign(process.env, { BACKUP_DIR: dir, BACKUP_KEEP: '2', BACKUP_CRON: 'off' })
    const ops = startOpsCron(payload)
    try {
      for (let i = 0; i < 3; i++) expect(await ops.runBackup()).toBe(true)
    } finally {
      await ops.stop()
    }
    const kept = fs.readdirSync(dir).filter((n) => n.startsWith('campaign-'))
    expect(kept).toHaveLength(2)
    const status = readBackupStatus(dir)!
    expect(status).toMatchObject({ ok: true, mediaFiles: manifest.media.length })
    expect(kept).toContain(path.basename(status.folder!))
    expect(status.documents).toBeGreaterThan(20)
  }, 60_000)
})

describe('a damaged backup is refused and nothing is touched', () => {
  const damaged = (name: string, damage: (dir: string) => void) => {
    const dir = path.join(tmp, 'damaged', name)
    fs.cpSync(folder, dir, { recursive: true })
    damage(dir)
    return dir
  }
  const expectRefused = async (dir: string, message: RegExp) => {
    const target = path.join(tmp, 'untouched', path.basename(dir))
    const databaseFile = path.join(target, 'data', 'campaign.db')
    const media = path.join(target, 'media')
    await expect(restoreBackup(dir, { databaseFile, media })).rejects.toThrow(message)
    expect(fs.existsSync(target)).toBe(false)
  }

  it('a truncated database file', async () => {
    const dir = damaged('truncated', (d) => {
      const file = path.join(d, 'campaign.db')
      fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2))
    })
    await expectRefused(dir, /campaign\.db.*bị cắt cụt/)
  })

  it('an altered media file of the same size', async () => {
    const entry = manifest.media[0]
    const dir = damaged('altered', (d) => {
      const file = path.join(d, entry.path)
      const bytes = fs.readFileSync(file)
      bytes[bytes.length - 10] ^= 0xff
      fs.writeFileSync(file, bytes)
    })
    await expectRefused(dir, /bị hỏng: mã kiểm tra SHA-256 không khớp/)
  })

  it('a missing or broken manifest (an unfinished copy)', async () => {
    await expectRefused(
      damaged('no-manifest', (d) => fs.rmSync(path.join(d, 'manifest.json'))),
      /thiếu hoặc hỏng tệp manifest\.json/,
    )
    await expectRefused(
      damaged('cut-manifest', (d) => {
        const file = path.join(d, 'manifest.json')
        fs.writeFileSync(file, fs.readFileSync(file, 'utf8').slice(0, 100))
      }),
      /thiếu hoặc hỏng tệp manifest\.json/,
    )
  })

  it('`npm run restore` says why and exits 1', async () => {
    const dir = damaged('cli', (d) => fs.truncateSync(path.join(d, 'campaign.db'), 1000))
    const target = path.join(tmp, 'cli-target')
    const result = await run('scripts/restore.ts', [dir], {
      DATABASE_URI: `file:${path.join(target, 'campaign.db')}`,
      MEDIA_DIR: path.join(target, 'media'),
    })
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^Lỗi: Tệp "campaign\.db" bị cắt cụt hoặc thay đổi: 1000 byte/m)
    expect(fs.existsSync(target)).toBe(false)
  }, 60_000)
})
