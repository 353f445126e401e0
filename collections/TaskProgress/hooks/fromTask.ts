import { APIError, ValidationError, type CollectionBeforeChangeHook } from 'payload'
import { isCrossUnit, unitIdOf } from '@/access/roles'
import { relationId, sameId } from '@/lib/relation'
import { TaskStatus } from '@/vocabulary'

/**
 * A progress row takes its task's lead and coordinating units and campaign (the access rules read
 * them), and its title. An editor records progress only for tasks their unit leads (access cannot
 * see the task on create, so it is checked here); the task and year of a row do not change.
 * "Not done" needs its reason.
 */
export const fromTask: CollectionBeforeChangeHook = async ({
  data,
  originalDoc,
  req,
  collection,
  operation,
}) => {
  const taskId = relationId(originalDoc?.task ?? data.task)
  if (operation === 'update' && data.task != null && !sameId(data.task, originalDoc?.task))
    throw new ValidationError({
      collection: collection.slug,
      errors: [{ path: 'task', message: 'Không đổi được nhiệm vụ của một dòng tiến độ.' }],
    })
  const task = taskId
    ? await req.payload.findByID({
        collection: 'plan-tasks',
        id: taskId,
        depth: 0,
        overrideAccess: true,
        disableErrors: true,
        req,
      })
    : null
  if (!task)
    throw new ValidationError({
      collection: collection.slug,
      errors: [{ path: 'task', message: 'Không tìm thấy nhiệm vụ này.' }],
    })
  if (req.user && !isCrossUnit(req.user) && !sameId(task.leadUnit, unitIdOf(req.user)))
    throw new APIError(
      'Chỉ đơn vị chủ trì nhiệm vụ (và Sở TT&TT) được cập nhật tiến độ; đơn vị phối hợp chỉ xem.',
      403,
      undefined,
      true,
    )
  const year = Number(data.year ?? originalDoc?.year)
  const status = data.status ?? originalDoc?.status
  const reason = String(data.reason ?? originalDoc?.reason ?? '').trim()
  if (status === TaskStatus.NotDone && !reason)
    throw new ValidationError({
      collection: collection.slug,
      errors: [{ path: 'reason', message: 'Nhiệm vụ không hoàn thành cần ghi rõ lý do.' }],
    })
  data.task = task.id
  data.leadUnit = relationId(task.leadUnit)
  data.coordinatingUnits = (task.coordinatingUnits ?? []).map(relationId)
  data.campaign = relationId(task.campaign)
  data.title = `${task.number}. ${task.title}`.slice(0, 250) + ` – năm ${year}`
  return data
}
