import type { Payload, PayloadRequest } from 'payload'
import { relationId } from '@/lib/relation'
import type { FormValues } from '@/publicForms/guard'
import type { StoredResponse } from './results'

/** A survey's stored responses, oldest first, as the results and the files read them. */
export async function loadResponses(
  payload: Payload,
  surveyId: string | number,
  req?: PayloadRequest,
): Promise<(StoredResponse & { createdAt: string })[]> {
  const { docs } = await payload.find({
    collection: 'survey-responses',
    where: { survey: { equals: surveyId } },
    sort: 'createdAt',
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: { commune: true, ageBand: true, answers: true, aware: true, createdAt: true },
    req,
  })
  return docs.map((d) => ({
    commune: relationId(d.commune),
    ageBand: d.ageBand ?? null,
    answers: (d.answers ?? {}) as FormValues,
    aware: d.aware ?? null,
    createdAt: d.createdAt,
  }))
}

/** The names of the units `ids` (the communes answered). */
export async function unitNames(
  payload: Payload,
  ids: readonly (string | null)[],
  req?: PayloadRequest,
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => i != null))]
  if (!wanted.length) return new Map()
  const { docs } = await payload.find({
    collection: 'units',
    where: { id: { in: wanted } },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: { name: true },
    req,
  })
  return new Map(docs.map((d) => [String(d.id), d.name]))
}
