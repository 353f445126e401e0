/**
 * The rollup on a small dataset whose totals were worked out by hand (below), checked cell by cell:
 * every cell of 2026 and 2027 must be exactly the expected one, none more. Also: time-zone edges
 * (they are in the dataset), a rerun gives the same figures, drill-down lists exactly the counted
 * rows, a deactivated and renamed unit keeps its past figures under its name.
 */
import { parse } from 'qs-esm'
import type { Payload, Where } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { drillDownUrl } from '@/reporting/drillDown'
import { rebuildYear, refreshDirty } from '@/reporting/engine'
import { startRollupCron } from '@/reporting/cron'
import { testPayload } from '../helpers/payload'
import { cellMap, content, handDataset, key } from '../helpers/rollup'

let payload: Payload
const id: Record<string, string> = {}

/*
 * The dataset (built by handDataset in tests/helpers/rollup.ts; times in UTC; local = UTC+7):
 *   units U1 (Báo), U2 (Đài); topics T1, T2; campaigns C1 (lead U1; budget 2026: planned 100,000,000,
 *   spent 40,000,000; 2027: planned 50,000,000) and C2 (lead U2; 2026: planned 30,000,000, spent 30,000,000);
 *   channels W (web page), R (radio), L (loudspeaker).
 *   A1 article U1 [T1,T2] [C1] created 2026-03-10T03:00Z (Mar) published 2026-12-31T16:30Z (31/12 23:30 local → Dec 2026)
 *   A2 article U1 [T1] [C1,C2] created 2026-03-31T17:30Z (01/04 00:30 local → Apr) published 2026-12-31T17:30Z (01/01/2027 00:30 → Jan 2027)
 *   A3 article U2 [] [] draft, created 2026-02-28T16:59:59Z (28/02 23:59:59 → Feb)
 *   V1 video U2 [T2] [C2] created 2026-04-30T17:00Z (01/05 00:00 → May) published 2026-05-15T02:00Z (May)
 *   E1 event U1 [T1] [C1] draft, held, starts 2026-06-30T17:30Z (01/07 00:30 → Jul), 120 participants:
 *      leaders 20, civil servants 70, citizens 30; created 2026-06-01T03:00Z (Jun)
 *   E2 event U2 [T2] [] published 2026-08-02T03:00Z, planned (not held), created 2026-08-01T03:00Z (Aug)
 *   P1 A1→W C1 published 2026-12-31T16:30Z (Dec)
 *   P2 A1→R C1 published 2025-12-31T17:00:05Z (Jan 2026), slot 2025-12-31T17:00Z (01/01/2026 00:00 → Jan), aired 300 s
 *   P3 V1→L published and slot 2026-05-20T01:00Z (May), aired 90 s
 *   P4 V1→L slot 2026-05-31T16:59Z (31/05 23:59 → May) aired 150 s, published 2026-05-31T17:01Z (01/06 00:01 → Jun)
 *   P5 V1→R published 2026-06-10T03:00Z (Jun), not aired
 *   P6 A2→W scheduled only (never published)
 *   P7 A2→W C2 published 2026-12-31T17:30Z (Jan 2027)
 *   P8 A3→R C2 published 2026-07-01T01:00Z (Jul), airing pending
 *   P9 A3→W published 2025-11-10T03:00Z (Nov 2025)
 *   Trainings: TR1 U1 C1 held, starts 2026-02-28T17:00Z (01/03 00:00 local → Mar), 40 trainees, rows
 *     dx-staff/commune 25, leaders/district 10; TR2 U2 held, starts 2026-09-14T17:00Z (Sep), 30 trainees,
 *     rows citizens/commune 20, citizens/other 10; TR3 U1 C1 planned (not held), starts 2026-10-01, 50 trainees.
 *   Engagement observations (latest per publication before the end of the year; its empty figures left out):
 *     O1 P3 at 2026-05-21T03:00Z views 100, reach 80, reactions 10;
 *     O2 P3 at 2026-06-01T03:00Z views 250, reach 200, shares 5 (latest for P3: its reactions are empty);
 *     O3 P8 at 2026-07-02T01:00Z views 40, comments 3, watch time 600 s;
 *     O4 P8 at 2026-07-01T12:00Z views 999 (entered after O3 but observed before it: not the latest);
 *     O5 P2 at 2026-01-05T03:00Z reach 1000;
 *     O6 P9 at 2025-12-20T03:00Z views 70; O7 P9 at 2026-01-10T03:00Z views 90 (after 2025: 2025 shows 70).
 *
 * Hand-worked totals for 2026 (month, dims → value):
 *   (all campaigns, all topics)
 *     content-produced: Mar U1 articles 1 (A1); Apr U1 articles 1 (A2); Feb U2 articles 1 (A3);
 *       May U2 videos 1 (V1); Jun U1 events 1 (E1); Aug U2 events 1 (E2)
 *     content-published: Dec U1 articles 1 (A1); May U2 videos 1 (V1); Aug U2 events 1 (E2)
 *     publications-published: Dec U1 articles W 1 (P1); Jan U1 articles R 1 (P2); May U2 videos L 1 (P3);
 *       Jun U2 videos L 1 (P4); Jun U2 videos R 1 (P5); Jul U2 articles R 1 (P8)
 *     broadcasts-aired / minutes: Jan U1 articles R 1 / 5 (P2); May U2 videos L 2 / (90+150)/60 = 4 (P3, P4)
 *     events: Jul U1 events: held 1, participants 120, leaders 20, civil servants 70, citizens 30 (E1)
 *     budgets (month 0): U1: planned 100,000,000, spent 40,000,000; U2: planned 30,000,000, spent 30,000,000
 *     trainings (no type, no channel): Mar U1: held 1, trainees 40, programme dx-staff 25, leaders 10,
 *       unit kind commune 25, district 10 (TR1); Sep U2: held 1, trainees 30, programme citizens 20 + 10 = 30,
 *       unit kind commune 20, other 10 (TR2); TR3 is not held
 *     engagement (publish month): May U2 videos L: views 250, reach 200, shares 5 (P3, O2);
 *       Jul U2 articles R: views 40, comments 3, watch time 600 (P8, O3); Jan U1 articles R: reach 1000 (P2, O5)
 *   (campaign X, all topics)
 *     content-produced: Mar U1 articles C1 1; Apr U1 articles C1 1 and C2 1; May U2 videos C2 1; Jun U1 events C1 1
 *     content-published: Dec U1 articles C1 1; May U2 videos C2 1
 *     publications-published (the publication's campaign): Dec U1 articles W C1 1; Jan U1 articles R C1 1; Jul U2 articles R C2 1
 *     broadcasts: Jan U1 articles R C1: aired 1, minutes 5
 *     events: Jul U1 events C1: held 1, participants 120, leaders 20, civil servants 70, citizens 30
 *     budgets: U1 C1 100,000,000 / 40,000,000; U2 C2 30,000,000 / 30,000,000
 *     trainings: Mar U1 C1: the six TR1 cells above
 *     engagement (the publication's campaign): Jul U2 articles R C2: views 40, comments 3, watch time 600;
 *       Jan U1 articles R C1: reach 1000
 *   (all campaigns, topic T): no channel (the channel dimension is left empty in this family)
 *     content-produced: Mar U1 articles T1 1, T2 1; Apr U1 articles T1 1; May U2 videos T2 1; Jun U1 events T1 1; Aug U2 events T2 1
 *     content-published: Dec U1 articles T1 1, T2 1; May U2 videos T2 1; Aug U2 events T2 1
 *     publications-published: Dec U1 articles T1 1, T2 1; Jan U1 articles T1 1, T2 1; May U2 videos T2 1;
 *       Jun U2 videos T2 1 + 1 = 2 (P4 on L, P5 on R) (P8's A3 has no topic)
 *     broadcasts: Jan U1 articles T1 and T2: aired 1, minutes 5 each; May U2 videos T2: aired 2, minutes 4
 *     events: Jul U1 events T1: held 1, participants 120, leaders 20, civil servants 70, citizens 30
 *     trainings: none (courses have no topics)
 *     engagement (the content's topics): May U2 videos T2: views 250, reach 200, shares 5;
 *       Jan U1 articles T1 and T2: reach 1000 each (P8's A3 has no topic)
 *   (28 + 11 + 7) + (21 + 6 + 4) + (27 + 5) = 109 cells.
 * 2027: content-published Jan U1 articles 1 (A2), with C1 1, C2 1, T1 1; publications-published Jan U1 articles W 1 (P7),
 *   with C2 1 (on W), T1 1 (no channel); budget-planned U1 50,000,000 and with C1 50,000,000: 9 cells.
 * 2025 (checked for engagement only): Nov U2 articles W views 70 (P9 as of 31/12/2025: O6, not O7).
 */
