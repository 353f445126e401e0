/**
 * Demo pictures drawn at seed time: an SVG composed here, rendered to PNG by sharp. No binary
 * files live in the repository, and every picture carries its own Vietnamese title.
 */
import sharp from 'sharp'
import { escapeHtml } from '@/lib/html'

export type Palette = readonly [string, string]

export const PALETTES = {
  blue: ['#0b4f8a', '#1b9aaa'],
  green: ['#1f6f43', '#6bbf59'],
  red: ['#9b1c1c', '#e2622b'],
  purple: ['#4b2a7b', '#2f6fb2'],
  teal: ['#0f5e5e', '#2bb3a3'],
  orange: ['#a34a0b', '#f0a202'],
  navy: ['#14213d', '#3a5a97'],
} as const satisfies Record<string, Palette>

export type PaletteName = keyof typeof PALETTES

const FONT = `'Be Vietnam Pro', Roboto, 'Noto Sans', 'DejaVu Sans', Arial, sans-serif`


/** Greedy word wrap by an estimated character width (about 0.6 em for a bold sans-serif). */
export function wrap(text: string, maxChars: number, maxLines = 4): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!line) line = word
    else if ((line + ' ' + word).length <= maxChars) line += ' ' + word
    else {
      lines.push(line)
      line = word
    }
  }
  if (line) lines.push(line)
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines)
    kept[maxLines - 1] = kept[maxLines - 1].replace(/\s*\S*$/, '') + ' …'
    return kept
  }
  return lines
}

const textLines = (
  lines: string[],
  x: number,
  y: number,
  size: number,
  lineHeight: number,
  attrs: string,
) =>
  lines
    .map(
      (t, i) =>
        `<text x="${x}" y="${y + i * lineHeight}" font-family="${FONT}" font-size="${size}" ${attrs}>${escapeHtml(t)}</text>`,
    )
    .join('')

/** A small network of nodes: the campaign's visual motif, placed deterministically from a seed number. */
function motif(width: number, height: number, seed: number, xFrom = 0.55): string {
  let s = seed * 9301 + 49297
  const rnd = () => (s = (s * 9301 + 49297) % 233280) / 233280
  const nodes = Array.from(
    { length: 9 },
    () => [width * (xFrom + rnd() * (0.97 - xFrom)), height * (0.08 + rnd() * 0.5)] as const,
  ).sort((a, b) => a[0] - b[0])
  const edges = nodes.slice(1).map(([x, y], i) => {
    const [px, py] = nodes[i]
    return `<line x1="${px.toFixed(0)}" y1="${py.toFixed(0)}" x2="${x.toFixed(0)}" y2="${y.toFixed(0)}" stroke="#ffffff" stroke-opacity="0.25" stroke-width="3"/>`
  })
  const dots = nodes.map(
    ([x, y], i) =>
      `<circle cx="${x.toFixed(0)}" cy="${y.toFixed(0)}" r="${8 + (i % 3) * 6}" fill="#ffffff" fill-opacity="${0.25 + (i % 4) * 0.1}"/>`,
  )
  return edges.join('') + dots.join('')
}

const hash = (text: string) => [...text].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7)

const background = (width: number, height: number, [from, to]: Palette) =>
  `<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>` +
  `<rect width="${width}" height="${height}" fill="url(#bg)"/>`

const render = async (svg: string) =>
  sharp(Buffer.from(svg)).png({ compressionLevel: 6 }).toBuffer()

export type CoverSpec = { title: string; kicker: string; footer: string; palette: PaletteName }

/**
 * A 16:9 cover picture: kicker in a band, title in large type, a footer naming the campaign. Drawn
 * on a 1600×900 canvas and rendered at `outWidth` (1280 px by default: larger than the biggest
 * derived size the site uses, Open Graph's 1200 px, and a third faster to process than 1600 px).
 */
