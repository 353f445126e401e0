import type { Payload, TypedUser, Where } from 'payload'
import { stringify } from 'qs-esm'

/**
 * The dashboard's "Việc cần làm": what needs the user now, each with where it is done. Items come
 * from a list of providers, each asked in turn with the user's own access; a provider that does not
 * concern the user's role returns nothing. Another source of work (plan tasks, …) is one more
 * provider appended to `todoProviders`.
 */
export type TodoTone = 'urgent' | 'warning' | 'info'
export type TodoItem = {
  /** Stable id, for tests and the element's `data-todo`. */
  key: string
  label: string
  /** How many; null when the item is a state rather than a count (a report's deadline). */
  count: number | null
  detail?: string
  href: string
  tone: TodoTone
}
export type TodoContext = { payload: Payload; user: TypedUser; now: Date; adminRoute: string }
export type TodoProvider = (ctx: TodoContext) => Promise<TodoItem[]>

/** A collection's list in the admin, filtered. */
export const listHref = (adminRoute: string, collection: string, where: Where, sort?: string) =>
  `${adminRoute}/collections/${collection}?${stringify({ where, ...(sort ? { sort } : {}) })}`

/** Every provider's items, in provider order; a provider that fails leaves out its items, not the dashboard. */
export async function loadTodo(ctx: TodoContext, providers: readonly TodoProvider[]) {
  const lists = await Promise.all(
    providers.map((p) =>
      p(ctx).catch((err: unknown) => {
        ctx.payload.logger.error({ err }, 'Việc cần làm: một nguồn không đọc được')
        return [] as TodoItem[]
      }),
    ),
  )
  return lists.flat()
}
