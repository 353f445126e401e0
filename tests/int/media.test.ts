/**
 * The media library's upload pipeline through the Local API, on this file's fresh database and
 * temporary MEDIA_DIR: images become EXIF-free WebP with fixed sizes, and anything that is not what
 * it claims to be (wrong content, scripted SVG, too large, unsupported type) is refused with a
 * Vietnamese message, leaving neither a database row nor a file behind.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Media } from '@/payload-types'
import { createUnit, fileOf, pngBuffer } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'

let payload: Payload
let unitId: string

const mediaDir = () => process.env.MEDIA_DIR!

/** Every file under MEDIA_DIR (relative paths, sorted); empty when the folder does not exist yet. */
function storedFiles(): string[] {
  if (!fs.existsSync(mediaDir())) return []
  return (fs.readdirSync(mediaDir(), { recursive: true }) as string[])
    .filter((f) => fs.statSync(path.join(mediaDir(), f)).isFile())
    .sort()
}

const mediaCount = async () =>
  (await payload.count({ collection: 'media', overrideAccess: true })).totalDocs

type Upload = { data?: Record<string, unknown>; file: ReturnType<typeof fileOf> }

const upload = ({ data, file }: Upload) =>
  payload.create({
    collection: 'media',
    data: {
      alt: 'Ảnh hội nghị chuyển đổi số',
      credit: 'Báo Đắk Lắk',
      ownerUnit: unitId,
      ...data,
    } as never,
    file: file as never,
    overrideAccess: true,
  }) as Promise<Media>

/**
 * Uploads that must fail: returns the field errors, after checking that neither a media document
 * nor a stored file appeared.
 */
async function expectRefused(args: Upload, path: string, message: RegExp) {
  const countBefore = await mediaCount()
  const filesBefore = storedFiles()
  let caught: (Error & { data?: { errors?: { path: string; message: string }[] } }) | undefined
  try {
    await upload(args)
  } catch (err) {
    caught = err as typeof caught
  }
  expect(caught, 'the upload should have been refused').toBeInstanceOf(Error)
  const errors = caught!.data?.errors ?? []
  const onPath = errors.filter((e) => e.path === path)
  expect(
    onPath.length,
    `expected an error on "${path}", got ${JSON.stringify(errors)} / ${caught!.message}`,
  ).toBeGreaterThan(0)
  expect(onPath.map((e) => e.message).join(' | ')).toMatch(message)
  expect(await mediaCount()).toBe(countBefore)
  expect(storedFiles()).toEqual(filesBefore)
  return errors
}

/** A PNG of random pixels: it does not compress, so its size is predictable. */
const noisyPng = (width: number, height: number) =>
  sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#000',
      noise: { type: 'gaussian', mean: 128, sigma: 60 },
    },
  })
    .png()
    .toBuffer()

/** A minimal well-formed PDF (one empty A4 page) with a correct cross-reference table. */
function minimalPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ]
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((obj, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'))
    body += `${i + 1} 0 obj\n${obj}\nendobj\n`
  })
  const xref = Buffer.byteLength(body, 'latin1')
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}

/**
 * A short silent MP3: MPEG-1 Layer III frames, 128 kbit/s, 44.1 kHz, no CRC (header FF FB 90 00),
 * each 417 bytes long.
 */
function silentMp3(frames = 40): Buffer {
  const frame = Buffer.alloc(417)
  frame.set([0xff, 0xfb, 0x90, 0x00])
  return Buffer.concat(Array.from({ length: frames }, () => frame))
}

const SIZES = { thumbnail: [320, 240], card: [768, 432], og: [1200, 630] } as const

beforeAll(async () => {
  payload = await testPayload()
  unitId = String((await createUnit(payload, 'Báo Đắk Lắk')).id)
})

