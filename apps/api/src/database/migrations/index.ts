import { Init1764147600000 } from './1764147600000-init';
import { Staff1764151200000 } from './1764151200000-staff';

/** Every migration, in order. New ones are appended; committed ones are never edited. */
export const MIGRATIONS = [Init1764147600000, Staff1764151200000];
