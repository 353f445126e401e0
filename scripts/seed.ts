/**
 * Demo data for the Tây Ninh digital-transformation awareness campaign (Quyết định 1155/QĐ-UBND):
 * units, topics, one account per role, pictures drawn at seed time, articles, videos,
 * infographics and events. Idempotent: every item is looked up (unit name, e-mail, slug, media alt)
 * before it is created, so a second run creates nothing.
 *
 *   npx tsx scripts/seed.ts      (`npm start` runs it in a child process on the first run)
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Payload, RequiredDataFromCollectionSlug, Where } from 'payload'
import { databaseUri, resolveSecret } from '@/lib/env'
import { toSlug } from '@/lib/slug'
import { parseVietnamLocal, TIME_ZONE, vnDayKey, vnYearMonth } from '@/lib/time'
import { ChannelStatus, ContentKind, DocStatus, roles, type Role } from '@/vocabulary'
import { ARTICLES } from './seed-data/articles'
import { EVENTS } from './seed-data/events'
import { coverPng, infographicPng, type PaletteName } from './seed-data/images'
import { INFOGRAPHICS } from './seed-data/infographics'
import { richText } from './seed-data/lexical'
import { TOPICS, type TopicKey } from './seed-data/topics'
import { UNITS, shortNameOf, type UnitKey, type UnitSeed } from './seed-data/units'
import { USERS } from './seed-data/users'
import { PLAN_2026, TRAINEE_TARGETS_1155 } from './seed-data/history'
import { CAMPAIGN_SEED, CHANNELS, UPCOMING } from './seed-data/planning'
import { seedPlanTasks } from './seed-data/planTasks'
import { seedHistory } from './seed-history'
import { seedIndicators } from './seed-data/indicators'
import { seedSurveys } from './seed-data/surveys'
import { seedUnitTree } from './seed-data/unitTree'
import { VIDEOS } from './seed-data/videos'
import { seedReportingSeason } from './seed-data/reportingSeason'

/** The shared password of every demo account. Change or delete these accounts before going live. */
export const DEMO_PASSWORD = 'ChuyenDoiSo@2026'

const COUNTED = [
  'units',
  'topics',
  'users',
  'media',
  'articles',
  'videos',
  'infographics',
  'events',
  'campaigns',
  'channels',
  'publications',
  'trainings',
  'engagement-observations',
] as const
type Counted = (typeof COUNTED)[number]

export const COLLECTION_LABELS: Record<Counted, string> = {
  units: 'Đơn vị',
  topics: 'Chủ đề',
  users: 'Người dùng',
  media: 'Tệp đa phương tiện',
  articles: 'Tin, bài',
  videos: 'Video, phát thanh',
  infographics: 'Infographic, pa-nô',
  events: 'Sự kiện',
  campaigns: 'Chiến dịch',
  channels: 'Kênh',
  publications: 'Lịch đăng',
  trainings: 'Khóa đào tạo',
  'engagement-observations': 'Số liệu tương tác',
}

export type SeedResult = {
  demoUsers: { email: string; role: Role; roleLabel: string }[]
  created: Record<string, number>
}

export type SeedOptions = { onProgress?: (message: string) => void }

const VIDEO_KIND_LABEL: Record<string, string> = {
  'tv-programme': 'Chương trình truyền hình',
  reportage: 'Phóng sự',
  dialogue: 'Đối thoại',
  'series-episode': 'Chuyên đề',
  clip: 'Clip ngắn',
  'radio-programme': 'Chương trình phát thanh',
}

const CAMPAIGN = 'Chuyển đổi số Tây Ninh'

type Ctx = {
  payload: Payload
  created: Record<Counted, number>
  existing: Record<Counted, number>
  units: Map<UnitKey, string>
  topics: Map<TopicKey, string>
  /** The two demo campaigns (seedCampaigns): 1155/QĐ-UBND until 2025, the 2026 plan after. */
  campaigns?: { plan1155: string; plan2026: string }
}

