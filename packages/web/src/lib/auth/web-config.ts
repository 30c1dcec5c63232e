import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/errors';

/** `GET /v1/config`: read once per page load (it changes only with a server restart). */
export const webConfigQueryOptions = () =>
  queryOptions({ queryKey: ['web-config'], queryFn: () => unwrap(api.GET('/v1/config')), staleTime: Infinity });

export const useWebConfig = () => useQuery(webConfigQueryOptions());