function expected2026(): [string, number][] {
  const { U1, U2, T1, T2, C1, C2, W, R, L } = id
  const y = 2026
  const a = 'articles',
    v = 'videos',
    e = 'events'
  const eventCells = (extra: Record<string, string>): [string, number][] => [
    [key(y, 7, 'events-held', { unit: U1, type: e, ...extra }), 1],
    [key(y, 7, 'participants', { unit: U1, type: e, ...extra }), 120],
    [key(y, 7, 'participants-leaders', { unit: U1, type: e, ...extra }), 20],
    [key(y, 7, 'participants-civil-servants', { unit: U1, type: e, ...extra }), 70],
    [key(y, 7, 'participants-citizens', { unit: U1, type: e, ...extra }), 30],
  ]
  const tr1Cells = (extra: Record<string, string>): [string, number][] => [
    [key(y, 3, 'trainings-held', { unit: U1, ...extra }), 1],
    [key(y, 3, 'trainees', { unit: U1, ...extra }), 40],
    [key(y, 3, 'trainees-programme-dx-staff', { unit: U1, ...extra }), 25],
    [key(y, 3, 'trainees-programme-leaders', { unit: U1, ...extra }), 10],
    [key(y, 3, 'trainees-unit-kind-commune', { unit: U1, ...extra }), 25],
    [key(y, 3, 'trainees-unit-kind-district', { unit: U1, ...extra }), 10],
  ]
  return [
    // (all, all)
    [key(y, 3, 'content-produced', { unit: U1, type: a }), 1],
    [key(y, 4, 'content-produced', { unit: U1, type: a }), 1],
    [key(y, 2, 'content-produced', { unit: U2, type: a }), 1],
    [key(y, 5, 'content-produced', { unit: U2, type: v }), 1],
    [key(y, 6, 'content-produced', { unit: U1, type: e }), 1],
    [key(y, 8, 'content-produced', { unit: U2, type: e }), 1],
    [key(y, 12, 'content-published', { unit: U1, type: a }), 1],
    [key(y, 5, 'content-published', { unit: U2, type: v }), 1],
    [key(y, 8, 'content-published', { unit: U2, type: e }), 1],
    [key(y, 12, 'publications-published', { unit: U1, type: a, channel: W }), 1],
    [key(y, 1, 'publications-published', { unit: U1, type: a, channel: R }), 1],
    [key(y, 5, 'publications-published', { unit: U2, type: v, channel: L }), 1],
    [key(y, 6, 'publications-published', { unit: U2, type: v, channel: L }), 1],
    [key(y, 6, 'publications-published', { unit: U2, type: v, channel: R }), 1],
    [key(y, 7, 'publications-published', { unit: U2, type: a, channel: R }), 1],
    [key(y, 1, 'broadcasts-aired', { unit: U1, type: a, channel: R }), 1],
    [key(y, 1, 'broadcast-minutes', { unit: U1, type: a, channel: R }), 5],
    [key(y, 5, 'broadcasts-aired', { unit: U2, type: v, channel: L }), 2],
    [key(y, 5, 'broadcast-minutes', { unit: U2, type: v, channel: L }), 4],
    ...eventCells({}),
    [key(y, 0, 'budget-planned', { unit: U1 }), 100_000_000],
    [key(y, 0, 'budget-spent', { unit: U1 }), 40_000_000],
    [key(y, 0, 'budget-planned', { unit: U2 }), 30_000_000],
    [key(y, 0, 'budget-spent', { unit: U2 }), 30_000_000],
    ...tr1Cells({}),
    [key(y, 9, 'trainings-held', { unit: U2 }), 1],
    [key(y, 9, 'trainees', { unit: U2 }), 30],
    [key(y, 9, 'trainees-programme-citizens', { unit: U2 }), 30],
    [key(y, 9, 'trainees-unit-kind-commune', { unit: U2 }), 20],
    [key(y, 9, 'trainees-unit-kind-other', { unit: U2 }), 10],
    [key(y, 5, 'engagement-views', { unit: U2, type: v, channel: L }), 250],
    [key(y, 5, 'engagement-reach', { unit: U2, type: v, channel: L }), 200],
    [key(y, 5, 'engagement-shares', { unit: U2, type: v, channel: L }), 5],
    [key(y, 7, 'engagement-views', { unit: U2, type: a, channel: R }), 40],
    [key(y, 7, 'engagement-comments', { unit: U2, type: a, channel: R }), 3],
    [key(y, 7, 'engagement-watch-time-seconds', { unit: U2, type: a, channel: R }), 600],
    [key(y, 1, 'engagement-reach', { unit: U1, type: a, channel: R }), 1000],
    // (campaign, all)
    [key(y, 3, 'content-produced', { unit: U1, type: a, campaign: C1 }), 1],
    [key(y, 4, 'content-produced', { unit: U1, type: a, campaign: C1 }), 1],
    [key(y, 4, 'content-produced', { unit: U1, type: a, campaign: C2 }), 1],
    [key(y, 5, 'content-produced', { unit: U2, type: v, campaign: C2 }), 1],
    [key(y, 6, 'content-produced', { unit: U1, type: e, campaign: C1 }), 1],
    [key(y, 12, 'content-published', { unit: U1, type: a, campaign: C1 }), 1],
    [key(y, 5, 'content-published', { unit: U2, type: v, campaign: C2 }), 1],
    [key(y, 12, 'publications-published', { unit: U1, type: a, channel: W, campaign: C1 }), 1],
    [key(y, 1, 'publications-published', { unit: U1, type: a, channel: R, campaign: C1 }), 1],
    [key(y, 7, 'publications-published', { unit: U2, type: a, channel: R, campaign: C2 }), 1],
    [key(y, 1, 'broadcasts-aired', { unit: U1, type: a, channel: R, campaign: C1 }), 1],
    [key(y, 1, 'broadcast-minutes', { unit: U1, type: a, channel: R, campaign: C1 }), 5],
    ...eventCells({ campaign: C1 }),
    [key(y, 0, 'budget-planned', { unit: U1, campaign: C1 }), 100_000_000],
    [key(y, 0, 'budget-spent', { unit: U1, campaign: C1 }), 40_000_000],
    [key(y, 0, 'budget-planned', { unit: U2, campaign: C2 }), 30_000_000],
    [key(y, 0, 'budget-spent', { unit: U2, campaign: C2 }), 30_000_000],
    ...tr1Cells({ campaign: C1 }),
    [key(y, 7, 'engagement-views', { unit: U2, type: a, channel: R, campaign: C2 }), 40],
    [key(y, 7, 'engagement-comments', { unit: U2, type: a, channel: R, campaign: C2 }), 3],
    [
      key(y, 7, 'engagement-watch-time-seconds', { unit: U2, type: a, channel: R, campaign: C2 }),
      600,
    ],
    [key(y, 1, 'engagement-reach', { unit: U1, type: a, channel: R, campaign: C1 }), 1000],
    // (all, topic)
    [key(y, 3, 'content-produced', { unit: U1, type: a, topic: T1 }), 1],
    [key(y, 3, 'content-produced', { unit: U1, type: a, topic: T2 }), 1],
    [key(y, 4, 'content-produced', { unit: U1, type: a, topic: T1 }), 1],
    [key(y, 5, 'content-produced', { unit: U2, type: v, topic: T2 }), 1],
    [key(y, 6, 'content-produced', { unit: U1, type: e, topic: T1 }), 1],
    [key(y, 8, 'content-produced', { unit: U2, type: e, topic: T2 }), 1],
    [key(y, 12, 'content-published', { unit: U1, type: a, topic: T1 }), 1],
    [key(y, 12, 'content-published', { unit: U1, type: a, topic: T2 }), 1],
    [key(y, 5, 'content-published', { unit: U2, type: v, topic: T2 }), 1],
    [key(y, 8, 'content-published', { unit: U2, type: e, topic: T2 }), 1],
    [key(y, 12, 'publications-published', { unit: U1, type: a, topic: T1 }), 1],
    [key(y, 12, 'publications-published', { unit: U1, type: a, topic: T2 }), 1],
    [key(y, 1, 'publications-published', { unit: U1, type: a, topic: T1 }), 1],
    [key(y, 1, 'publications-published', { unit: U1, type: a, topic: T2 }), 1],
    [key(y, 5, 'publications-published', { unit: U2, type: v, topic: T2 }), 1],
    [key(y, 6, 'publications-published', { unit: U2, type: v, topic: T2 }), 2],
    [key(y, 1, 'broadcasts-aired', { unit: U1, type: a, topic: T1 }), 1],
    [key(y, 1, 'broadcast-minutes', { unit: U1, type: a, topic: T1 }), 5],
    [key(y, 1, 'broadcasts-aired', { unit: U1, type: a, topic: T2 }), 1],
    [key(y, 1, 'broadcast-minutes', { unit: U1, type: a, topic: T2 }), 5],
    [key(y, 5, 'broadcasts-aired', { unit: U2, type: v, topic: T2 }), 2],
    [key(y, 5, 'broadcast-minutes', { unit: U2, type: v, topic: T2 }), 4],
    ...eventCells({ topic: T1 }),
    [key(y, 5, 'engagement-views', { unit: U2, type: v, topic: T2 }), 250],
    [key(y, 5, 'engagement-reach', { unit: U2, type: v, topic: T2 }), 200],
    [key(y, 5, 'engagement-shares', { unit: U2, type: v, topic: T2 }), 5],
    [key(y, 1, 'engagement-reach', { unit: U1, type: a, topic: T1 }), 1000],
    [key(y, 1, 'engagement-reach', { unit: U1, type: a, topic: T2 }), 1000],
  ]
}