/**
 * The campaign a dated item belongs to: 1155/QĐ-UBND to 2025, the 2026 plan from 2026 (Vietnam
 * time). Content, events, courses and publications all follow it, so a campaign's KPI figures are
 * the same items the year's tables count.
 */
const campaignOf = (ctx: Ctx, at: Date | string | null | undefined) => {
  const { plan1155, plan2026 } = ctx.campaigns!
  return vnYearMonth(at ? new Date(at) : new Date()).year >= 2026 ? plan2026 : plan1155
}

/** The id of the first document matching `where`, whatever its status (drafts included). */
async function findId(
  payload: Payload,
  collection: Counted,
  where: Where,
): Promise<string | undefined> {
  const res = await payload.find({
    collection,
    where,
    limit: 1,
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  const doc = res.docs[0] as { id: string } | undefined
  return doc?.id
}

/** Finds a document or creates it, counting which of the two happened. */
async function ensure(
  ctx: Ctx,
  collection: Counted,
  where: Where,
  create: () => Promise<{ id: string }>,
): Promise<string> {
  const found = await findId(ctx.payload, collection, where)
  if (found) {
    ctx.existing[collection]++
    return found
  }
  const doc = await create()
  ctx.created[collection]++
  return doc.id
}

type MediaSpec = {
  alt: string
  credit: string
  caption?: string
  owner: UnitKey
  /** File name as uploaded; images are stored as .webp by the media collection. */
  filename: string
  mimetype: string
  make: () => Promise<Buffer>
}

const storedName = (filename: string, mimetype: string) =>
  mimetype.startsWith('image/') && mimetype !== 'image/svg+xml'
    ? filename.replace(/\.[^.]+$/, '.webp')
    : filename

async function ensureMedia(ctx: Ctx, spec: MediaSpec): Promise<string> {
  const where: Where = {
    or: [
      { alt: { equals: spec.alt } },
      { filename: { equals: storedName(spec.filename, spec.mimetype) } },
    ],
  }
  return ensure(ctx, 'media', where, async () => {
    const data = await spec.make()
    return ctx.payload.create({
      collection: 'media',
      data: {
        alt: spec.alt,
        credit: spec.credit,
        caption: spec.caption,
        ownerUnit: ctx.units.get(spec.owner)!,
      },
      file: { data, name: spec.filename, mimetype: spec.mimetype, size: data.length },
      overrideAccess: true,
    })
  })
}

const coverMedia = (
  ctx: Ctx,
  title: string,
  kicker: string,
  owner: UnitKey,
  palette: PaletteName,
  what: string,
) =>
  ensureMedia(ctx, {
    alt: `${what} có dòng chữ “${title}” trên nền đồ họa mạng lưới kết nối`,
    credit: `Đồ họa: ${shortNameOf(owner)}`,
    caption: `${what}, dữ liệu mẫu.`,
    owner,
    filename: `${toSlug(title)}.png`,
    mimetype: 'image/png',
    make: () => coverPng({ title, kicker, footer: `${CAMPAIGN} · ${shortNameOf(owner)}`, palette }),
  })

const ids = <K>(map: Map<K, string>, keys: readonly K[]) => keys.map((k) => map.get(k)!)

async function seedUnits(ctx: Ctx) {
  for (const unit of UNITS as readonly UnitSeed[]) {
    const id = await ensure(ctx, 'units', { name: { equals: unit.name } }, () =>
      ctx.payload.create({
        collection: 'units',
        data: {
          name: unit.name,
          shortName: unit.shortName,
          kind: unit.kind,
          parent: unit.parent ? ctx.units.get(unit.parent as UnitKey) : undefined,
          active: true,
        },
        overrideAccess: true,
      }),
    )
    ctx.units.set(unit.key as UnitKey, id)
  }
}

async function seedTopics(ctx: Ctx) {
  for (const topic of TOPICS) {
    const slug = toSlug(topic.title)
    const id = await ensure(ctx, 'topics', { slug: { equals: slug } }, () =>
      ctx.payload.create({
        collection: 'topics',
        data: { title: topic.title, slug, description: topic.description },
        overrideAccess: true,
      }),
    )
    ctx.topics.set(topic.key, id)
  }
}

async function seedUsers(ctx: Ctx): Promise<SeedResult['demoUsers']> {
  for (const user of USERS) {
    await ensure(ctx, 'users', { email: { equals: user.email } }, () =>
      ctx.payload.create({
        collection: 'users',
        data: {
          email: user.email,
          password: DEMO_PASSWORD,
          fullName: user.fullName,
          role: user.role,
          unit: user.unit ? ctx.units.get(user.unit) : undefined,
        },
        overrideAccess: true,
      }),
    )
  }
  return USERS.map((u) => ({ email: u.email, role: u.role, roleLabel: roles.label(u.role) }))
}

async function seedArticles(ctx: Ctx) {
  for (const a of ARTICLES) {
    const slug = toSlug(a.title)
    const published = a.publishedAt !== null
    await ensure(ctx, 'articles', { slug: { equals: slug } }, async () => {
      const cover = await coverMedia(ctx, a.title, a.kicker, a.owner, a.palette, 'Ảnh minh họa')
      return ctx.payload.create({
        collection: 'articles',
        draft: !published,
        data: {
          title: a.title,
          slug,
          sapo: a.sapo,
          body: richText(a.paragraphs),
          coverImage: cover,
          byline: a.byline,
          source: a.source,
          ownerUnit: ctx.units.get(a.owner)!,
          topics: ids(ctx.topics, a.topics),
          campaigns: [campaignOf(ctx, a.publishedAt)],
          tags: a.tags,
          publishedAt: a.publishedAt ?? undefined,
          _status: published ? DocStatus.Published : DocStatus.Draft,
        },
        overrideAccess: true,
      })
    })
  }
}

async function seedVideos(ctx: Ctx) {
  for (const v of VIDEOS) {
    const slug = toSlug(v.title)
    await ensure(ctx, 'videos', { slug: { equals: slug } }, async () => {
      const poster = await coverMedia(
        ctx,
        v.title,
        VIDEO_KIND_LABEL[v.kind],
        v.owner,
        v.palette,
        'Ảnh bìa chương trình',
      )
      const captions = v.captions
        ? await ensureMedia(ctx, {
            alt: `Phụ đề tiếng Việt của chương trình “${v.title}”`,
            credit: shortNameOf(v.owner),
            owner: v.owner,
            filename: `phu-de-${slug}.vtt`,
            mimetype: 'text/vtt',
            make: async () => Buffer.from(v.captions!, 'utf8'),
          })
        : undefined
      return ctx.payload.create({
        collection: 'videos',
        data: {
          title: v.title,
          slug,
          description: v.description,
          kind: v.kind,
          externalUrl: v.externalUrl,
          durationSeconds: v.durationSeconds,
          poster,
          captions,
          ownerUnit: ctx.units.get(v.owner)!,
          topics: ids(ctx.topics, v.topics),
          campaigns: [campaignOf(ctx, v.publishedAt)],
          tags: v.tags,
          publishedAt: v.publishedAt,
          _status: DocStatus.Published,
        },
        overrideAccess: true,
      })
    })
  }
}

async function seedInfographics(ctx: Ctx) {
  for (const g of INFOGRAPHICS) {
    const slug = toSlug(g.title)
    await ensure(ctx, 'infographics', { slug: { equals: slug } }, async () => {
      const file = await ensureMedia(ctx, {
        alt: g.alt,
        credit: `Đồ họa: ${shortNameOf(g.owner)}`,
        caption: `Nguồn số liệu: ${g.dataSource}.`,
        owner: g.owner,
        filename: `${slug}.png`,
        mimetype: 'image/png',
        make: () => infographicPng({ title: g.title, ...g.graphic }),
      })
      return ctx.payload.create({
        collection: 'infographics',
        data: {
          title: g.title,
          slug,
          kind: g.kind,
          file,
          alt: g.alt,
          longDescription: g.longDescription,
          dataSource: g.dataSource,
          ownerUnit: ctx.units.get(g.owner)!,
          topics: ids(ctx.topics, g.topics),
          campaigns: [campaignOf(ctx, g.publishedAt)],
          tags: g.tags,
          publishedAt: g.publishedAt,
          _status: DocStatus.Published,
        },
        overrideAccess: true,
      })
    })
  }
}

async function seedEvents(ctx: Ctx, now: Date) {
  for (const e of EVENTS) {
    const slug = toSlug(e.title)
    const held = new Date(e.endsAt) < now
    await ensure(ctx, 'events', { slug: { equals: slug } }, () =>
      ctx.payload.create({
        collection: 'events',
        data: {
          title: e.title,
          slug,
          kind: e.kind,
          startsAt: e.startsAt,
          startsAt_tz: TIME_ZONE,
          endsAt: e.endsAt,
          endsAt_tz: TIME_ZONE,
          venue: e.venue,
          coordinatingUnits: ids(ctx.units, e.coordinating),
          expectedParticipants: e.upcoming.expectedParticipants,
          ...(held
            ? {
                status: 'held' as const,
                actualParticipants: e.held.actualParticipants,
                audience: e.held.audience,
                resultsSummary: e.held.resultsSummary,
              }
            : { status: e.upcoming.status }),
          description: richText(e.description),
          ownerUnit: ctx.units.get(e.owner)!,
          topics: ids(ctx.topics, e.topics),
          campaigns: [campaignOf(ctx, e.startsAt)],
          tags: e.tags,
          publishedAt: e.publishedAt,
          _status: DocStatus.Published,
        },
        overrideAccess: true,
      }),
    )
  }
}

/** The two campaigns, first: every dated item of the demo belongs to one of them (campaignOf). */
async function seedCampaigns(ctx: Ctx): Promise<void> {
  const { payload } = ctx
  const { lead, coordinating, ...campaignData } = CAMPAIGN_SEED
  const campaign = await ensure(
    ctx,
    'campaigns',
    { planReference: { equals: CAMPAIGN_SEED.planReference } },
    () =>
      payload.create({
        collection: 'campaigns',
        data: {
          ...campaignData,
          traineeTargets: TRAINEE_TARGETS_1155,
          unitKindNeeds: [...PLAN_2026.unitKindNeeds],
          status: 'active',
          leadUnit: ctx.units.get(lead)!,
          coordinatingUnits: ids(ctx.units, coordinating),
          // The generated type also wants the dates' `_tz` fields, which the fields' default time zone fills in.
        } as RequiredDataFromCollectionSlug<'campaigns'>,
        overrideAccess: true,
      }),
  )
  const plan2026 = await ensure(
    ctx,
    'campaigns',
    { planReference: { equals: PLAN_2026.planReference } },
    () =>
      payload.create({
        collection: 'campaigns',
        data: {
          ...PLAN_2026,
          budgets: [...PLAN_2026.budgets],
          kpiTargets: [...PLAN_2026.kpiTargets],
          traineeTargets: [...PLAN_2026.traineeTargets],
          unitKindNeeds: [...PLAN_2026.unitKindNeeds],
          status: 'active',
          leadUnit: ctx.units.get('stttt')!,
          coordinatingUnits: ids(ctx.units, ['bao', 'dai', 'snv']),
        } as RequiredDataFromCollectionSlug<'campaigns'>,
        overrideAccess: true,
      }),
  )
  ctx.campaigns = { plan1155: campaign, plan2026 }
}

/** The channels, and publications over the coming days (Vietnam time). */
async function seedPlanning(ctx: Ctx, now: Date): Promise<void> {
  const { payload } = ctx
  const channels = new Map<string, string>()
  for (const c of CHANNELS) {
    channels.set(
      c.key,
      await ensure(ctx, 'channels', { name: { equals: c.name } }, () =>
        payload.create({
          collection: 'channels',
          data: {
            name: c.name,
            kind: c.kind,
            ownerUnit: c.owner ? ctx.units.get(c.owner) : undefined,
            openToAllUnits: c.openToAllUnits ?? false,
            status: c.status,
            limits: { acceptedTypes: c.acceptedTypes, textMaxLength: c.textMaxLength },
            lastError:
              c.status === ChannelStatus.Disabled
                ? 'Chưa cấu hình mã truy cập: kênh tạm dừng cho đến khi quản trị viên nhập thông tin xác thực.'
                : undefined,
          },
          overrideAccess: true,
        }),
      ),
    )
  }
  // History and upcoming slots are only created on a database that has no publications yet (their times follow the clock).
  if ((await payload.count({ collection: 'publications', overrideAccess: true })).totalDocs > 0) {
    ctx.existing.publications++
    return
  }
  const history = await seedHistory({
    payload,
    now,
    units: ctx.units as Map<UnitKey, string>,
    channels: new Map(
      CHANNELS.map((c) => [c.key, { id: channels.get(c.key)!, name: c.name, kind: c.kind }]),
    ),
    campaignOf: (at) => campaignOf(ctx, at),
  })
  ctx.created.publications += history.publications
  ctx.created.trainings += history.trainings
  ctx.created['engagement-observations'] += history.observations
  const day = (inDays: number) => vnDayKey(now.getTime() + inDays * 86_400_000)
  for (const u of UPCOMING) {
    const article = await findId(payload, 'articles', {
      slug: { equals: toSlug(ARTICLES[u.article].title) },
    })
    if (!article) continue
    const at = parseVietnamLocal(`${day(u.inDays)}T${u.at}`)
    for (const channel of u.channels) {
      await payload.create({
        collection: 'publications',
        data: {
          content: { relationTo: ContentKind.Articles, value: article },
          channel: channels.get(channel)!,
          campaign: campaignOf(ctx, at),
          scheduledAt: at.toISOString(),
          message: u.message,
          // `status` and `scheduledAt_tz`, required in the generated type, come from the fields' defaults.
        } as RequiredDataFromCollectionSlug<'publications'>,
        overrideAccess: true,
      })
      ctx.created.publications++
    }
  }
}

/** Seeds the demo data; safe to run on every start (creates only what is missing). */
export async function seed(payload: Payload, opts: SeedOptions = {}): Promise<SeedResult> {
  const progress = opts.onProgress ?? (() => {})
  const zero = () => Object.fromEntries(COUNTED.map((c) => [c, 0])) as Record<Counted, number>
  const ctx: Ctx = {
    payload,
    created: zero(),
    existing: zero(),
    units: new Map(),
    topics: new Map(),
  }

  const step = async (label: string, collections: Counted[], run: () => Promise<unknown>) => {
    const started = Date.now()
    await run()
    const parts = collections.map(
      (c) =>
        `${COLLECTION_LABELS[c].toLowerCase()}: ${ctx.created[c]} mới, ${ctx.existing[c]} đã có`,
    )
    progress(`${label} – ${parts.join('; ')} (${((Date.now() - started) / 1000).toFixed(1)} giây)`)
  }

  let demoUsers: SeedResult['demoUsers'] = []
  await step('Đơn vị', ['units'], () => seedUnits(ctx))
  await step('Chiến dịch', ['campaigns'], () => seedCampaigns(ctx))
  await step('Cây đơn vị qua các thời kỳ', ['units', 'trainings'], () =>
    seedUnitTree({ ...ctx, campaignOf: (day) => campaignOf(ctx, day) }),
  )
  await step('Chủ đề', ['topics'], () => seedTopics(ctx))
  await step('Tài khoản demo', ['users'], async () => {
    demoUsers = await seedUsers(ctx)
  })
  await step('Tin, bài và ảnh minh họa', ['articles', 'media'], () => seedArticles(ctx))
  await step('Video, phát thanh', ['videos'], () => seedVideos(ctx))
  await step('Infographic, pa-nô', ['infographics'], () => seedInfographics(ctx))
  await step('Sự kiện', ['events'], () => seedEvents(ctx, new Date()))
  await step(
    'Kênh, lịch đăng, đào tạo và số liệu tương tác',
    ['channels', 'publications', 'trainings', 'engagement-observations'],
    () => seedPlanning(ctx, new Date()),
  )
  await step('Chỉ tiêu nhận thức', [], () => seedIndicators(payload, CAMPAIGN_SEED.name))
  await step('Khảo sát nhận thức về dịch vụ công trực tuyến', [], () => seedSurveys(payload, new Date()))
  await step('Nhiệm vụ kế hoạch 1155/QĐ-UBND và tiến độ', [], () => seedPlanTasks(payload))
  progress(await seedReportingSeason(payload))

  return { demoUsers, created: { ...ctx.created } }
}

function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err)
  const details = (err as { data?: { errors?: { path?: string; message?: string }[] } }).data
    ?.errors
  const lines = details?.map((d) => `    - ${d.path ?? ''}: ${d.message ?? ''}`) ?? []
  return [err.message, ...lines].join('\n')
}

