export * from './domain';
export * from './errors';
export * from './intake.schemas';
export * from './list';
export * from './permissions';
export * from './staff';
export * from './staff.schemas';
