import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiExtension, ApiSecurity } from '@nestjs/swagger';
import { ApiKeyScope, Role } from '@app/domain';
import { securitySchemesOf } from './security-schemes';

export const ACCESS_KEY = 'access';

export type Access = { readonly public: true } | { readonly roles: readonly Role[] };

/**
 * Roles allowed on a route. Every route states its access; a route without it is refused to everyone.
 * The same declaration documents the route's security schemes, so the OpenAPI document cannot
 * say a route is open while the guard closes it, or the reverse.
 */
export const Allow = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ACCESS_KEY, { roles } satisfies Access),
    ...securitySchemesOf(roles).map((scheme) => ApiSecurity(scheme)),
  );

/** Open to anyone: health, documentation, sign-in, registration, public results. No security scheme. */
export const Public = () => SetMetadata(ACCESS_KEY, { public: true } satisfies Access);

export const API_KEY_SCOPE_KEY = 'api-key-scope';

/**
 * The one scope an office's API key needs to call this route. A route without it refuses every
 * scoped key, so a new route is closed to integrations until someone decides it should be open.
 */
export const KeyScope = (scope: ApiKeyScope) =>
  applyDecorators(SetMetadata(API_KEY_SCOPE_KEY, scope), ApiExtension('x-api-key-scope', scope));
