import type { AdminViewServerProps, PayloadRequest } from 'payload'
import React from 'react'
import { isCrossUnit, unitIdOf } from '@/access/roles'
import { AdminPage, param, requireUser } from '@/admin/AdminPage'
import { relationId } from '@/lib/relation'
import { vnDayKey, vnTime } from '@/lib/time'
import { ChannelKind, channelKinds, ChannelStatus, ContentKind, contentKinds } from '@/vocabulary'
import { canSchedule } from './canSchedule'
import { ScheduleForm, type ChannelChoice, type ContentChoice } from './ScheduleForm'

/** The next full hour, Vietnam time, as a `datetime-local` value. */
function nextHour(): string {
  const inAnHour = new Date(Date.now() + 3600_000)
  return `${vnDayKey(inAnHour)}T${vnTime(inAnHour).slice(0, 2)}:00`
}

async function prefilledContent(
  req: PayloadRequest,
  kind: string | undefined,
  id: string | undefined,
): Promise<ContentChoice | null> {
  if (!kind || !id || !contentKinds.includes(kind)) return null
  try {
    const doc = await req.payload.findByID({
      collection: kind,
      id,
      depth: 0,
      draft: true,
      overrideAccess: false,
      user: req.user,
    })
    return {
      id: String(doc.id),
      title: doc.title,
      status: doc._status ?? undefined,
      webVisibleFrom: doc.webVisibleFrom ?? null,
    }
  } catch {
    return null
  }
}

/**
 * `/admin/schedule`: one content item on several channels at once. Lists the channels (marking
 * those that will need approval for this user) and the campaigns; the form posts to
 * `/api/schedule-publications`, which applies every rule.
 */
export async function ScheduleView(props: AdminViewServerProps) {
  const { req, searchParams, adminRoute } = await requireUser(props, '/schedule')
  const user = req.user
  if (!canSchedule(user)) {
    return (
      <AdminPage props={props} title="Lên lịch nhiều kênh">
        <h1 className="cms-view__title">Lên lịch nhiều kênh</h1>
        <p className="cms-alert cms-alert--warning">
          Chỉ biên tập viên của đơn vị và quản lý chiến dịch được lên lịch đăng.
        </p>
      </AdminPage>
    )
  }
  const unit = unitIdOf(user)
  const crossUnit = isCrossUnit(user)
  const [channels, campaigns] = await Promise.all([
    req.payload.find({
      collection: 'channels',
      depth: 0,
      limit: 500,
      sort: 'name',
      overrideAccess: false,
      user,
      select: { name: true, kind: true, ownerUnit: true, openToAllUnits: true, status: true },
    }),
    req.payload.find({
      collection: 'campaigns',
      depth: 0,
      limit: 500,
      sort: '-startsOn',
      overrideAccess: false,
      user,
      where: { status: { not_equals: 'closed' } },
      select: { name: true, planReference: true },
    }),
  ])
  const channelChoices: ChannelChoice[] = channels.docs.map((c) => ({
    id: String(c.id),
    name: c.name,
    kind: channelKinds.label(c.kind),
    webPage: c.kind === ChannelKind.WebPage,
    disabled: c.status === ChannelStatus.Disabled,
    needsApproval:
      !crossUnit &&
      !c.openToAllUnits &&
      relationId(c.ownerUnit) !== (unit == null ? null : String(unit)),
  }))
  const kind = param(searchParams, 'type')
  const initialKind: ContentKind = contentKinds.includes(kind) ? kind : ContentKind.Articles

  return (
    <AdminPage props={props} title="Lên lịch nhiều kênh">
      <header className="cms-view__header">
        <div>
          <h1 className="cms-view__title">Lên lịch nhiều kênh</h1>
          <p className="cms-view__lead">
            Chọn một nội dung, đánh dấu các kênh và thời điểm đăng. Mỗi kênh sẽ có một lịch đăng
            riêng; nếu một kênh không nhận được, không lịch đăng nào được tạo và bạn sửa lại ngay
            trên biểu mẫu này.
          </p>
        </div>
      </header>
      <ScheduleForm
        adminRoute={adminRoute}
        apiRoute={req.payload.config.routes.api}
        initialKind={initialKind}
        initialContent={await prefilledContent(req, initialKind, param(searchParams, 'id'))}
        channels={channelChoices}
        campaigns={campaigns.docs.map((c) => ({
          id: String(c.id),
          name: c.planReference ? `${c.name} (${c.planReference})` : c.name,
        }))}
        initialCampaign={param(searchParams, 'campaign') ?? ''}
        ownUnit={crossUnit || unit == null ? null : String(unit)}
        defaultTime={nextHour()}
      />
    </AdminPage>
  )
}

export default ScheduleView