/** Loads the Payload config only when run directly (the package script preloads lexical: see src/preload.ts). */
async function loadStartPayload() {
  return (await import('@/lib/startPayload')).startPayload
}

async function main() {
  const started = Date.now()
  let finished = false
  process.on('exit', (code) => {
    if (finished || code !== 0) return
    console.error(
      '✘ Tiến trình dừng bất thường trước khi tạo xong dữ liệu mẫu (Node.js kết thúc khi còn đang nạp mô-đun). Hãy chạy lại `npm run seed`.',
    )
    process.exitCode = 1
  })
  let payload: Payload | undefined
  try {
    resolveSecret()
    console.log(`Đang tạo dữ liệu mẫu (tỉnh Tây Ninh) vào ${databaseUri()}…`)
    const startPayload = await loadStartPayload()
    payload = await startPayload()
    const result = await seed(payload, { onProgress: (m) => console.log(`  · ${m}`) })
    const total = Object.values(result.created).reduce((a, b) => a + b, 0)
    console.log('')
    console.log(
      total ? `✔ Đã tạo ${total} bản ghi mẫu:` : '✔ Dữ liệu mẫu đã có đủ, không cần tạo thêm.',
    )
    if (total) {
      for (const c of COUNTED)
        if (result.created[c])
          console.log(`    ${COLLECTION_LABELS[c].padEnd(22)} ${result.created[c]}`)
    }
    console.log(`  Tài khoản demo (mật khẩu chung: ${DEMO_PASSWORD}):`)
    for (const u of result.demoUsers) console.log(`    - ${u.email.padEnd(34)} ${u.roleLabel}`)
    console.log(`  Thời gian: ${((Date.now() - started) / 1000).toFixed(1)} giây.`)
    await payload.destroy()
    finished = true
    process.exit(0)
  } catch (err) {
    console.error(`✘ Không tạo được dữ liệu mẫu: ${describeError(err)}`)
    console.error(
      '  Kiểm tra DATABASE_URI, quyền ghi thư mục dữ liệu và thư mục media (MEDIA_DIR), rồi chạy lại `npm run seed`.',
    )
    await payload?.destroy().catch(() => {})
    finished = true
    process.exit(1)
  }
}

/** True when this file is the process entry (`npx tsx scripts/seed.ts`, `npm run seed`), not when imported. */
const runDirectly = (() => {
  const entry = process.argv[1]
  if (!entry) return false
  const real = (p: string) => {
    try {
      return fs.realpathSync(p)
    } catch {
      return p
    }
  }
  const self = real(fileURLToPath(import.meta.url))
  const invoked = real(path.resolve(entry))
  return invoked === self || invoked === self.replace(/\.ts$/, '')
})()

if (runDirectly) void main()
