// The application's own route table (method, path, access rule), read from the controllers' metadata.
import type { INestApplication, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { ACCESS_KEY, PUBLIC_PAGES_PATH, type Access } from './access';

export interface RouteInfo {
  method: string;
  path: string;
  access: Access | undefined;
  controller: string;
  handler: string;
}

export function routeTable(app: INestApplication, prefix = '/api'): RouteInfo[] {
  const routes: RouteInfo[] = [];
  const modules = app.get(ModulesContainer);
  for (const module of modules.values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type<unknown> | null;
      if (!controller) continue;
      const base = normalise(Reflect.getMetadata(PATH_METADATA, controller));
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        if (name === 'constructor') continue;
        const handler = controller.prototype[name];
        const method = Reflect.getMetadata(METHOD_METADATA, handler);
        if (method === undefined) continue;
        const sub = normalise(Reflect.getMetadata(PATH_METADATA, handler));
        routes.push({
          method: RequestMethod[method as RequestMethod],
          path: `${base === PUBLIC_PAGES_PATH || base.startsWith(`${PUBLIC_PAGES_PATH}/`) ? '' : prefix}${[base, sub]
            .filter(Boolean)
            .map((p) => `/${p}`)
            .join('')}`,
          access: Reflect.getMetadata(ACCESS_KEY, handler) ?? Reflect.getMetadata(ACCESS_KEY, controller),
          controller: controller.name,
          handler: name,
        });
      }
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

function normalise(path: string | string[] | undefined): string {
  const p = Array.isArray(path) ? path[0] : path;
  return (p ?? '').replace(/^\/+|\/+$/g, '');
}
