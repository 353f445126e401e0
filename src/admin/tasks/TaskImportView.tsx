import type { AdminViewServerProps } from 'payload'
import React from 'react'
import { AdminPage, requireUser } from '@/admin/AdminPage'
import { isCrossUnit } from '@/access/roles'
import { TaskImportForm } from './TaskImportForm'

const TITLE = 'Nhập bảng nhiệm vụ kế hoạch'

/** /admin/task-import: Sở TT&TT uploads a plan's task table (preview, then save). */
export async function TaskImportView(props: AdminViewServerProps) {
  const { req } = await requireUser(props, '/task-import')
  const campaigns = isCrossUnit(req.user)
    ? (
        await req.payload.find({
          collection: 'campaigns',
          depth: 0,
          limit: 0,
          pagination: false,
          overrideAccess: true,
          sort: 'name',
          select: { name: true },
        })
      ).docs.map((c) => ({ id: String(c.id), name: c.name }))
    : null
  return (
    <AdminPage props={props} title={TITLE}>
      <h1>{TITLE}</h1>
      {campaigns ? (
        <TaskImportForm campaigns={campaigns} />
      ) : (
        <p className="cms-alert cms-alert--error" role="alert">
          Chỉ quản lý chiến dịch (Sở TT&TT) được nhập bảng nhiệm vụ của kế hoạch.
        </p>
      )}
    </AdminPage>
  )
}

export default TaskImportView
