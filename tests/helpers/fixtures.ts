import type { Payload } from 'payload'
import sharp from 'sharp'
import type { Role } from '@/vocabulary'

export const PASSWORD = 'MatKhau@2026'

let counter = 0
const uniq = () => `${Date.now().toString(36)}${(counter++).toString(36)}`

export async function createUnit(
  payload: Payload,
  name = `Đơn vị thử ${uniq()}`,
  kind = 'newspaper',
  active = true,
) {
  return payload.create({
    collection: 'units',
    data: { name, kind, active } as never,
    overrideAccess: true,
  })
}

export async function createUser(payload: Payload, role: Role, unit?: string | number | null) {
  return payload.create({
    collection: 'users',
    data: {
      email: `${role}-${uniq()}@test.vn`,
      password: PASSWORD,
      fullName: `Người dùng ${role}`,
      role,
      unit,
    } as never,
    overrideAccess: true,
  })
}

/** A real PNG made by sharp, optionally carrying EXIF with GPS, to exercise the upload pipeline. */
export async function pngBuffer(width = 1600, height = 1000, withExif = false): Promise<Buffer> {
  let img = sharp({
    create: { width, height, channels: 3, background: { r: 11, g: 79, b: 138 } },
  }).png()
  if (withExif) {
    img = sharp(
      await sharp({ create: { width, height, channels: 3, background: '#0b4f8a' } })
        .jpeg()
        .toBuffer(),
    )
      .withExif({
        IFD0: { Artist: 'Phóng viên' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '11/1 18/1 0/1' },
      })
      .jpeg()
  }
  return img.toBuffer()
}

export const fileOf = (data: Buffer, name: string, mimetype: string) => ({
  data,
  name,
  mimetype,
  size: data.length,
})