function expected2027(): [string, number][] {
  const { U1, T1, C1, C2, W } = id
  const y = 2027
  return [
    [key(y, 1, 'content-published', { unit: U1, type: 'articles' }), 1],
    [key(y, 1, 'content-published', { unit: U1, type: 'articles', campaign: C1 }), 1],
    [key(y, 1, 'content-published', { unit: U1, type: 'articles', campaign: C2 }), 1],
    [key(y, 1, 'content-published', { unit: U1, type: 'articles', topic: T1 }), 1],
    [key(y, 1, 'publications-published', { unit: U1, type: 'articles', channel: W }), 1],
    [
      key(y, 1, 'publications-published', { unit: U1, type: 'articles', channel: W, campaign: C2 }),
      1,
    ],
    [key(y, 1, 'publications-published', { unit: U1, type: 'articles', topic: T1 }), 1],
    [key(y, 0, 'budget-planned', { unit: U1 }), 50_000_000],
    [key(y, 0, 'budget-planned', { unit: U1, campaign: C1 }), 50_000_000],
  ]
}

beforeAll(async () => {
  payload = await testPayload()
  Object.assign(id, await handDataset(payload))
  await rebuildYear(payload, 2026)
  await rebuildYear(payload, 2027)
})

describe('rollup: a dataset with totals known by hand', () => {
  it('every 2026 cell is the hand-computed figure, and there are no others', async () => {
    const actual = await cellMap(payload, 2026)
    const expected = new Map(expected2026())
    expect(expected.size).toBe(109)
    for (const [k, value] of expected) expect(actual.get(k), k).toBe(value)
    expect([...actual.keys()].filter((k) => !expected.has(k))).toEqual([])
  })

  it('every 2027 cell is the hand-computed figure, and there are no others', async () => {
    const actual = await cellMap(payload, 2027)
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected2027()))
  })

  it('time-zone edges: 31/12 23:30 local counts in that year, 01/01 00:30 in the next, and month edges', async () => {
    const { U1, U2, W, L } = id
    const y26 = await cellMap(payload, 2026)
    const y27 = await cellMap(payload, 2027)
    expect(
      y26.get(key(2026, 12, 'publications-published', { unit: U1, type: 'articles', channel: W })),
    ).toBe(1) // P1 16:30Z 31/12
    expect(
      y27.get(key(2027, 1, 'publications-published', { unit: U1, type: 'articles', channel: W })),
    ).toBe(1) // P7 17:30Z 31/12
    expect(
      y26.get(key(2026, 1, 'content-published', { unit: U1, type: 'articles' })),
    ).toBeUndefined() // A2 is 2027's
    // P4: its slot at 23:59 on 31/05 aired in May; it was marked published at 00:01 on 01/06, a June publication.
    expect(
      y26.get(key(2026, 5, 'broadcasts-aired', { unit: U2, type: 'videos', channel: L })),
    ).toBe(2)
    expect(
      y26.get(key(2026, 6, 'publications-published', { unit: U2, type: 'videos', channel: L })),
    ).toBe(1)
    expect(y26.get(key(2026, 4, 'content-produced', { unit: U2, type: 'videos' }))).toBeUndefined() // V1: 01/05 00:00 local
  })

  it('a rerun over the same data gives the same figures', async () => {
    const before = await cellMap(payload, 2026)
    const result = await rebuildYear(payload, 2026)
    expect(result.cells).toBe(109)
    expect(await cellMap(payload, 2026)).toEqual(before)
  })

  it('engagement of a past year is as of its last day: a later observation does not change it', async () => {
    await rebuildYear(payload, 2025)
    const y25 = await cellMap(payload, 2025)
    expect(
      y25.get(key(2025, 11, 'engagement-views', { unit: id.U2, type: 'articles', channel: id.W })),
    ).toBe(70)
  })

  it('two observations at the same time: the one with the greatest id counts (as MongoDB sorts them)', async () => {
    const before = await cellMap(payload, 2026)
    const at = '2026-06-10T03:00:00.000Z'
    const made = []
    for (const views of [300, 301])
      made.push(
        await payload.create({
          collection: 'engagement-observations',
          data: { publication: id.P3, observedAt: at, views } as never,
          overrideAccess: true,
        }),
      )
    const winner = made.reduce((a, b) => (String(a.id) > String(b.id) ? a : b))
    await rebuildYear(payload, 2026)
    const after = await cellMap(payload, 2026)
    const changed = [...after].filter(([k, v]) => before.get(k) !== v)
    // P3's views were 250 (its observation of 01/06): every views cell it counts in moves by the same step.
    expect(changed.length).toBeGreaterThan(0)
    for (const [k, v] of changed) {
      expect(k).toContain('engagement-views')
      expect(v - before.get(k)!).toBe(winner.views! - 250)
    }
    for (const o of made)
      await payload.delete({
        collection: 'engagement-observations',
        id: o.id,
        overrideAccess: true,
      })
    await rebuildYear(payload, 2026)
    expect(await cellMap(payload, 2026)).toEqual(before)
  })

  it('stores the unit name with the figure', async () => {
    const cells = await payload.find({
      collection: 'rollup-cells',
      where: { unit: { equals: id.U2 } },
      limit: 1,
      overrideAccess: true,
      depth: 0,
    })
    expect(cells.docs[0].unitName).toBe('Đài Phát thanh và Truyền hình Tây Ninh')
  })
})

