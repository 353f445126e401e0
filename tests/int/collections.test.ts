/**
 * CRUD and validation, collection by collection, through the Local API on this file's fresh SQLite
 * database. Every rejected write is checked twice: the user gets a clear Vietnamese message on the
 * right field, and nothing reaches the database.
 */
import { AuthenticationError, LockedAuth, type CollectionSlug, type Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { PASSWORD, createUnit, createUser, fileOf, pngBuffer } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'

let payload: Payload
let unitId: string
let imageId: string

type FieldError = { path: string; message: string }

/** Runs a write that must fail; returns the error with its field errors (Payload's ValidationError data). */
async function rejection(
  write: () => Promise<unknown>,
): Promise<{ error: Error; message: string; errors: FieldError[] }> {
  let caught: unknown
  try {
    await write()
  } catch (err) {
    caught = err
  }
  expect(caught, 'the write should have been rejected').toBeInstanceOf(Error)
  const err = caught as Error & { data?: { errors?: FieldError[] } }
  return { error: err, message: err.message, errors: err.data?.errors ?? [] }
}

/** Asserts a rejected write names `path` with a message matching `message`. */
async function expectFieldError(write: () => Promise<unknown>, path: string, message: RegExp) {
  const { errors, message: top } = await rejection(write)
  const onPath = errors.filter((e) => e.path === path)
  expect(
    onPath.length,
    `expected an error on "${path}", got ${JSON.stringify(errors)} / ${top}`,
  ).toBeGreaterThan(0)
  expect(onPath.map((e) => e.message).join(' | ')).toMatch(message)
  return errors
}

const count = async (collection: CollectionSlug, where?: Record<string, unknown>) =>
  (await payload.count({ collection, overrideAccess: true, where: where as never })).totalDocs

/** Counts the collection before and after `write`, which must fail without saving anything. */
async function expectNothingSaved(collection: CollectionSlug, write: () => Promise<unknown>) {
  const before = await count(collection)
  await write()
  expect(await count(collection)).toBe(before)
}

/** Vietnamese text: at least one letter only Vietnamese uses (ơ, ư, đ, ả, ạ, ế, …). */
const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i

beforeAll(async () => {
  payload = await testPayload()
  unitId = String((await createUnit(payload, 'Báo Đắk Lắk')).id)
  const image = await payload.create({
    collection: 'media',
    data: { alt: 'Ảnh minh họa', credit: 'Báo Đắk Lắk', ownerUnit: unitId },
    file: fileOf(await pngBuffer(800, 500), 'minh-hoa.png', 'image/png') as never,
    overrideAccess: true,
  })
  imageId = String(image.id)
})

describe('units', () => {
  it('creates, reads, updates and deletes a unit', async () => {
    const parent = await payload.create({
      collection: 'units',
      data: { name: 'Sở Khoa học và Công nghệ', kind: 'department' },
    })
    const unit = await payload.create({
      collection: 'units',
      data: {
        name: 'Trung tâm Chuyển đổi số',
        shortName: 'TTCĐS',
        kind: 'other',
        parent: parent.id,
      },
    })
    expect(typeof unit.id).toBe('string')
    expect(unit.active).toBe(true)

    const read = await payload.findByID({ collection: 'units', id: unit.id, depth: 0 })
    expect(read).toMatchObject({
      name: 'Trung tâm Chuyển đổi số',
      shortName: 'TTCĐS',
      kind: 'other',
      parent: parent.id,
    })

    const updated = await payload.update({
      collection: 'units',
      id: unit.id,
      data: { active: false, shortName: 'TT CĐS' },
    })
    expect(updated).toMatchObject({ active: false, shortName: 'TT CĐS' })

    await payload.delete({ collection: 'units', id: unit.id })
    expect(await count('units', { id: { equals: unit.id } })).toBe(0)
  })

  it('refuses a unit that is its own parent, and keeps the stored parent', async () => {
    const unit = await payload.create({
      collection: 'units',
      data: { name: 'UBND xã Ea Kao', kind: 'commune' },
    })
    await expectFieldError(
      () => payload.update({ collection: 'units', id: unit.id, data: { parent: unit.id } }),
      'parent',
      /không thể là cấp trên của chính nó/,
    )
    // Also when the relation is passed as a populated document rather than an id.
    await expectFieldError(
      () => payload.update({ collection: 'units', id: unit.id, data: { parent: unit } }),
      'parent',
      /không thể là cấp trên của chính nó/,
    )
    const read = await payload.findByID({ collection: 'units', id: unit.id, depth: 0 })
    expect(read.parent ?? null).toBeNull()
  })

  it('refuses a parent chain that leads back to the unit (A → B → C → A), and keeps the stored parent', async () => {
    const a = await payload.create({
      collection: 'units',
      data: { name: 'UBND tỉnh (thử vòng)', kind: 'other' },
    })
    const b = await payload.create({
      collection: 'units',
      data: { name: 'UBND huyện (thử vòng)', kind: 'district', parent: a.id },
    })
    const c = await payload.create({
      collection: 'units',
      data: { name: 'UBND xã (thử vòng)', kind: 'commune', parent: b.id },
    })
    await expectFieldError(
      () => payload.update({ collection: 'units', id: a.id, data: { parent: c.id } }),
      'parent',
      /tạo vòng lặp/,
    )
    expect(
      (await payload.findByID({ collection: 'units', id: a.id, depth: 0 })).parent ?? null,
    ).toBeNull()
    // A parent elsewhere in the tree is fine.
    const other = await payload.create({
      collection: 'units',
      data: { name: 'Sở Nội vụ (thử vòng)', kind: 'department' },
    })
    const moved = await payload.update({
      collection: 'units',
      id: c.id,
      data: { parent: other.id },
    })
    expect(moved.parent).toMatchObject({ id: other.id })
  })

  it('refuses a second unit with the same name', async () => {
    await payload.create({
      collection: 'units',
      data: { name: 'Đài PT-TH tỉnh', kind: 'radio-tv' },
    })
    await expectNothingSaved('units', async () => {
      const { errors } = await rejection(() =>
        payload.create({ collection: 'units', data: { name: 'Đài PT-TH tỉnh', kind: 'radio-tv' } }),
      )
      expect(errors.map((e) => e.path)).toContain('name')
    })
  })
})

describe('topics', () => {
  it('creates, reads, updates and deletes a topic', async () => {
    const topic = await payload.create({
      collection: 'topics',
      data: { title: 'Chính quyền số', description: 'Dịch vụ công trực tuyến' },
    })
    expect(topic.slug).toBe('chinh-quyen-so')

    const read = await payload.findByID({ collection: 'topics', id: topic.id })
    expect(read).toMatchObject({
      title: 'Chính quyền số',
      slug: 'chinh-quyen-so',
      description: 'Dịch vụ công trực tuyến',
    })

    const updated = await payload.update({
      collection: 'topics',
      id: topic.id,
      data: { title: 'Chính quyền số (cập nhật)' },
    })
    expect(updated.title).toBe('Chính quyền số (cập nhật)')
    // The slug is a permalink: renaming keeps it.
    expect(updated.slug).toBe('chinh-quyen-so')

    await payload.delete({ collection: 'topics', id: topic.id })
    expect(await count('topics', { id: { equals: topic.id } })).toBe(0)
  })

  it('refuses a topic without a title', async () => {
    await expectNothingSaved('topics', () =>
      expectFieldError(
        () =>
          payload.create({
            collection: 'topics',
            data: { description: 'Không có tiêu đề' } as never,
          }),
        'title',
        /.+/,
      ),
    )
  })
})

describe('slugs', () => {
  it('folds Vietnamese titles and separators', async () => {
    const a = await payload.create({
      collection: 'topics',
      data: { title: 'Đắk Lắk chuyển đổi số' },
    })
    expect(a.slug).toBe('dak-lak-chuyen-doi-so')
    const b = await payload.create({ collection: 'topics', data: { title: 'Ngày 10/10' } })
    expect(b.slug).toBe('ngay-10-10')
    const c = await payload.create({
      collection: 'articles',
      data: { title: 'Ngày Chuyển đổi số quốc gia 10/10', ownerUnit: unitId },
    })
    expect(c.slug).toBe('ngay-chuyen-doi-so-quoc-gia-10-10')
  })

  it('gives two documents with the same title the slugs x and x-2', async () => {
    const data = { title: 'Kinh tế số', ownerUnit: unitId }
    const first = await payload.create({ collection: 'articles', data })
    const second = await payload.create({ collection: 'articles', data })
    const third = await payload.create({ collection: 'articles', data })
    expect([first.slug, second.slug, third.slug]).toEqual([
      'kinh-te-so',
      'kinh-te-so-2',
      'kinh-te-so-3',
    ])
    // Updating the second one keeps its own slug (it does not collide with itself).
    const updated = await payload.update({
      collection: 'articles',
      id: second.id,
      data: { sapo: 'Sửa sapo' },
    })
    expect(updated.slug).toBe('kinh-te-so-2')
  })

  it('rejects an explicit slug already used, with a Vietnamese message, and saves nothing', async () => {
    await payload.create({
      collection: 'articles',
      data: { title: 'Bài thứ nhất', slug: 'xa-hoi-so', ownerUnit: unitId },
    })
    await expectNothingSaved('articles', () =>
      expectFieldError(
        () =>
          payload.create({
            collection: 'articles',
            data: { title: 'Bài thứ hai', slug: 'xa-hoi-so', ownerUnit: unitId },
          }),
        'slug',
        /"xa-hoi-so" đã được dùng/,
      ),
    )
    // Topics have their own slug namespace, so the same slug is fine there...
    const topic = await payload.create({
      collection: 'topics',
      data: { title: 'Xã hội số', slug: 'xa-hoi-so' },
    })
    expect(topic.slug).toBe('xa-hoi-so')
    // ...but not twice.
    await expectNothingSaved('topics', () =>
      expectFieldError(
        () =>
          payload.create({
            collection: 'topics',
            data: { title: 'Xã hội số 2', slug: 'xa-hoi-so' },
          }),
        'slug',
        /đã được dùng/,
      ),
    )
  })

  it('rejects an explicit slug taken by another document on update', async () => {
    const a = await payload.create({
      collection: 'articles',
      data: { title: 'Công dân số', ownerUnit: unitId },
    })
    const b = await payload.create({
      collection: 'articles',
      data: { title: 'Kỹ năng số', ownerUnit: unitId },
    })
    await expectFieldError(
      () => payload.update({ collection: 'articles', id: b.id, data: { slug: a.slug! } }),
      'slug',
      /đã được dùng/,
    )
    expect((await payload.findByID({ collection: 'articles', id: b.id })).slug).toBe('ky-nang-so')
  })

  it('folds an explicit slug typed with accents and spaces', async () => {
    const a = await payload.create({
      collection: 'articles',
      data: { title: 'Bất kỳ', slug: 'Nền tảng số', ownerUnit: unitId },
    })
    expect(a.slug).toBe('nen-tang-so')
  })
})

describe('users', () => {
  it('creates, reads, updates and deletes a user', async () => {
    const user = await payload.create({
      collection: 'users',
      data: {
        email: 'bientap@test.vn',
        password: PASSWORD,
        fullName: 'Nguyễn Văn A',
        role: 'editor',
        unit: unitId,
      },
    })
    const read = await payload.findByID({ collection: 'users', id: user.id, depth: 0 })
    expect(read).toMatchObject({
      email: 'bientap@test.vn',
      fullName: 'Nguyễn Văn A',
      role: 'editor',
      unit: unitId,
    })
    expect((read as unknown as Record<string, unknown>).password).toBeUndefined()

    const updated = await payload.update({
      collection: 'users',
      id: user.id,
      data: { fullName: 'Nguyễn Văn B', role: 'viewer', unit: null },
    })
    expect(updated).toMatchObject({ fullName: 'Nguyễn Văn B', role: 'viewer' })

    const { user: loggedIn } = await payload.login({
      collection: 'users',
      data: { email: 'bientap@test.vn', password: PASSWORD },
    })
    expect(loggedIn?.id).toBe(user.id)

    await payload.delete({ collection: 'users', id: user.id })
    expect(await count('users', { id: { equals: user.id } })).toBe(0)
  })

  it('defaults the role to viewer', async () => {
    const user = await payload.create({
      collection: 'users',
      data: { email: 'xem@test.vn', password: PASSWORD, fullName: 'Người xem' } as never,
    })
    expect(user.role).toBe('viewer')
  })

  it.each(['editor', 'contributor'] as const)('refuses a %s without a unit', async (role) => {
    await expectNothingSaved('users', () =>
      expectFieldError(
        () =>
          payload.create({
            collection: 'users',
            data: {
              email: `${role}-no-unit@test.vn`,
              password: PASSWORD,
              fullName: 'Chưa có đơn vị',
              role,
            },
          }),
        'unit',
        /Biên tập viên và cộng tác viên phải thuộc một đơn vị/,
      ),
    )
  })

  it('refuses to take the unit away from an editor', async () => {
    const editor = await createUser(payload, 'editor', unitId)
    await expectFieldError(
      () => payload.update({ collection: 'users', id: editor.id, data: { unit: null } }),
      'unit',
      /phải thuộc một đơn vị/,
    )
    const read = await payload.findByID({ collection: 'users', id: editor.id, depth: 0 })
    expect(read.unit).toBe(unitId)
  })

  it('lets an editor change their own name and password, keeping their unit', async () => {
    const editor = await createUser(payload, 'editor', unitId)
    const updated = await payload.update({
      collection: 'users',
      id: editor.id,
      data: { fullName: 'Tên mới', password: 'MatKhauMoi@2026' },
      user: editor,
      overrideAccess: false,
    })
    expect(updated.fullName).toBe('Tên mới')
    const read = await payload.findByID({ collection: 'users', id: editor.id, depth: 0 })
    expect(read).toMatchObject({ role: 'editor', unit: unitId })
    const { user } = await payload.login({
      collection: 'users',
      data: { email: editor.email, password: 'MatKhauMoi@2026' },
    })
    expect(user?.id).toBe(editor.id)
  })

  it('refuses promoting a viewer without a unit to contributor', async () => {
    const viewer = await createUser(payload, 'viewer')
    await expectFieldError(
      () => payload.update({ collection: 'users', id: viewer.id, data: { role: 'contributor' } }),
      'unit',
      /phải thuộc một đơn vị/,
    )
    expect((await payload.findByID({ collection: 'users', id: viewer.id })).role).toBe('viewer')
  })

  it('allows admins, managers and viewers without a unit', async () => {
    for (const role of ['admin', 'campaign-manager', 'viewer'] as const) {
      const user = await createUser(payload, role)
      expect(user.role).toBe(role)
    }
  })

  it('locks an account after 5 wrong passwords, even against the right one', async () => {
    const user = await createUser(payload, 'editor', unitId)
    for (let i = 0; i < 5; i++) {
      const wrong = await rejection(() =>
        payload.login({
          collection: 'users',
          data: { email: user.email, password: 'SaiMatKhau!1' },
        }),
      )
      expect(wrong.error).toBeInstanceOf(AuthenticationError)
    }
    const locked = await rejection(() =>
      payload.login({ collection: 'users', data: { email: user.email, password: PASSWORD } }),
    )
    expect(locked.error).toBeInstanceOf(LockedAuth)
    expect(locked.message).toMatch(/Tài khoản đã bị khóa do đăng nhập thất bại nhiều lần/)
    const stored = await payload.findByID({
      collection: 'users',
      id: user.id,
      showHiddenFields: true,
    })
    expect(stored.loginAttempts).toBeGreaterThanOrEqual(5)
    expect(new Date(stored.lockUntil!).getTime()).toBeGreaterThan(Date.now())
  })
})

describe('articles', () => {
  it('creates, reads, updates and deletes an article', async () => {
    const topic = await payload.create({ collection: 'topics', data: { title: 'Chủ đề bài viết' } })
    const article = await payload.create({
      collection: 'articles',
      data: {
        title: 'Tỉnh ra mắt ứng dụng công dân số',
        sapo: 'Ứng dụng giúp người dân làm thủ tục trực tuyến.',
        byline: 'Minh Anh',
        coverImage: imageId,
        topics: [topic.id],
        tags: ['ứng dụng', 'công dân số'],
        ownerUnit: unitId,
      },
    })
    expect(article._status).toBe('draft')
    expect(article.publishedAt ?? null).toBeNull()

    const read = await payload.findByID({
      collection: 'articles',
      id: article.id,
      depth: 0,
      draft: true,
    })
    expect(read).toMatchObject({
      title: 'Tỉnh ra mắt ứng dụng công dân số',
      slug: 'tinh-ra-mat-ung-dung-cong-dan-so',
      coverImage: imageId,
      topics: [topic.id],
      tags: ['ứng dụng', 'công dân số'],
      ownerUnit: unitId,
    })

    const updated = await payload.update({
      collection: 'articles',
      id: article.id,
      data: { byline: 'Minh Anh - Thu Hà' },
    })
    expect(updated.byline).toBe('Minh Anh - Thu Hà')

    await payload.delete({ collection: 'articles', id: article.id })
    expect(await count('articles', { id: { equals: article.id } })).toBe(0)
  })

  it('refuses an article without an owner unit or title', async () => {
    await expectNothingSaved('articles', () =>
      expectFieldError(
        () => payload.create({ collection: 'articles', data: { title: 'Không đơn vị' } as never }),
        'ownerUnit',
        /.+/,
      ),
    )
    await expectNothingSaved('articles', () =>
      expectFieldError(
        () => payload.create({ collection: 'articles', data: { ownerUnit: unitId } as never }),
        'title',
        /.+/,
      ),
    )
  })

  it('stamps publishedAt on first publication only', async () => {
    const draft = await payload.create({
      collection: 'articles',
      data: { title: 'Bản nháp rồi xuất bản', ownerUnit: unitId },
    })
    expect(draft.publishedAt ?? null).toBeNull()

    const before = Date.now()
    const published = await payload.update({
      collection: 'articles',
      id: draft.id,
      data: { _status: 'published' },
    })
    expect(published._status).toBe('published')
    const stamped = new Date(published.publishedAt!).getTime()
    expect(stamped).toBeGreaterThanOrEqual(before - 1000)
    expect(stamped).toBeLessThanOrEqual(Date.now() + 1000)

    // Later edits and republishing keep the first publication time.
    await new Promise((r) => setTimeout(r, 20))
    const edited = await payload.update({
      collection: 'articles',
      id: draft.id,
      data: { sapo: 'Sửa sau khi đăng', _status: 'published' },
    })
    expect(edited.publishedAt).toBe(published.publishedAt)
  })

  it('stamps publishedAt when created published, and keeps a date the editor chose', async () => {
    const now = await payload.create({
      collection: 'articles',
      data: { title: 'Đăng ngay', ownerUnit: unitId, _status: 'published' },
    })
    expect(now.publishedAt).toBeTruthy()
    expect(Math.abs(new Date(now.publishedAt!).getTime() - Date.now())).toBeLessThan(60_000)

    const chosen = '2026-10-10T01:00:00.000Z'
    const dated = await payload.create({
      collection: 'articles',
      data: {
        title: 'Đăng với ngày chọn',
        ownerUnit: unitId,
        _status: 'published',
        publishedAt: chosen,
      },
    })
    expect(new Date(dated.publishedAt!).toISOString()).toBe(chosen)
  })

  it('an editor creates for their own unit by default and is refused for another unit', async () => {
    const editor = await createUser(payload, 'editor', unitId)
    const mine = await payload.create({
      collection: 'articles',
      data: { title: 'Bài của đơn vị' } as never,
      user: editor,
      overrideAccess: false,
    })
    expect(mine.ownerUnit).toMatchObject({ id: unitId })

    const other = await createUnit(payload, 'Sở Nội vụ', 'department')
    await expectNothingSaved('articles', () =>
      expectFieldError(
        () =>
          payload.create({
            collection: 'articles',
            data: { title: 'Bài đơn vị khác', ownerUnit: other.id },
            user: editor,
            overrideAccess: false,
          }),
        'ownerUnit',
        /chỉ được tạo và sửa nội dung của đơn vị mình/,
      ),
    )
  })
})

describe('videos', () => {
  it('creates, reads, updates and deletes a video', async () => {
    const video = await payload.create({
      collection: 'videos',
      data: {
        title: 'Phóng sự: Chợ 4.0 ở Buôn Ma Thuột',
        kind: 'reportage',
        externalUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
        durationSeconds: 300,
        poster: imageId,
        ownerUnit: unitId,
      },
    })
    const read = await payload.findByID({
      collection: 'videos',
      id: video.id,
      depth: 0,
      draft: true,
    })
    expect(read).toMatchObject({
      slug: 'phong-su-cho-4-0-o-buon-ma-thuot',
      durationSeconds: 300,
      poster: imageId,
    })

    const updated = await payload.update({
      collection: 'videos',
      id: video.id,
      data: { externalUrl: 'https://youtu.be/dQw4w9WgXcQ', kind: 'clip' },
    })
    expect(updated).toMatchObject({ externalUrl: 'https://youtu.be/dQw4w9WgXcQ', kind: 'clip' })

    // A title-only edit keeps validating against the stored link.
    const renamed = await payload.update({
      collection: 'videos',
      id: video.id,
      data: { title: 'Chợ 4.0' },
    })
    expect(renamed.title).toBe('Chợ 4.0')

    await payload.delete({ collection: 'videos', id: video.id })
    expect(await count('videos', { id: { equals: video.id } })).toBe(0)
  })

  it('accepts a media file instead of a link', async () => {
    const video = await payload.create({
      collection: 'videos',
      data: { title: 'Video tệp', kind: 'clip', file: imageId, ownerUnit: unitId },
    })
    expect(video.file).toMatchObject({ id: imageId })
  })

  it('refuses a video with neither a file nor a link', async () => {
    await expectNothingSaved('videos', async () => {
      const errors = await expectFieldError(
        () =>
          payload.create({
            collection: 'videos',
            data: { title: 'Thiếu tệp và link', kind: 'clip', ownerUnit: unitId },
          }),
        'file',
        /Cần tải lên tệp video\/âm thanh hoặc nhập đường dẫn YouTube\/Facebook/,
      )
      expect(errors.every((e) => VIETNAMESE.test(e.message))).toBe(true)
    })
  })

  it.each([
    'https://vimeo.com/123456789',
    'https://www.youtube.com/channel/UCabcdef',
    'http://www.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://example.com/video.mp4',
    'https://facebook.com/some.page',
    'javascript:alert(1)',
    'https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ',
    'https://youtu.be/dQw4w9WgXcQ https://evil.example/',
    'https://youtu.be/dQw4w9WgXcQ"><script>alert(1)</script>',
  ])('refuses the link %s', async (externalUrl) => {
    await expectNothingSaved('videos', () =>
      expectFieldError(
        () =>
          payload.create({
            collection: 'videos',
            data: { title: 'Link sai', kind: 'clip', externalUrl, ownerUnit: unitId },
          }),
        'externalUrl',
        /phải là video YouTube .* hoặc Facebook/,
      ),
    )
  })

  it.each([
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://youtube.com/watch?feature=share&v=dQw4w9WgXcQ',
    'https://m.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://www.youtube.com/shorts/abcDEF12345',
    'https://youtu.be/dQw4w9WgXcQ',
    'https://youtu.be/dQw4w9WgXcQ?t=42',
    'https://www.facebook.com/baodaklak/videos/1234567890123456',
    'https://www.facebook.com/watch/?v=1234567890',
    'https://fb.watch/abcDEF123/',
  ])('accepts the link %s', async (externalUrl) => {
    const video = await payload.create({
      collection: 'videos',
      data: { title: 'Link đúng', kind: 'clip', externalUrl, ownerUnit: unitId },
    })
    expect(video.externalUrl).toBe(externalUrl)
  })
})

describe('infographics', () => {
  const valid = () => ({
    title: 'Infographic: 10 năm chuyển đổi số',
    kind: 'infographic' as const,
    file: imageId,
    alt: 'Biểu đồ số thủ tục trực tuyến',
    longDescription: 'Năm 2025 có 1.200 thủ tục trực tuyến toàn trình, tăng 30% so với năm 2024.',
    dataSource: 'Sở TT&TT',
    ownerUnit: unitId,
  })

  it('creates, reads, updates and deletes an infographic', async () => {
    const info = await payload.create({ collection: 'infographics', data: valid() })
    const read = await payload.findByID({
      collection: 'infographics',
      id: info.id,
      depth: 0,
      draft: true,
    })
    expect(read).toMatchObject({ ...valid(), slug: 'infographic-10-nam-chuyen-doi-so' })

    const updated = await payload.update({
      collection: 'infographics',
      id: info.id,
      data: { kind: 'poster', alt: 'Pa-nô tuyên truyền' },
    })
    expect(updated).toMatchObject({ kind: 'poster', alt: 'Pa-nô tuyên truyền' })

    await payload.delete({ collection: 'infographics', id: info.id })
    expect(await count('infographics', { id: { equals: info.id } })).toBe(0)
  })

  it.each(['alt', 'longDescription', 'file'] as const)(
    'refuses an infographic without %s',
    async (field) => {
      const data: Record<string, unknown> = valid()
      delete data[field]
      await expectNothingSaved('infographics', () =>
        expectFieldError(
          () => payload.create({ collection: 'infographics', data: data as never }),
          field,
          VIETNAMESE,
        ),
      )
    },
  )

  it('refuses an empty alt on update and keeps the stored one', async () => {
    const info = await payload.create({ collection: 'infographics', data: valid() })
    await expectFieldError(
      () => payload.update({ collection: 'infographics', id: info.id, data: { alt: '' } }),
      'alt',
      VIETNAMESE,
    )
    expect(
      (await payload.findByID({ collection: 'infographics', id: info.id, draft: true })).alt,
    ).toBe(valid().alt)
  })
})

describe('events', () => {
  const valid = () => ({
    title: 'Hội nghị chuyển đổi số tỉnh năm 2026',
    kind: 'conference' as const,
    startsAt: '2026-10-10T01:00:00.000Z',
    endsAt: '2026-10-10T09:30:00.000Z',
    venue: 'Hội trường UBND tỉnh',
    startsAt_tz: 'Asia/Ho_Chi_Minh' as const,
    endsAt_tz: 'Asia/Ho_Chi_Minh' as const,
    status: 'planned' as const,
    onlineUrl: 'https://meet.example.vn/hoi-nghi',
    ownerUnit: unitId,
  })

  it('creates, reads, updates and deletes an event', async () => {
    const coordinating = await createUnit(payload, 'Sở Thông tin và Truyền thông', 'department')
    const event = await payload.create({
      collection: 'events',
      data: {
        ...valid(),
        coordinatingUnits: [coordinating.id],
        expectedParticipants: 300,
        audience: { leaders: 20, citizens: 150 },
      },
    })
    expect(event).toMatchObject({
      status: 'planned',
      startsAt_tz: 'Asia/Ho_Chi_Minh',
      endsAt_tz: 'Asia/Ho_Chi_Minh',
    })

    const read = await payload.findByID({
      collection: 'events',
      id: event.id,
      depth: 0,
      draft: true,
    })
    expect(read).toMatchObject({
      slug: 'hoi-nghi-chuyen-doi-so-tinh-nam-2026',
      coordinatingUnits: [coordinating.id],
      expectedParticipants: 300,
    })
    expect(new Date(read.startsAt).toISOString()).toBe(valid().startsAt)
    expect(new Date(read.endsAt).toISOString()).toBe(valid().endsAt)
    expect(read.audience).toMatchObject({ leaders: 20, citizens: 150 })

    const updated = await payload.update({
      collection: 'events',
      id: event.id,
      data: {
        status: 'held',
        actualParticipants: 280,
        resultsSummary: 'Ký kết 5 thỏa thuận hợp tác.',
      },
    })
    expect(updated).toMatchObject({ status: 'held', actualParticipants: 280 })

    await payload.delete({ collection: 'events', id: event.id })
    expect(await count('events', { id: { equals: event.id } })).toBe(0)
  })

  it('accepts an event that ends when it starts', async () => {
    const at = '2026-11-01T02:00:00.000Z'
    const event = await payload.create({
      collection: 'events',
      data: { ...valid(), title: 'Sự kiện tức thời', startsAt: at, endsAt: at },
    })
    expect(new Date(event.endsAt).toISOString()).toBe(at)
  })

  it('refuses an event that ends before it starts, with the times in Vietnam time', async () => {
    await expectNothingSaved('events', () =>
      expectFieldError(
        () =>
          payload.create({
            collection: 'events',
            data: {
              ...valid(),
              startsAt: '2026-10-10T09:00:00.000Z',
              endsAt: '2026-10-10T08:00:00.000Z',
            },
          }),
        'endsAt',
        // 09:00Z and 08:00Z are 16:00 and 15:00 in UTC+7.
        /Thời gian kết thúc \(.*15:00.*\) không được trước thời gian bắt đầu \(.*16:00.*\)/,
      ),
    )
  })

  it('refuses moving the start after the stored end on update', async () => {
    const event = await payload.create({
      collection: 'events',
      data: { ...valid(), title: 'Tọa đàm', kind: 'talk' },
    })
    await expectFieldError(
      () =>
        payload.update({
          collection: 'events',
          id: event.id,
          data: { startsAt: '2026-10-11T01:00:00.000Z' },
        }),
      'endsAt',
      /không được trước thời gian bắt đầu/,
    )
    const read = await payload.findByID({ collection: 'events', id: event.id, draft: true })
    expect(new Date(read.startsAt).toISOString()).toBe(valid().startsAt)
  })

  it.each([
    'meet.example.vn/hoi-nghi',
    'ftp://example.vn/file',
    'javascript:alert(1)',
    'https://có khoảng trắng.vn',
  ])('refuses the online link %s', async (onlineUrl) => {
    await expectNothingSaved('events', () =>
      expectFieldError(
        () => payload.create({ collection: 'events', data: { ...valid(), onlineUrl } }),
        'onlineUrl',
        /Đường dẫn trực tuyến phải bắt đầu bằng http:\/\/ hoặc https:\/\//,
      ),
    )
  })

  it('refuses an event without start or end time', async () => {
    const { startsAt: _s, ...noStart } = valid()
    await expectNothingSaved('events', () =>
      expectFieldError(
        () => payload.create({ collection: 'events', data: noStart as never }),
        'startsAt',
        /.+/,
      ),
    )
    const { endsAt: _e, ...noEnd } = valid()
    await expectNothingSaved('events', () =>
      expectFieldError(
        () => payload.create({ collection: 'events', data: noEnd as never }),
        'endsAt',
        /Cần nhập thời gian kết thúc/,
      ),
    )
  })

  it('stamps publishedAt when an event is published', async () => {
    const event = await payload.create({
      collection: 'events',
      data: { ...valid(), title: 'Ngày Chuyển đổi số', kind: 'dx-day' },
    })
    expect(event.publishedAt ?? null).toBeNull()
    const published = await payload.update({
      collection: 'events',
      id: event.id,
      data: { _status: 'published' },
    })
    expect(published.publishedAt).toBeTruthy()
  })
})
