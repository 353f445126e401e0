import * as migration_20261122_105511_initial from './20261122_105511_initial';

export const migrations = [
  {
    up: migration_20261122_105511_initial.up,
    down: migration_20261122_105511_initial.down,
    name: '20261122_105511_initial'
  },
];