describe('drill-down', () => {
  it('links a cell to exactly the rows it counts, with the local month as UTC instants', async () => {
    const cell = {
      year: 2026,
      month: 6,
      metric: 'publications-published',
      campaign: null,
      unit: id.U2,
      contentType: 'videos',
      channel: id.L,
      topic: null,
    }
    const url = drillDownUrl(cell)
    expect(url.startsWith('/admin/collections/publications?')).toBe(true)
    const query = decodeURIComponent(url.split('?')[1])
    expect(query).toContain('[publishedAt][greater_than_equal]=2026-05-31T17:00:00.000Z')
    expect(query).toContain('[publishedAt][less_than]=2026-06-30T17:00:00.000Z')
    const { where } = parse(url.split('?')[1]) as { where: Where }
    const rows = await payload.find({
      collection: 'publications',
      where,
      limit: 0,
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    expect(rows.docs.map((d) => String(d.id))).toEqual([id.P4])
  })

  it('an events cell lists the held events of its month, unit and topic', async () => {
    const url = drillDownUrl({
      year: 2026,
      month: 7,
      metric: 'participants',
      campaign: null,
      unit: id.U1,
      contentType: 'events',
      channel: null,
      topic: id.T1,
    })
    const { where } = parse(url.split('?')[1]) as { where: Where }
    const rows = await payload.find({
      collection: 'events',
      where,
      limit: 0,
      pagination: false,
      depth: 0,
      overrideAccess: true,
      draft: true,
    })
    expect(rows.docs.map((d) => String(d.id))).toEqual([id.E1])
  })
})

describe('drill-down of the new sources', () => {
  it('a trainees cell lists the held courses of its month, organiser and campaign', async () => {
    const url = drillDownUrl({
      year: 2026,
      month: 3,
      metric: 'trainees-programme-dx-staff',
      campaign: id.C1,
      unit: id.U1,
      contentType: null,
      channel: null,
      topic: null,
    })
    const { where } = parse(url.split('?')[1]) as { where: Where }
    const rows = await payload.find({
      collection: 'trainings',
      where,
      limit: 0,
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    expect(rows.docs.map((d) => String(d.id))).toEqual([id.TR1])
  })

  it('an engagement cell lists the publications whose figures it sums', async () => {
    const url = drillDownUrl({
      year: 2026,
      month: 7,
      metric: 'engagement-views',
      campaign: null,
      unit: id.U2,
      contentType: 'articles',
      channel: id.R,
      topic: null,
    })
    const { where } = parse(url.split('?')[1]) as { where: Where }
    const rows = await payload.find({
      collection: 'publications',
      where,
      limit: 0,
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    expect(rows.docs.map((d) => String(d.id))).toEqual([id.P8])
  })
})

describe('a unit deactivated or merged', () => {
  it('keeps its past figures under its own name', async () => {
    // A 2025 item of U2, folded in before the unit is wound up.
    await content(
      payload,
      'articles',
      {
        title: 'Bài năm 2025',
        ownerUnit: id.U2,
        _status: 'published',
        publishedAt: '2025-06-01T03:00:00.000Z',
      },
      '2025-05-20T03:00:00.000Z',
    )
    await rebuildYear(payload, 2025)
    const cell = key(2025, 6, 'content-published', { unit: id.U2, type: 'articles' })
    expect((await cellMap(payload, 2025)).get(cell)).toBe(1)

    await payload.update({
      collection: 'units',
      id: id.U2,
      data: { active: false, name: 'Trung tâm Truyền thông tỉnh (sáp nhập từ Đài)' } as never,
      overrideAccess: true,
    })
    await refreshDirty(payload)
    const cron = startRollupCron(payload, { log: () => {} })
    expect(await cron.runNightly()).toBe(true) // rebuilds the current year only
    await cron.stop()

    const past = await payload.find({
      collection: 'rollup-cells',
      where: { and: [{ year: { equals: 2025 } }, { unit: { equals: id.U2 } }] },
      limit: 0,
      overrideAccess: true,
      depth: 0,
    })
    expect(past.docs.length).toBeGreaterThan(0)
    expect(new Set(past.docs.map((c) => c.unitName))).toEqual(
      new Set(['Đài Phát thanh và Truyền hình Tây Ninh']),
    )
    // Deactivated units are still counted when their year is rebuilt: their rows are real.
    await rebuildYear(payload, 2025)
    expect((await cellMap(payload, 2025)).get(cell)).toBe(1)
  })
})
