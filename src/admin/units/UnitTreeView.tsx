import type { AdminViewServerProps, Payload } from 'payload'
import React from 'react'
import { AdminPage, param, requireUser } from '@/admin/AdminPage'
import { relationId } from '@/lib/relation'
import { formatDay, vnDayKey } from '@/lib/time'
import { unitTree } from '@/units/load'
import { CONTENT_KINDS, unitKinds } from '@/vocabulary'
import { UnitTreeClient, type TreeNode } from './UnitTreeClient'

const TITLE = 'Cây đơn vị'

/** How many documents of `collection` each unit owns (one read of the owner field). */
async function countBy(
  payload: Payload,
  collection: 'users' | (typeof CONTENT_KINDS)[number],
  field: 'unit' | 'ownerUnit',
): Promise<Map<string, number>> {
  const found = await payload.find({
    collection,
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    draft: collection !== 'users' ? true : undefined,
    select: { [field]: true },
  } as Parameters<Payload['find']>[0])
  const counts = new Map<string, number>()
  for (const d of found.docs as unknown as Record<string, unknown>[]) {
    const id = relationId(d[field])
    if (id) counts.set(id, (counts.get(id) ?? 0) + 1)
  }
  return counts
}

/**
 * `/admin/unit-tree`: the units as a tree on a day (`?ngay=2025-06-30`; today by default): expand
 * and collapse, a search that ignores diacritics, and each unit's users and content items. The
 * tree is read from the parent periods, so a past day shows the districts and their communes.
 */
export async function UnitTreeView(props: AdminViewServerProps) {
  const { req, searchParams, adminRoute } = await requireUser(props, '/unit-tree')
  const asked = param(searchParams, 'ngay')
  const day = asked && /^\d{4}-\d{2}-\d{2}$/.test(asked) ? asked : vnDayKey(new Date())
  const tree = await unitTree(req.payload, req)
  const [users, ...content] = await Promise.all([
    countBy(req.payload, 'users', 'unit'),
    ...CONTENT_KINDS.map((k) => countBy(req.payload, k, 'ownerUnit')),
  ])
  const nodes: TreeNode[] = [...tree.units.values()]
    .filter((u) => tree.existsOn(u.id, day))
    .map((u) => {
      const parent = tree.parentOn(u.id, day)
      return {
        id: u.id,
        name: tree.nameOn(u.id, day),
        kind: unitKinds.label(u.kind),
        parent: parent && tree.existsOn(parent, day) ? parent : null,
        users: users.get(u.id) ?? 0,
        content: content.reduce((n, m) => n + (m.get(u.id) ?? 0), 0),
        href: `${adminRoute}/collections/units/${u.id}`,
      }
    })
  return (
    <AdminPage props={props} title={TITLE}>
      <div className="cms-report">
        <header className="cms-view__header">
          <div>
            <h1 className="cms-view__title">{TITLE}</h1>
            <p className="cms-view__lead">
              Các đơn vị và đơn vị trực thuộc ngày <strong id="tree-day">{formatDay(day)}</strong>;
              số người dùng và số tin, bài, video, infographic, sự kiện của từng đơn vị.
            </p>
          </div>
        </header>
        <form className="cms-cal__filters" method="get" action={`${adminRoute}/unit-tree`}>
          <label className="cms-field">
            <span className="cms-field__label">Cây đơn vị ngày</span>
            <input type="date" name="ngay" defaultValue={day} id="tree-date" />
          </label>
          <button type="submit" className="btn btn--style-secondary btn--size-medium cms-btn">
            Xem
          </button>
        </form>
        <UnitTreeClient nodes={nodes} />
      </div>
    </AdminPage>
  )
}
