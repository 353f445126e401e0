import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'
import { contentKinds } from '@/vocabulary'
import { getPayloadClient, itemPath } from '../../_lib/site'

export const dynamic = 'force-dynamic'

const text = (body: string, status: number) =>
  new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } })

/**
 * Draft preview for editors (the admin's Preview button and live preview point here): turns on
 * Next's draft mode only for a request that carries a valid admin login, then opens the item.
 * The pages read drafts only while that login is still valid (currentReader), as the reader's
 * own access allows: draft mode alone shows nothing more to anyone.
 */
export async function GET(req: Request) {
  const url = new URL(req.url)
  const kind = url.searchParams.get('collection')
  const slug = url.searchParams.get('slug') ?? ''
  if (!contentKinds.includes(kind) || !/^[a-z0-9-]{1,160}$/.test(slug))
    return text('Đường dẫn xem trước không hợp lệ.', 400)
  const payload = await getPayloadClient()
  const { user } = await payload.auth({ headers: req.headers })
  if (!user) return text('Cần đăng nhập trang quản trị để xem trước bản nháp.', 401)
  ;(await draftMode()).enable()
  redirect(itemPath(kind, slug))
}