describe('image uploads', () => {
  async function expectWebpWithoutExif(doc: Media, sourceWidth: number, sourceHeight: number) {
    expect(doc.mimeType).toBe('image/webp')
    expect(doc.filename).toMatch(/\.webp$/)
    expect(doc.kind).toBe('image')
    expect([doc.width, doc.height]).toEqual([sourceWidth, sourceHeight])

    const files = [doc.filename!]
    for (const [name, [w, h]] of Object.entries(SIZES)) {
      const size = doc.sizes?.[name as keyof typeof SIZES]
      expect(size, name).toMatchObject({ width: w, height: h, mimeType: 'image/webp' })
      expect(size!.filename).toMatch(/\.webp$/)
      files.push(size!.filename!)
    }
    const large = doc.sizes?.large
    expect(large?.filename).toMatch(/\.webp$/)
    expect(large?.mimeType).toBe('image/webp')
    expect(large?.width).toBe(Math.min(1920, sourceWidth))
    files.push(large!.filename!)

    for (const file of files) {
      const meta = await sharp(path.join(mediaDir(), file)).metadata()
      expect(meta.format, file).toBe('webp')
      expect(meta.exif, `${file} keeps EXIF`).toBeUndefined()
    }
    const sizeOf = (name: keyof typeof SIZES) =>
      sharp(path.join(mediaDir(), doc.sizes![name]!.filename!)).metadata()
    for (const [name, [w, h]] of Object.entries(SIZES)) {
      const meta = await sizeOf(name as keyof typeof SIZES)
      expect([meta.width, meta.height], name).toEqual([w, h])
    }
  }

  it('stores a PNG as WebP with thumbnail, card, og and large sizes, and reads it back', async () => {
    const doc = await upload({
      file: fileOf(await pngBuffer(2400, 1500), 'hoi-nghi.png', 'image/png'),
      data: { caption: 'Toàn cảnh hội nghị' },
    })
    await expectWebpWithoutExif(doc, 2400, 1500)
    expect(doc.sizes?.large).toMatchObject({ width: 1920, height: 1200 })

    const read = await payload.findByID({ collection: 'media', id: doc.id, depth: 0 })
    expect(read).toMatchObject({
      alt: 'Ảnh hội nghị chuyển đổi số',
      credit: 'Báo Đắk Lắk',
      caption: 'Toàn cảnh hội nghị',
      ownerUnit: unitId,
    })
    expect(read.url).toContain(doc.filename!)
  })

  it('strips EXIF and GPS from a JPEG and stores it as WebP', async () => {
    const jpeg = await pngBuffer(1600, 1000, true)
    const source = await sharp(jpeg).metadata()
    expect(source.format).toBe('jpeg')
    expect(source.exif, 'the fixture must carry EXIF to make this test meaningful').toBeDefined()
    // Little-endian TIFF ("II") with the GPS IFD pointer tag 0x8825.
    expect(source.exif!.includes(Buffer.from('II*\0', 'latin1'))).toBe(true)
    expect(source.exif!.includes(Buffer.from([0x25, 0x88]))).toBe(true)

    const doc = await upload({ file: fileOf(jpeg, 'phong-vien.jpg', 'image/jpeg') })
    await expectWebpWithoutExif(doc, 1600, 1000)
  })

  it('accepts upper-case extensions', async () => {
    const jpeg = await sharp(await pngBuffer(640, 480))
      .jpeg()
      .toBuffer()
    const doc = await upload({ file: fileOf(jpeg, 'ANH-CHUP.JPG', 'image/jpeg') })
    expect(doc).toMatchObject({ kind: 'image', mimeType: 'image/webp' })
  })

  it('accepts a focal point', async () => {
    const doc = await upload({
      file: fileOf(await pngBuffer(1600, 1000), 'tieu-diem.png', 'image/png'),
      data: { focalX: 20, focalY: 75 },
    })
    expect(doc).toMatchObject({ focalX: 20, focalY: 75 })
    const read = await payload.findByID({ collection: 'media', id: doc.id })
    expect(read).toMatchObject({ focalX: 20, focalY: 75 })
  })

  it('updates and deletes a media document, removing its files', async () => {
    const doc = await upload({ file: fileOf(await pngBuffer(900, 600), 'xoa.png', 'image/png') })
    const updated = await payload.update({
      collection: 'media',
      id: doc.id,
      data: { alt: 'Mô tả mới', credit: 'Sở TT&TT' },
    })
    expect(updated).toMatchObject({ alt: 'Mô tả mới', credit: 'Sở TT&TT' })

    const own = [
      doc.filename!,
      ...Object.values(doc.sizes ?? {})
        .map((s) => s?.filename)
        .filter(Boolean),
    ] as string[]
    for (const f of own) expect(fs.existsSync(path.join(mediaDir(), f)), f).toBe(true)
    await payload.delete({ collection: 'media', id: doc.id })
    expect(
      await payload.count({ collection: 'media', where: { id: { equals: doc.id } } }),
    ).toMatchObject({ totalDocs: 0 })
    for (const f of own) expect(fs.existsSync(path.join(mediaDir(), f)), f).toBe(false)
  })

  it.each([
    ['alt', { alt: undefined }],
    ['alt', { alt: '' }],
    ['credit', { credit: undefined }],
    ['ownerUnit', { ownerUnit: undefined }],
  ] as const)('refuses an upload without %s (%o) and stores nothing', async (field, data) => {
    await expectRefused(
      { file: fileOf(await pngBuffer(400, 300), 'thieu.png', 'image/png'), data: { ...data } },
      field,
      /Trường này là bắt buộc/,
    )
  })
})

