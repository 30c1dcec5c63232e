import { UnsupportedCapabilityError } from './errors.js';

/** Throws the standard error for an operation outside an adapter's capabilities. */
export function unsupported(provider: string, capability: string): never {
  throw new UnsupportedCapabilityError(provider, capability);
}
