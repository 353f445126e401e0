import { promisify } from 'node:util'
import zlib from 'node:zlib'

/**
 * The page cache's compressed forms of a stored page, made once per entry in zlib's thread pool.
 *
 * A page carries the CSP nonce of its own response at several places (the cache keeps it cut at
 * the nonce, src/web/pageCache.ts), so a compressed copy cannot be replayed as is. gzip allows a
 * copy that is joined per response all the same: DEFLATE is a sequence of blocks whose only link
 * is a back-reference's distance, so each piece is compressed on its own (raw DEFLATE, ending on
 * a sync flush, byte-aligned and not final), and every response joins them with its nonce as a
 * stored (uncompressed) block between them, then an empty final block and the gzip trailer (the
 * CRC-32 over the joined page, cheap). So that a piece still compresses as well as the whole page,
 * it is given the page before it as a preset dictionary with the nonces' places masked by a byte
 * the page never holds: no back-reference can then reach into a nonce, and the places keep their
 * lengths (a nonce's length never changes), so distances in the joined page point where they did.
 * Brotli has no such seams (its blocks share literal contexts and the last distances), so it is
 * kept for pages without a nonce only; browsers accepting both get gzip for the others.
 */

export type Encoding = 'br' | 'gzip'

export type GzipForm = {
  /** Raw DEFLATE blocks of each piece, to be joined with stored blocks holding the nonce. */
  blocks: Buffer[]
  /** The nonce length the blocks were made for (their distances assume it). */
  nonceLength: number
  /** The joined response's length, header and trailer included. */
  length: number
}

export type Variants = { gzip: GzipForm; br?: Buffer; bytes: number }

const deflateRaw = promisify(zlib.deflateRaw) as (
  buf: Buffer,
  options: zlib.ZlibOptions,
) => Promise<Buffer>
const brotli = promisify(zlib.brotliCompress) as (
  buf: Buffer,
  options: zlib.BrotliOptions,
) => Promise<Buffer>

/** gzip's header: deflate, no name, no time, unknown system. */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff])
/** An empty final block (fixed Huffman codes, end of block), as zlib writes it. */
const FINAL_BLOCK = Buffer.from([3, 0])
const STORED_HEADER = 5
const TRAILER = 8
/** The window of DEFLATE: how far back a piece's dictionary needs to reach. */
const WINDOW = 32 * 1024

export async function compressVariants(pieces: Buffer[], nonceLength: number): Promise<Variants> {
  // The page as it was rendered, its nonces masked; NUL never occurs in the HTML Next writes,
  // and should it occur the pieces go without a dictionary.
  const masked = Buffer.alloc(
    pieces.reduce((n, p) => n + p.length, 0) + nonceLength * (pieces.length - 1),
  )
  const starts: number[] = []
  let at = 0
  for (const piece of pieces) {
    starts.push(at)
    piece.copy(masked, at)
    at += piece.length + nonceLength
  }
  const withDictionary = pieces.length > 1 && !pieces.some((p) => p.includes(0))
  const blocks = await Promise.all(
    pieces.map((piece, i) =>
      deflateRaw(piece, {
        level: 9,
        memLevel: 9,
        finishFlush: zlib.constants.Z_SYNC_FLUSH,
        ...(withDictionary && i > 0
          ? { dictionary: masked.subarray(Math.max(0, starts[i] - WINDOW), starts[i]) }
          : {}),
      }),
    ),
  )
  const length =
    GZIP_HEADER.length +
    blocks.reduce((n, b) => n + b.length, 0) +
    (pieces.length - 1) * (STORED_HEADER + nonceLength) +
    FINAL_BLOCK.length +
    TRAILER
  const gzip: GzipForm = { blocks, nonceLength, length }
  const br =
    pieces.length === 1
      ? await brotli(pieces[0], {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
            [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: pieces[0].length,
          },
        })
      : undefined
  return { gzip, br, bytes: length + (br?.length ?? 0) + 64 * blocks.length }
}

/** A stored DEFLATE block holding `data` (at most 65,535 bytes), starting on a byte boundary. */
function storedBlock(data: Buffer): Buffer {
  const head = Buffer.alloc(STORED_HEADER)
  head[0] = 0 // not final, stored; the rest of the byte is padding
  head.writeUInt16LE(data.length, 1)
  head.writeUInt16LE(~data.length & 0xffff, 3)
  return Buffer.concat([head, data])
}

/** The gzip response for this nonce, as the parts to write (joined, they are a whole gzip member). */
export function gzipPieces(form: GzipForm, pieces: Buffer[], nonce: string | undefined): Buffer[] {
  const glue = Buffer.from(nonce ?? '')
  const parts: Buffer[] = [GZIP_HEADER, form.blocks[0]]
  let crc = zlib.crc32(pieces[0])
  let size = pieces[0].length
  if (pieces.length > 1) {
    const stored = storedBlock(glue)
    for (let i = 1; i < pieces.length; i++) {
      parts.push(stored, form.blocks[i])
      crc = zlib.crc32(pieces[i], zlib.crc32(glue, crc))
      size += glue.length + pieces[i].length
    }
  }
  const trailer = Buffer.alloc(TRAILER)
  trailer.writeUInt32LE(crc >>> 0, 0)
  trailer.writeUInt32LE(size >>> 0, 4)
  parts.push(FINAL_BLOCK, trailer)
  return parts
}

/** Accept-Encoding's weights (`q`), by coding; `*` stands for any coding not named. */
function weights(header: string): Map<string, number> {
  const out = new Map<string, number>()
  for (const item of header.split(',')) {
    const [name, ...params] = item.split(';')
    const coding = name.trim().toLowerCase()
    if (!coding) continue
    let q = 1
    for (const param of params) {
      const [k, v] = param.split('=')
      if (k.trim().toLowerCase() === 'q') q = Number(v)
    }
    out.set(coding, Number.isFinite(q) ? q : 0)
  }
  return out
}

/**
 * The form to send: the best weighted coding among those the entry has (brotli on a tie, it is
 * smaller), or none (the page as it is) when the browser accepts neither or they are not made yet.
 */
export function chooseEncoding(
  acceptEncoding: string | undefined,
  variants: Variants | undefined,
  pieces: Buffer[],
  nonce: string | undefined,
): Encoding | undefined {
  if (!acceptEncoding || !variants) return undefined
  const q = weights(acceptEncoding)
  const any = q.get('*') ?? 0
  const brQ = variants.br ? (q.get('br') ?? any) : 0
  const gzipOk = pieces.length === 1 || Buffer.byteLength(nonce ?? '') === variants.gzip.nonceLength
  const gzipQ = gzipOk ? (q.get('gzip') ?? q.get('x-gzip') ?? any) : 0
  if (brQ > 0 && brQ >= gzipQ) return 'br'
  if (gzipQ > 0) return 'gzip'
  return undefined
}
