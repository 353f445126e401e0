import { notFound } from 'next/navigation'

/**
 * Any other address under the public page: the admin and the API have their own root layout, so
 * an unknown path is caught here to get the public 404 (not-found.tsx) inside the public layout.
 */
export default function Unknown() {
  notFound()
}
