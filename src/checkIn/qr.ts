import { createRequire } from 'node:module'
import PDFDocument from 'pdfkit'
import QRCode from 'qrcode'
import { formatVietnamTime } from '@/lib/time'

const require = createRequire(import.meta.url)
// DejaVu Sans has every Vietnamese letter (PDF's standard fonts have none of the tone marks).
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')

/** Medium error correction: readable with a crease or a smudge on a printed card. */
const QR_OPTIONS = { errorCorrectionLevel: 'M' as const, margin: 2 }

/** The QR code as a PNG (for slides, chat groups, the event's page). */
export const qrPng = (url: string) =>
  QRCode.toBuffer(url, { ...QR_OPTIONS, type: 'png', width: 1024 })

export type PrintLayout = 'poster' | 'card'
export type PrintedEvent = {
  title: string
  startsAt: string
  endsAt: string
  venue?: string | null
}

const MM = 72 / 25.4

/**
 * A printable PDF: an A4 poster for the entrance or a table card (A6) for each table. The QR code is
 * drawn as vector squares, sharp at any print size; the Vietnamese text is embedded (subset) DejaVu.
 */
export async function qrPdf(
  url: string,
  event: PrintedEvent,
  layout: PrintLayout,
): Promise<Buffer> {
  const poster = layout === 'poster'
  const size: [number, number] = poster ? [210 * MM, 297 * MM] : [105 * MM, 148 * MM]
  const margin = (poster ? 18 : 8) * MM
  const doc = new PDFDocument({
    size,
    margin,
    info: { Title: `Điểm danh: ${event.title}`, Creator: 'CMS Chuyển đổi số' },
  })
  doc.registerFont('body', FONT).registerFont('bold', FONT_BOLD)
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))

  const width = size[0] - 2 * margin
  doc
    .font('bold')
    .fontSize(poster ? 30 : 14)
    .fillColor('#0b3d91')
    .text('ĐIỂM DANH SỰ KIỆN', { align: 'center', width })
  doc.moveDown(0.3)
  doc
    .font('bold')
    .fontSize(poster ? 20 : 10)
    .fillColor('#1a1a1a')
    .text(event.title, { align: 'center', width })
  doc
    .font('body')
    .fontSize(poster ? 13 : 7.5)
    .text(
      `${formatVietnamTime(event.startsAt)} – ${formatVietnamTime(event.endsAt)}${event.venue ? ` · ${event.venue}` : ''}`,
      { align: 'center', width },
    )
  doc.moveDown(poster ? 1 : 0.5)

  const qr = QRCode.create(url, QR_OPTIONS)
  const modules = qr.modules.size
  const side = Math.min(width, poster ? 150 * MM : 70 * MM)
  const cell = side / modules
  const left = margin + (width - side) / 2
  const top = doc.y
  doc.fillColor('#000000')
  for (let r = 0; r < modules; r++)
    for (let c = 0; c < modules; c++)
      if (qr.modules.get(r, c)) doc.rect(left + c * cell, top + r * cell, cell, cell)
  doc.fill()
  doc.y = top + side + (poster ? 8 : 3) * MM

  doc
    .font('bold')
    .fontSize(poster ? 16 : 8.5)
    .fillColor('#1a1a1a')
    .text('Quét mã bằng camera điện thoại để điểm danh', margin, doc.y, {
      align: 'center',
      width,
    })
  doc
    .font('body')
    .fontSize(poster ? 11 : 6.5)
    .fillColor('#374151')
    .text(
      'Chỉ hỏi thành phần, xã/phường và độ tuổi (không bắt buộc); không hỏi họ tên, số điện thoại. Mỗi điện thoại được tính một lần.',
      { align: 'center', width },
    )
    .moveDown(0.3)
    .text(url, { align: 'center', width })
  doc.end()
  return done
}
