// Starts the test run's embedded PostgreSQL and applies the migrations once.
const path = require('node:path');
process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || path.join(__dirname, '..', '..', 'tsconfig.runtime.json');
require('@swc-node/register');

module.exports = async function () {
  const { startTestDatabase } = require('../../libs/db/src/testing');
  const { migrate } = require('../../libs/db/src/migrator');
  const db = await startTestDatabase('int');
  await migrate(db.url);
  process.env.DATABASE_URL = db.url;
  process.env.CLAIMDESK_TEST_DATABASE_URL = db.url;
  // Tests share the database: the clock's jobs (feed polls every minute) would poll other tests' feeds. Tests that need a schedule turn it on.
  process.env.CLAIMDESK_SCHEDULES = '0';
  globalThis.__claimdeskTestDb = db;
};
