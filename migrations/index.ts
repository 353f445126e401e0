import * as migration_20261122_111040_initial from './20261122_111040_initial';

export const migrations = [
  {
    up: migration_20261122_111040_initial.up,
    down: migration_20261122_111040_initial.down,
    name: '20261122_111040_initial'
  },
];
