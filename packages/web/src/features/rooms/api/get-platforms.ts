import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

export const getPlatforms = async () => (await unwrap(api.GET('/v1/platforms'))).items;

/** The platforms rooms may use here; they change only when the server's configuration does. */
export const platformsQueryOptions = () => queryOptions({ queryKey: ['platforms'], queryFn: getPlatforms, staleTime: 5 * 60_000 });

export const usePlatforms = () => useQuery(platformsQueryOptions());
