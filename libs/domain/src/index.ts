export * from './claim-workflow';
export * from './dto';
export * from './errors';
export * from './ratings';
export * from './roles';
export * from './sample-article';
export * from './schemas';
export * from './verdict-workflow';