describe('file checks', () => {
  const previousImageLimit = process.env.UPLOAD_MAX_IMAGE_MB
  afterEach(() => {
    if (previousImageLimit === undefined) delete process.env.UPLOAD_MAX_IMAGE_MB
    else process.env.UPLOAD_MAX_IMAGE_MB = previousImageLimit
  })

  it('refuses a text file named .png, with the "không khớp" message', async () => {
    const text = Buffer.from('Đây không phải là ảnh, chỉ là văn bản.\n'.repeat(20))
    await expectRefused(
      { file: fileOf(text, 'gia-mao.png', 'image/png') },
      'file',
      /Nội dung tệp "gia-mao\.png" không khớp với định dạng \.png/,
    )
  })

  it('refuses a JPEG renamed to .png', async () => {
    const jpeg = await sharp(await pngBuffer(200, 100))
      .jpeg()
      .toBuffer()
    await expectRefused(
      { file: fileOf(jpeg, 'doi-ten.png', 'image/png') },
      'file',
      /không khớp với định dạng \.png \(nội dung thực là image\/jpeg\)/,
    )
  })

  it.each([
    [
      '<script>',
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect width="10" height="10"/></svg>',
    ],
    [
      'onload=',
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>',
    ],
    [
      'javascript: link',
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="javascript:alert(1)"><rect width="10" height="10"/></a></svg>',
    ],
    [
      '<foreignObject>',
      '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div>hi</div></foreignObject></svg>',
    ],
  ])('refuses an SVG with %s', async (_label, svg) => {
    await expectRefused(
      { file: fileOf(Buffer.from(svg), 'bieu-tuong.svg', 'image/svg+xml') },
      'file',
      /chứa mã script hoặc nội dung nhúng/,
    )
  })

  it.each([
    [
      'hex character references',
      '<a href="java&#x73;cript:alert(1)"><rect width="10" height="10"/></a>',
    ],
    [
      'decimal character references',
      '<a href="&#106;avascript:alert(1)"><rect width="10" height="10"/></a>',
    ],
    [
      'a tab inside the scheme',
      '<a href="java\tscript:alert(1)"><rect width="10" height="10"/></a>',
    ],
  ])('refuses an SVG hiding javascript: behind %s, in Vietnamese', async (_label, inner) => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg">${inner}</svg>`
    await expectRefused(
      { file: fileOf(Buffer.from(svg), 'ma-hoa.svg', 'image/svg+xml') },
      'file',
      /chứa mã script hoặc nội dung nhúng/,
    )
  })

  it('refuses an SVG declaring XML entities (entity expansion)', async () => {
    const svg =
      '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>'
    await expectRefused(
      { file: fileOf(Buffer.from(svg), 'thuc-the.svg', 'image/svg+xml') },
      'file',
      /chứa mã script hoặc nội dung nhúng/,
    )
  })

  it('refuses a .svg that is not an SVG', async () => {
    await expectRefused(
      { file: fileOf(Buffer.from('chỉ là chữ'), 'khong-phai.svg', 'image/svg+xml') },
      'file',
      /không phải là ảnh SVG hợp lệ/,
    )
  })

  it('accepts a clean SVG', async () => {
    const svg =
      '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60" viewBox="0 0 120 60">' +
      '<title>Logo chiến dịch</title><rect width="120" height="60" fill="#0b4f8a"/><text x="10" y="35" fill="#fff">CĐS</text></svg>'
    const doc = await upload({
      file: fileOf(Buffer.from(svg), 'logo.svg', 'image/svg+xml'),
      data: { alt: 'Logo chiến dịch' },
    })
    expect(doc.kind).toBe('image')
    expect(doc.filename).toMatch(/\.svg$/)
    expect(doc.mimeType).toBe('image/svg+xml')
    expect(fs.existsSync(path.join(mediaDir(), doc.filename!))).toBe(true)
  })

  it('refuses an image over UPLOAD_MAX_IMAGE_MB with the "vượt giới hạn" message', async () => {
    const big = await noisyPng(200, 200)
    expect(big.length).toBeGreaterThan(0.01 * 1024 * 1024)
    process.env.UPLOAD_MAX_IMAGE_MB = '0.01'
    await expectRefused(
      { file: fileOf(big, 'qua-lon.png', 'image/png') },
      'file',
      /Tệp ảnh "qua-lon\.png" nặng [\d.]+ MB, vượt giới hạn/,
    )
    process.env.UPLOAD_MAX_IMAGE_MB = '1'
    // The same file passes under a limit it fits in (uploadLimits() reads the environment at each upload).
    const doc = await upload({ file: fileOf(big, 'qua-lon.png', 'image/png') })
    expect(doc.mimeType).toBe('image/webp')
  })

  it('refuses an empty file', async () => {
    await expectRefused({ file: fileOf(Buffer.alloc(0), 'rong.png', 'image/png') }, 'file', /rỗng/)
  })

  it.each([
    [
      'chuong-trinh.exe',
      'application/x-msdownload',
      Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'),
    ],
    [
      'trang.html',
      'text/html',
      Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>'),
    ],
    [
      'tai-lieu.docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      Buffer.from('PK\x03\x04rest', 'latin1'),
    ],
    ['khong-duoi', 'application/octet-stream', Buffer.from('abc')],
  ])('refuses the unsupported file %s', async (name, mimetype, data) => {
    await expectRefused(
      { file: fileOf(data, name, mimetype) },
      'file',
      /không được chấp nhận\. Chỉ nhận: .*pdf/,
    )
  })

  it('accepts a minimal valid PDF', async () => {
    const doc = await upload({
      file: fileOf(minimalPdf(), 'ke-hoach.pdf', 'application/pdf'),
      data: { alt: 'Kế hoạch tuyên truyền' },
    })
    expect(doc).toMatchObject({ kind: 'document', mimeType: 'application/pdf' })
    expect(doc.filename).toBe('ke-hoach.pdf')
    expect(fs.readFileSync(path.join(mediaDir(), doc.filename!))).toEqual(minimalPdf())
  })

  it('refuses a file named .pdf that is not a PDF', async () => {
    await expectRefused(
      { file: fileOf(Buffer.from('không phải PDF'), 'gia.pdf', 'application/pdf') },
      'file',
      /không khớp với định dạng \.pdf/,
    )
  })

  it('accepts a WebVTT caption file', async () => {
    const vtt = Buffer.from('WEBVTT\n\n00:00.000 --> 00:01.000\nXin chào\n')
    const doc = await upload({
      file: fileOf(vtt, 'phu-de.vtt', 'text/vtt'),
      data: { alt: 'Phụ đề tiếng Việt' },
    })
    expect(doc.kind).toBe('captions')
    expect(doc.filename).toBe('phu-de.vtt')
    expect(fs.readFileSync(path.join(mediaDir(), doc.filename!), 'utf8')).toContain('Xin chào')
  })

  it('accepts a WebVTT file with a byte-order mark', async () => {
    const vtt = Buffer.from('\uFEFFWEBVTT\n\n00:00.000 --> 00:01.000\nXin chào\n')
    const doc = await upload({
      file: fileOf(vtt, 'phu-de-bom.vtt', 'text/vtt'),
      data: { alt: 'Phụ đề có BOM' },
    })
    expect(doc.kind).toBe('captions')
  })

  it('refuses a .vtt without the WEBVTT header', async () => {
    const notVtt = Buffer.from('00:00.000 --> 00:01.000\nXin chào\n')
    await expectRefused(
      { file: fileOf(notVtt, 'sai.vtt', 'text/vtt') },
      'file',
      /không phải phụ đề WebVTT \(phải bắt đầu bằng "WEBVTT"\)/,
    )
  })

  it('accepts an MP3', async () => {
    const doc = await upload({
      file: fileOf(silentMp3(), 'ban-tin.mp3', 'audio/mpeg'),
      data: { alt: 'Bản tin phát thanh' },
    })
    expect(doc).toMatchObject({ kind: 'audio', mimeType: 'audio/mpeg', filename: 'ban-tin.mp3' })
  })
})
