// Runtime settings of one API process, resolved once at startup.
export class AppConfig {
  constructor(
    readonly databaseUrl: string,
    readonly embedded: boolean,
    readonly webDir: string | null,
    readonly secureCookies: boolean,
    readonly poolSize: number,
    readonly sessionHours: number,
    readonly version: string,
    readonly publicUrl: string | null,
  ) {}
}