export async function coverPng(
  { title, kicker, footer, palette }: CoverSpec,
  outWidth = 1280,
): Promise<Buffer> {
  const width = 1600
  const height = 900
  const lines = wrap(title, 34, 4)
  const size = 66
  const lineHeight = 84
  const top = height - 170 - (lines.length - 1) * lineHeight
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${outWidth}" height="${Math.round((outWidth * height) / width)}" viewBox="0 0 ${width} ${height}">
${background(width, height, PALETTES[palette])}
${motif(width, height, hash(title))}
<rect x="80" y="${top - 150}" width="${Math.min(64 + kicker.length * 22, width - 160)}" height="56" rx="28" fill="#ffffff" fill-opacity="0.18"/>
${textLines([kicker.toUpperCase()], 110, top - 111, 30, 0, 'font-weight="700" fill="#ffe08a" letter-spacing="1"')}
${textLines(lines, 80, top, size, lineHeight, 'font-weight="700" fill="#ffffff"')}
<rect x="0" y="${height - 80}" width="${width}" height="80" fill="#000000" fill-opacity="0.22"/>
${textLines([footer], 80, height - 30, 28, 0, 'fill="#ffffff" fill-opacity="0.9"')}
</svg>`
  return render(svg)
}

export type InfographicSpec = {
  title: string
  subtitle: string
  /** Bars (value relative to the largest) or, with no values, numbered steps. */
  items: { label: string; value?: number; display: string }[]
  source: string
  palette: PaletteName
}

/** A portrait infographic (1080×1350): title, then a bar chart or a list of numbered steps, then the source. */
export async function infographicPng(
  { title, subtitle, items, source, palette }: InfographicSpec,
  width = 1080,
  height = 1350,
): Promise<Buffer> {
  const titleLines = wrap(title, 26, 3)
  const subLines = wrap(subtitle, 52, 2)
  const [from, to] = PALETTES[palette]
  let y = 120
  const parts: string[] = []
  parts.push(textLines(titleLines, 70, y, 56, 70, 'font-weight="700" fill="#ffffff"'))
  y += titleLines.length * 70
  parts.push(textLines(subLines, 70, y + 10, 28, 38, 'fill="#ffe08a"'))
  y += subLines.length * 38 + 60

  const rowHeight = Math.min(170, (height - 160 - y) / items.length)
  const max = Math.max(...items.map((i) => i.value ?? 0), 1)
  items.forEach((item, i) => {
    const top = y + i * rowHeight
    parts.push(
      `<rect x="60" y="${top}" width="${width - 120}" height="${rowHeight - 20}" rx="18" fill="#ffffff" fill-opacity="0.93"/>`,
    )
    if (item.value != null) {
      const barWidth = Math.max(24, ((width - 200) * item.value) / max)
      parts.push(
        textLines(wrap(item.label, 44, 1), 90, top + 44, 28, 0, `font-weight="700" fill="${from}"`),
      )
      parts.push(
        `<rect x="90" y="${top + 62}" width="${barWidth.toFixed(0)}" height="${Math.max(18, rowHeight - 110)}" rx="9" fill="${to}"/>`,
      )
      parts.push(
        textLines(
          [item.display],
          width - 90,
          top + 44,
          30,
          0,
          `font-weight="700" fill="${from}" text-anchor="end"`,
        ),
      )
    } else {
      parts.push(`<circle cx="120" cy="${top + (rowHeight - 20) / 2}" r="36" fill="${to}"/>`)
      parts.push(
        textLines(
          [String(i + 1)],
          120,
          top + (rowHeight - 20) / 2 + 14,
          40,
          0,
          'font-weight="700" fill="#ffffff" text-anchor="middle"',
        ),
      )
      const label = wrap(item.label, 38, 1)
      const detail = wrap(item.display, 50, 2)
      parts.push(textLines(label, 185, top + 48, 30, 0, `font-weight="700" fill="${from}"`))
      parts.push(textLines(detail, 185, top + 88, 24, 32, 'fill="#333333"'))
    }
  })

  parts.push(
    `<rect x="0" y="${height - 110}" width="${width}" height="110" fill="#000000" fill-opacity="0.25"/>`,
  )
  parts.push(textLines(wrap(`Nguồn: ${source}`, 70, 2), 70, height - 62, 22, 30, 'fill="#ffffff"'))

  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
${background(width, height, PALETTES[palette])}
${motif(width, height * 0.3, hash(title), 0.84)}
${parts.join('\n')}
</svg>`
  return render(svg)
}
