/** Bến Tre training annexe (domain.md) as plan data, shared by the plan and export tests: need per
 * unit type, and the yearly phasing as printed, row 2 (its slips) included. */
export const BEN_TRE_PLAN = {
  unitKindNeeds: [
    { unitKind: 'province', expertsPerUnit: 7, traineesPerUnit: 50 },
    { unitKind: 'district', expertsPerUnit: 5, traineesPerUnit: 100 },
    { unitKind: 'dic', expertsPerUnit: 7, traineesPerUnit: 40 },
    { unitKind: 'department', expertsPerUnit: 5, traineesPerUnit: 30 },
    { unitKind: 'commune', expertsPerUnit: 2, traineesPerUnit: 15 },
  ],
  traineeTargets: [
    ...[50, 100, 100, 100, 123].map((target, i) => ({
      programme: 'dx-experts',
      year: 2021 + i,
      target,
    })),
    ...[60, 60, 60, 60, 60].map((target, i) => ({
      programme: 'leaders',
      year: 2021 + i,
      target,
    })),
    ...[60, 120, 120, 120, 160].map((target, i) => ({
      programme: 'dx-staff',
      year: 2021 + i,
      target,
    })),
    ...[100, 700, 700, 700, 865].map((target, i) => ({
      programme: 'civil-servants',
      year: 2021 + i,
      target,
    })),
  ],
  // The printed row 2 (short courses): 120, 890, 890, 890, 1,085, total 3,945; its years sum to 3,875.
  typedSubtotals: [
    ...[120, 890, 890, 890, 1085].map((value, i) => ({
      row: 'short-courses',
      year: 2021 + i,
      value,
    })),
    { row: 'short-courses', year: null, value: 3945 },
    { row: 'dx-experts', year: null, value: 473 },
    { row: 'grand-total', year: null, value: 4418 },
  ],
}
/** The number of units of each kind in Bến Tre the annexe counts. */
export const BEN_TRE_UNITS = { province: 1, district: 9, dic: 1, department: 20, commune: 157 }
