export * from './domain';
export * from './errors';
export * from './list';
export * from './permissions';
export * from './staff';
export * from './staff.schemas';
