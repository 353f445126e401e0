import type { Payload, PayloadRequest } from 'payload'
import { relationId } from '@/lib/relation'
import { vnDayKey } from '@/lib/time'
import type { UnitEventKind } from '@/vocabulary'
import { UnitTree, type Day, type TreeEvent, type TreeUnit } from './tree'

const day = (v: unknown): Day | null => (v ? vnDayKey(v as string) : null)

type Cached = { key: string; tree: UnitTree }
let cached: Cached | null = null

/**
 * What changes the tree: the number of units and events and their latest change. Two one-row
 * reads, so every request can ask whether the tree it holds is still the one in the database
 * (the web process and the workers each hold their own).
 */
async function fingerprint(payload: Payload, req?: PayloadRequest): Promise<string> {
  const latest = async (collection: 'units' | 'unit-events') => {
    const found = await payload.find({
      collection,
      sort: '-updatedAt',
      limit: 1,
      depth: 0,
      overrideAccess: true,
      req,
      select: { updatedAt: true },
    })
    return `${found.totalDocs}@${found.docs[0]?.updatedAt ?? ''}#${found.docs[0]?.id ?? ''}`
  }
  const [u, e] = await Promise.all([latest('units'), latest('unit-events')])
  return `${u}|${e}`
}

/**
 * Forgets this process's tree (the units' and events' hooks call it on every change; other
 * processes see the change through the fingerprint).
 */
export const forgetUnitTree = () => {
  cached = null
}

/** Reads every unit with its parent periods and every lineage event into a UnitTree. */
export async function readUnitTree(payload: Payload, req?: PayloadRequest): Promise<UnitTree> {
  const all = { limit: 0, pagination: false, depth: 0, overrideAccess: true, req } as const
  const [units, events] = await Promise.all([
    payload.find({
      collection: 'units',
      ...all,
      select: { name: true, kind: true, validFrom: true, validTo: true, parents: true },
    }),
    payload.find({ collection: 'unit-events', ...all }),
  ])
  const treeUnits: TreeUnit[] = units.docs.map((u) => ({
    id: String(u.id),
    name: u.name,
    kind: u.kind,
    validFrom: day(u.validFrom),
    validTo: day(u.validTo),
    parents: (u.parents ?? [])
      .filter((p) => relationId(p.parent))
      .map((p) => ({ parent: relationId(p.parent)!, from: day(p.from), to: day(p.to) })),
  }))
  const treeEvents: TreeEvent[] = events.docs.map((e) => ({
    id: String(e.id),
    kind: e.kind as UnitEventKind,
    on: day(e.effectiveOn)!,
    units: (e.units ?? []).map((u) => relationId(u)!).filter(Boolean),
    successors: (e.successors ?? [])
      .filter((s) => relationId(s.unit))
      .map((s) => ({ unit: relationId(s.unit)!, share: Number(s.share ?? 100) / 100 })),
    previousName: e.previousName ?? null,
  }))
  return new UnitTree(treeUnits, treeEvents)
}

/**
 * The unit tree, cached per process and read again when a unit or an event changed. Access
 * rules, the reports page and the exports all call it; reading it afresh costs a query of every
 * unit, checking it two one-row queries.
 */
export async function unitTree(payload: Payload, req?: PayloadRequest): Promise<UnitTree> {
  const key = await fingerprint(payload, req)
  if (cached?.key === key) return cached.tree
  const tree = await readUnitTree(payload, req)
  cached = { key, tree }
  return tree
}

/**
 * The units under `unit` (itself included) in the tree of `year` (any day of it), or on `day`:
 * the closure lookup every subtree total uses.
 */
export async function unitsUnder(
  payload: Payload,
  unit: string,
  when: { year: number } | { day: Day },
  req?: PayloadRequest,
): Promise<string[]> {
  const tree = await unitTree(payload, req)
  return 'year' in when ? tree.unitsUnderInYear(unit, when.year) : tree.unitsUnder(unit, when.day)
}
