/**
 * Reading a generated .docx back the way a person would: LibreOffice headless converts it to PDF
 * and to text (an independent reader: not the `docx` library that wrote it), and poppler's
 * pdftotext, when installed, gives the PDF's text page by page.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import * as XLSX from 'xlsx'

const run = promisify(execFile)

/** Converts `file` into its folder with LibreOffice headless (its own profile there, so parallel runs do not share one). */
export async function soffice(to: 'pdf' | 'txt', file: string) {
  const dir = path.dirname(file)
  await run(
    'soffice',
    [
      `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
      '--headless',
      '--convert-to',
      to === 'txt' ? 'txt:Text (encoded):UTF8' : 'pdf',
      '--outdir',
      dir,
      file,
    ],
    { timeout: 120_000 },
  )
  return path.join(dir, `${path.basename(file, path.extname(file))}.${to}`)
}

/** The .docx as LibreOffice's PDF and text: the text, and the PDF's pages' texts (null without pdftotext). */
export async function readDocx(file: string) {
  const pdf = await soffice('pdf', file)
  const text = fs.readFileSync(await soffice('txt', file), 'utf8')
  let pages: string[] | null = null
  try {
    const { stdout } = await run('pdftotext', ['-layout', pdf, '-'], { maxBuffer: 64 << 20 })
    pages = stdout.split('\f').filter((p, i, all) => i < all.length - 1 || p.trim())
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
  }
  return { pdf, text, pages }
}

/** The XML parts of a .docx (or .xlsx): word/document.xml, word/header1.xml… by path inside the zip. */
export function zipParts(file: string): Map<string, string> {
  const zip = XLSX.CFB.read(fs.readFileSync(file), { type: 'buffer' })
  const parts = new Map<string, string>()
  zip.FullPaths.forEach((p: string, i: number) => {
    const content = zip.FileIndex[i].content
    if (p.endsWith('.xml') && content?.length)
      parts.set(p.replace(/^[^/]*\//, ''), Buffer.from(content).toString('utf8'))
  })
  return parts
}
