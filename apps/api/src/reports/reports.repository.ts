// The reports repository of @claimdesk/db under its former import path, for command-line code that still builds it with the database.
import { ReportsRepository as DbReportsRepository, type Database } from '@claimdesk/db';

export class ReportsRepository extends DbReportsRepository {
  constructor(_db?: Database) {
    super();
  }
}
