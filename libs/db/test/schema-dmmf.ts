// Reads schema.prisma's data model (DMMF) with Prisma's own schema parser, compiled to WebAssembly.
import fs from 'node:fs';
import path from 'node:path';

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: string;
  type: string;
  isList: boolean;
  isRequired: boolean;
  nativeType?: [string, string[]] | null;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfIndex {
  model: string;
  type: 'id' | 'unique' | 'normal' | 'fulltext';
  fields: Array<{ name: string }>;
}
export interface Dmmf {
  models: DmmfModel[];
  enums: Array<{ name: string; values: Array<{ name: string }> }>;
  indexes: DmmfIndex[];
}

export function getSchema(): Dmmf {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const wasm = require('@prisma/prisma-schema-wasm');
  const schema = fs.readFileSync(path.resolve(__dirname, '../../../prisma/schema.prisma'), 'utf8');
  return JSON.parse(wasm.get_dmmf(JSON.stringify({ prismaSchema: [['schema.prisma', schema]] }))).datamodel;
}
