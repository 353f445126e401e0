/** The REST calls of the bell and the notifications list: the collection's access keeps each to its recipient. */
export const unreadQuery = 'where[read][equals]=false'

export async function markRead(api: string, id?: string | number): Promise<boolean> {
  const res = await fetch(
    id != null
      ? `${api}/notifications/${id}?depth=0`
      : `${api}/notifications?${unreadQuery}&depth=0`,
    {
      method: 'PATCH',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ read: true }),
    },
  )
  return res.ok
}
