import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'

/**
 * The environment `npm run export` has: the rollup's huge-page malloc tunable (set by
 * `npm run bench:rollup`, see the README) is not part of it, so it is not measured with it.
 */
function exportEnv(rssFile: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, BENCH_RSS_FILE: rssFile }
  delete env.GLIBC_TUNABLES
  return env
}

export type ExportStep = {
  /** Freezing the year (copying its cells into a snapshot, with the checksum), in the bench's process. */
  snapshotMs: number
  /** `npm run export -- --year Y --format xlsx` as its own process, start to exit. */
  exportMs: number
  /** That process's peak resident memory. */
  exportPeakRssMb: number
  exportBytes: number
}

/**
 * The annual export of a large year, as a user runs it: the year is frozen (a snapshot, as the
 * admin's "freeze now" does), then the export CLI runs in a process of its own against the same
 * database, so its peak memory is its own (a process's peak cannot be reset: measured in the
 * bench's process it would be the rollup's). The XLSX goes to a temporary file, removed after.
 */
export async function measureExport(payload: Payload, year: number): Promise<ExportStep> {
  const snapshotStarted = performance.now()
  const snapshot = await payload.create({
    collection: 'rollup-snapshots',
    data: { year, note: 'Bench' },
    overrideAccess: true,
  })
  const snapshotMs = performance.now() - snapshotStarted
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-export-'))
  const out = path.join(dir, `${year}.xlsx`)
  const rssFile = path.join(dir, 'rss')
  const started = performance.now()
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--import',
        './src/preload.ts',
        '--import',
        './bench/peakRss.ts',
        'scripts/export.ts',
        '--snapshot',
        String(snapshot.id),
        '--format',
        'xlsx',
        '--out',
        out,
      ],
      { env: exportEnv(rssFile), stdio: ['ignore', 2, 2] },
    )
    child.on('error', reject)
    child.on('exit', resolve)
  })
  const exportMs = performance.now() - started
  if (code !== 0) throw new Error(`npm run export thoát với mã ${code}`)
  const [peak, makeup] = fs.readFileSync(rssFile, 'utf8').split('\n')
  console.error(`[bench] bộ nhớ của tiến trình xuất lúc lớn nhất (MB): ${makeup}`)
  const result = {
    snapshotMs: Math.round(snapshotMs),
    exportMs: Math.round(exportMs),
    exportPeakRssMb: Number(peak),
    exportBytes: fs.statSync(out).size,
  }
  fs.rmSync(dir, { recursive: true, force: true })
  return result
}
