import fs from 'node:fs/promises'
import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type'
import type { CollectionBeforeOperationHook } from 'payload'
import { refuseFields } from '@/lib/refuse'
import { uploadLimits } from '@/lib/env'
import { ACCEPTED, KIND_LABEL, extensionOf } from '../fileKinds'

type UploadedFile = { name: string; mimetype: string; size: number; data?: Buffer; tempFilePath?: string }


const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`

async function readHead(file: UploadedFile, bytes = 64 * 1024): Promise<Buffer> {
  if (file.data && file.data.length) return file.data.subarray(0, bytes)
  if (!file.tempFilePath) return Buffer.alloc(0)
  const handle = await fs.open(file.tempFilePath, 'r')
  try {
    const buf = Buffer.alloc(bytes)
    const { bytesRead } = await handle.read(buf, 0, bytes, 0)
    return buf.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

async function readAll(file: UploadedFile): Promise<Buffer> {
  if (file.data && file.data.length) return file.data
  return file.tempFilePath ? fs.readFile(file.tempFilePath) : Buffer.alloc(0)
}

/** Scripts, event handlers, javascript: URLs, embedded HTML and entity declarations make an SVG unsafe to serve. */
const UNSAFE_SVG = /<script\b|\son[a-z]+\s*=|javascript:|<foreignObject\b|<iframe\b|<embed\b|<object\b|<!ENTITY\b/i

/**
 * The text a browser acts on: character references decoded ("java&#x73;cript:") and the tabs and
 * line breaks it ignores inside URLs removed ("java\tscript:"), so a disguised script is seen too.
 */
const asBrowserReads = (text: string) =>
  text
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16) % 0x110000))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec) % 0x110000))
    .replace(/&(Tab|NewLine);/g, '')
    .replace(/[\t\n\r]/g, '')

/**
 * Checks an upload before Payload stores it: an accepted extension, content that really is of
 * that type (not a text file named .png), no scripted SVG, and the size limit for its kind.
 * Runs before Payload's own checks so the user gets one clear Vietnamese message.
 */
export const validateUpload: CollectionBeforeOperationHook<'media'> = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file as UploadedFile | undefined
  if (!file) return args
  const fail = (message: string): never => refuseFields(req, 'media', [{ path: 'file', message }])

  const ext = extensionOf(file.name)
  const accepted = ACCEPTED[ext]
  if (!accepted) {
    fail(`Định dạng tệp ".${ext}" không được chấp nhận. Chỉ nhận: ${Object.keys(ACCEPTED).join(', ')}.`)
  }

  const limit = uploadLimits()[accepted.kind]
  const size = file.size || file.data?.length || 0
  if (size === 0) fail('Tệp tải lên bị rỗng.')
  if (size > limit) {
    fail(`Tệp ${KIND_LABEL[accepted.kind]} "${file.name}" nặng ${megabytes(size)}, vượt giới hạn ${megabytes(limit)}.`)
  }

  if (accepted.text === 'svg') {
    const text = (await readAll(file)).toString('utf8')
    if (!/<svg[\s>]/i.test(text)) fail(`Tệp "${file.name}" không phải là ảnh SVG hợp lệ.`)
    if (UNSAFE_SVG.test(text) || UNSAFE_SVG.test(asBrowserReads(text))) fail(`Ảnh SVG "${file.name}" chứa mã script hoặc nội dung nhúng, không được phép tải lên.`)
  } else if (accepted.text === 'vtt') {
    const head = (await readHead(file, 16)).toString('utf8').replace(/^\uFEFF/, '')
    if (!head.startsWith('WEBVTT')) fail(`Tệp "${file.name}" không phải phụ đề WebVTT (phải bắt đầu bằng "WEBVTT").`)
  } else {
    const detected = file.data?.length ? await fileTypeFromBuffer(file.data) : await fileTypeFromFile(file.tempFilePath!)
    if (!detected || !accepted.mimes.includes(detected.mime)) {
      const seen = detected ? `nội dung thực là ${detected.mime}` : 'không nhận ra nội dung'
      fail(`Nội dung tệp "${file.name}" không khớp với định dạng .${ext} (${seen}). Tệp có thể bị hỏng hoặc bị đổi tên.`)
    }
  }
  return args
}
