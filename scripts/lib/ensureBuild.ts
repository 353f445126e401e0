import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const SOURCES = ['src', 'collections', 'next.config.ts', 'package-lock.json', 'tsconfig.json']

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0
  const stat = fs.statSync(p)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)))
  return newest
}

/** Runs `next build` when there is no build yet or a source file is newer than the last one. */
export async function ensureBuild(root = process.cwd()): Promise<void> {
  const buildId = path.join(root, '.next', 'BUILD_ID')
  const builtAt = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0
  const changedAt = Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))))
  if (builtAt && builtAt >= changedAt) return
  console.log(
    builtAt
      ? 'Mã nguồn đã thay đổi: đang build lại giao diện…'
      : 'Lần chạy đầu: đang build giao diện (khoảng 1–2 phút)…',
  )
  const result = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'],
    {
      cwd: root,
      stdio: 'inherit',
      env: {
        ...process.env,
        NODE_ENV: 'production',
        NODE_OPTIONS: '--no-deprecation',
        NEXT_TELEMETRY_DISABLED: '1',
      },
    },
  )
  if (result.status !== 0) throw new Error(`next build thất bại (mã ${result.status}).`)
}
